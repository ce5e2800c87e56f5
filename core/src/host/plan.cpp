#include "host/plan.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "docpipe/text.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

std::string processing_hash(const Pipeline& pipeline) {
  auto j = pipeline.merged;
  if (j.is_object()) {
    j.erase("run");
    j.erase("inputs");
  }
  return text::sha256_hex(j.dump());
}

std::string plugin_versions(const Pipeline& pipeline, const PluginRegistry& registry) {
  std::set<std::string> names;
  // Without explicit readers every reader takes part in sniffing.
  if (pipeline.readers.empty())
    for (const auto* r : registry.of_kind(PluginKind::reader)) names.insert(r->name);
  for (const auto& r : pipeline.readers) names.insert(r.use);
  for (const auto& s : pipeline.stages) names.insert(s.use);
  for (const auto& o : pipeline.outputs) names.insert(o.use);
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

std::vector<PlannedItem> plan_run(const std::vector<InputItem>& items,
                                  const std::unordered_map<std::string, LedgerEntry>& ledger,
                                  const std::string& pipeline_hash, const std::string& plugins,
                                  bool force) {
  std::vector<PlannedItem> plan(items.size());
  // Hashing is most of the cost of a no-change run: spread it over the cores.
  tbb::parallel_for(std::size_t(0), items.size(), [&](std::size_t i) {
    auto& p = plan[i];
    p.item = items[i];
    std::error_code ec;
    auto abs = fs::absolute(items[i].path, ec);
    p.key = (ec ? items[i].path : abs).lexically_normal().string();
    p.content_sha256 = file_sha256(items[i].path);
    if (force) {
      p.reason = "forced";
      return;
    }
    auto it = ledger.find(p.key);
    if (it == ledger.end()) {
      p.reason = "new";
      return;
    }
    const auto& e = it->second;
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
    } else {
      p.process = false;
      p.reason = "unchanged";
    }
  });
  return plan;
}

}  // namespace docpipe::host
