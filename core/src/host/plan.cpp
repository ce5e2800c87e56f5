#include "host/plan.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "docpipe/text.hpp"
#include "host/schema_check.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

namespace {

// Every plugin a pipeline may use, sorted.
std::set<std::string> plugins_in_use(const Pipeline& pipeline, const PluginRegistry& registry) {
  std::set<std::string> names;
  // Without explicit readers every reader takes part in sniffing.
  if (pipeline.readers.empty())
    for (const auto* r : registry.of_kind(PluginKind::reader)) names.insert(r->name);
  for (const auto& r : pipeline.readers) names.insert(r.use);
  for (const auto& s : pipeline.stages) names.insert(s.use);
  for (const auto& o : pipeline.outputs) names.insert(o.use);
  return names;
}

}  // namespace

std::string data_files_hash(const Pipeline& pipeline, const PluginRegistry& registry) {
  std::string listing;
  for (const auto& name : plugins_in_use(pipeline, registry)) {
    const auto* info = registry.find(name);
    if (!info) continue;
    const fs::path dir = info->library.parent_path() / info->name;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec)) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
      listing +=
          name + "/" + f.lexically_relative(dir).generic_string() + " " + file_sha256(f) + "\n";
  }
  // Files the stages' parameters name (a glossary beside the pipeline).
  auto named = [&](const std::string& id, const std::string& use, const nlohmann::json& with) {
    const auto* info = registry.find(use);
    if (!info) return;
    auto schema = nlohmann::json::parse(info->params_schema, nullptr, false);
    for (const auto& f : path_params(schema, with))
      listing += id + " " + f.string() + " " + file_sha256(f) + "\n";
  };
  for (const auto& s : pipeline.readers) named(s.id, s.use, s.with);
  for (const auto& s : pipeline.stages) named(s.id, s.use, s.with);
  for (const auto& o : pipeline.outputs) named(o.id, o.use, o.with);
  return listing.empty() ? std::string() : text::sha256_hex(listing);
}

std::string processing_hash(const Pipeline& pipeline, const PluginRegistry& registry) {
  auto j = pipeline.merged;
  if (j.is_object()) {
    j.erase("run");
    j.erase("inputs");
  }
  const auto data = data_files_hash(pipeline, registry);
  // Without data files the hash stays what it was before data files
  // counted, so ledgers of such pipelines are not invalidated.
  return text::sha256_hex(j.dump() + (data.empty() ? "" : "\ndata " + data));
}

std::string plugin_versions(const Pipeline& pipeline, const PluginRegistry& registry) {
  const auto names = plugins_in_use(pipeline, registry);
  std::string out;
  for (const auto& n : names) {
    const auto* info = registry.find(n);
    out += (out.empty() ? "" : ",") + n + "=" + (info ? info->version : "?");
  }
  return out;
}

std::string file_sha256(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return {};
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (f.bad()) return {};
  return text::sha256_hex(bytes);
}

namespace {

// Why an output recorded for the input must be rebuilt, or null: missing,
// or not the size it was written with (cut short by a power loss before the
// end-of-run sync, or changed by hand).
const char* damaged_output(const LedgerEntry& e) {
  for (std::size_t i = 0; i < e.outputs.size(); ++i) {
    std::error_code ec;
    const auto size = fs::file_size(e.outputs[i], ec);
    if (ec) return "output missing";
    if (i < e.output_sizes.size() && e.output_sizes[i] >= 0 &&
        static_cast<std::int64_t>(size) != e.output_sizes[i])
      return "output changed";
  }
  return nullptr;
}

constexpr char kHex[] = "0123456789abcdef";

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The 32 bytes of a hex sha256; false when `hex` is not one.
bool sha256_bytes(const std::string& hex, std::array<unsigned char, 32>& out) {
  if (hex.size() != 64) return false;
  for (std::size_t i = 0; i < 32; ++i) {
    const int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return true;
}

bool is_failure(const std::string& status) {
  return status == "failed" || status == "timeout" || status == "crashed";
}

}  // namespace

namespace {

// Decides one input from its ledger entry (content hash already known).
void decide(PlannedItem& p, const std::string& content_hash,
            const std::optional<LedgerEntry>& entry, const std::string& pipeline_hash,
            const std::string& plugins, bool force,
            const std::function<std::vector<std::string>()>& expected) {
  p.known = entry.has_value();
  if (force) {
    p.reason = "forced";
    return;
  }
  if (!entry) {
    p.reason = "new";
    return;
  }
  const auto& e = *entry;
  if (content_hash.empty() || e.content_sha256 != content_hash) {
    p.reason = "changed";
  } else if (e.pipeline_hash != pipeline_hash) {
    p.reason = "pipeline changed";
  } else if (e.plugin_versions != plugins) {
    p.reason = "plugin changed";
  } else if (is_failure(e.status)) {
    // Quarantined: retried only when the input or the pipeline changes.
    p.process = false;
    p.reason = "quarantined (unchanged)";
  } else if (const char* why = damaged_output(e)) {
    p.reason = why;
  } else if (expected && e.status == "ok" && expected() != e.outputs) {
    p.reason = "output renamed";
  } else {
    p.process = false;
    p.reason = "unchanged";
  }
}

// Inputs planned together: their ledger entries are in memory at once.
constexpr std::size_t kPlanChunk = 4096;

}  // namespace

std::string PlannedItem::content_hash() const {
  if (!readable) return {};
  std::string hex(64, '0');
  for (std::size_t i = 0; i < 32; ++i) {
    hex[2 * i] = kHex[content_sha256[i] >> 4];
    hex[2 * i + 1] = kHex[content_sha256[i] & 15];
  }
  return hex;
}

std::string ledger_key(std::string_view path) {
  const fs::path p(path);
  std::error_code ec;
  auto abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal().string();
}

std::vector<PlannedItem> plan_run(const InputList& items, const LedgerLookup& ledger,
                                  const std::string& pipeline_hash, const std::string& plugins,
                                  bool force, const ExpectedOutputs& expected) {
  std::vector<PlannedItem> plan(items.size());
  std::vector<std::optional<LedgerEntry>> entries;
  for (std::size_t first = 0; first < items.size(); first += kPlanChunk) {
    const std::size_t last = std::min(items.size(), first + kPlanChunk);
    entries.assign(last - first, std::nullopt);
    if (ledger)
      for (std::size_t i = first; i < last; ++i)
        entries[i - first] = ledger(ledger_key(items.path(i)));
    // Hashing is most of the cost of a no-change run: spread it over the cores.
    tbb::parallel_for(first, last, [&](std::size_t i) {
      auto& p = plan[i];
      const std::string hash = file_sha256(fs::path(items.path(i)));
      p.readable = sha256_bytes(hash, p.content_sha256);
      std::function<std::vector<std::string>()> outputs;
      if (expected) outputs = [&] { return expected(items[i]); };
      decide(p, p.readable ? hash : std::string(), entries[i - first], pipeline_hash, plugins,
             force, outputs);
    });
  }
  return plan;
}

std::vector<PlannedItem> plan_run(const std::vector<InputItem>& items,
                                  const std::unordered_map<std::string, LedgerEntry>& ledger,
                                  const std::string& pipeline_hash, const std::string& plugins,
                                  bool force, const ExpectedOutputs& expected) {
  InputList list;
  for (const auto& item : items) list.push_back(item);
  return plan_run(
      list,
      [&](const std::string& key) -> std::optional<LedgerEntry> {
        auto it = ledger.find(key);
        if (it == ledger.end()) return std::nullopt;
        return it->second;
      },
      pipeline_hash, plugins, force, expected);
}

}  // namespace docpipe::host
