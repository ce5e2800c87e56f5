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

// Why an output recorded for the input must be rebuilt, or empty: missing,
// or not the size it was written with (cut short by a power loss before the
// end-of-run sync, or changed by hand).
std::string damaged_output(const LedgerEntry& e) {
  for (std::size_t i = 0; i < e.outputs.size(); ++i) {
    std::error_code ec;
    const auto size = fs::file_size(e.outputs[i], ec);
    if (ec) return "output missing";
    if (i < e.output_sizes.size() && e.output_sizes[i] >= 0 &&
        static_cast<std::int64_t>(size) != e.output_sizes[i])
      return "output changed";
  }
  return {};
}

bool is_failure(const std::string& status) {
  return status == "failed" || status == "timeout" || status == "crashed";
}

}  // namespace

namespace {

// Decides one input from its ledger entry (content hash already known).
void decide(PlannedItem& p, const std::optional<LedgerEntry>& entry,
            const std::string& pipeline_hash, const std::string& plugins, bool force,
            const ExpectedOutputs& expected) {
  if (entry) {
    p.known = true;
    p.known_status = entry->status;
    p.known_error = entry->error;
    p.known_seconds = entry->seconds;
  }
  if (force) {
    p.reason = "forced";
    return;
  }
  if (!entry) {
    p.reason = "new";
    return;
  }
  const auto& e = *entry;
  if (p.content_sha256.empty() || e.content_sha256 != p.content_sha256) {
    p.reason = "changed";
  } else if (e.pipeline_hash != pipeline_hash) {
    p.reason = "pipeline changed";
  } else if (e.plugin_versions != plugins) {
    p.reason = "plugin changed";
  } else if (is_failure(e.status)) {
    // Quarantined: retried only when the input or the pipeline changes.
    p.process = false;
    p.reason = "quarantined (unchanged)";
  } else if (auto why = damaged_output(e); !why.empty()) {
    p.reason = why;
  } else if (expected && e.status == "ok" && expected(*p.item) != e.outputs) {
    p.reason = "output renamed";
  } else {
    p.process = false;
    p.reason = "unchanged";
  }
}

// Inputs planned together: their ledger entries are in memory at once.
constexpr std::size_t kPlanChunk = 4096;

}  // namespace

std::vector<PlannedItem> plan_run(const std::vector<InputItem>& items, const LedgerLookup& ledger,
                                  const std::string& pipeline_hash, const std::string& plugins,
                                  bool force, const ExpectedOutputs& expected) {
  std::vector<PlannedItem> plan(items.size());
  std::vector<std::optional<LedgerEntry>> entries;
  for (std::size_t first = 0; first < items.size(); first += kPlanChunk) {
    const std::size_t last = std::min(items.size(), first + kPlanChunk);
    entries.assign(last - first, std::nullopt);
    for (std::size_t i = first; i < last; ++i) {
      auto& p = plan[i];
      p.item = &items[i];
      std::error_code ec;
      auto abs = fs::absolute(items[i].path, ec);
      p.key = (ec ? items[i].path : abs).lexically_normal().string();
      if (ledger) entries[i - first] = ledger(p.key);
    }
    // Hashing is most of the cost of a no-change run: spread it over the cores.
    tbb::parallel_for(first, last, [&](std::size_t i) {
      auto& p = plan[i];
      p.content_sha256 = file_sha256(items[i].path);
      decide(p, entries[i - first], pipeline_hash, plugins, force, expected);
    });
  }
  return plan;
}

std::vector<PlannedItem> plan_run(const std::vector<InputItem>& items,
                                  const std::unordered_map<std::string, LedgerEntry>& ledger,
                                  const std::string& pipeline_hash, const std::string& plugins,
                                  bool force, const ExpectedOutputs& expected) {
  return plan_run(
      items,
      [&](const std::string& key) -> std::optional<LedgerEntry> {
        auto it = ledger.find(key);
        if (it == ledger.end()) return std::nullopt;
        return it->second;
      },
      pipeline_hash, plugins, force, expected);
}

}  // namespace docpipe::host
