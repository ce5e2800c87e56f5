#include "host/batch_writers.hpp"

#include <algorithm>
#include <optional>

#include "docpipe/error.hpp"
#include "host/atomic_output.hpp"
#include "host/processor.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

BatchWriters::BatchWriters(const Pipeline& pipeline, const PluginRegistry& registry,
                           const fs::path& out_dir) {
  for (const auto& o : pipeline.outputs) {
    const auto* pi = registry.find(o.use);
    if (!pi || !pi->batch) continue;
    auto instance = registry.create(o.use, o.id, Params(o.with));
    const bool summaries = takes_summaries(*pi, instance.get());
    slots_.push_back({&o, std::move(instance),
                      expand_output_path(o.path, out_dir, InputItem{pipeline.file, ""}),
                      summaries});
  }
}

bool BatchWriters::needs_documents() const {
  return std::any_of(slots_.begin(), slots_.end(), [](auto& s) { return !s.summaries; });
}

bool BatchWriters::all_outputs_exist() const {
  std::error_code ec;
  return std::all_of(slots_.begin(), slots_.end(),
                     [&](auto& s) { return fs::exists(s.target, ec); });
}

bool BatchWriters::wants_document(const nlohmann::json& summaries) const {
  return std::any_of(slots_.begin(), slots_.end(),
                     [&](auto& s) { return !s.summaries || !summaries.contains(s.spec->id); });
}

void BatchWriters::begin(const RunInfo& info) {
  active_ = true;
  for (auto& s : slots_) s.instance->as_batch_writer()->begin(info);
}

std::size_t BatchWriters::summarizers() const {
  return static_cast<std::size_t>(
      std::count_if(slots_.begin(), slots_.end(), [](auto& s) { return s.summaries; }));
}

void BatchWriters::add(const std::string& input, const Document* doc,
                       const nlohmann::json& summaries, const DocumentStatus& st,
                       RunSummary& summary) {
  if (!active_) return;
  // A document that failed before it was read (or crashed, or timed out)
  // has neither: it reaches the writers as an empty document that only
  // has its path, with its status and error, so a workbook lists it.
  std::optional<Document> stub;
  if (!doc && (summaries.is_null() || summaries.empty())) {
    stub.emplace();
    stub->source.path = input;
    doc = &*stub;
  }
  for (auto& s : slots_) {
    auto* writer = s.instance->as_batch_writer();
    try {
      // (find on a null summaries value finds nothing)
      if (!s.summaries) {
        if (doc) writer->add(*doc, st);
      } else if (auto it = summaries.find(s.spec->id); it != summaries.end()) {
        writer->add_summary(*it, st);
      } else if (doc) {
        writer->add_summary(writer->summarize(*doc), st);
      }
    } catch (const std::exception& e) {
      summary.notes.push_back(s.spec->id + ": " + input + ": " + e.what());
    }
  }
}

void BatchWriters::finish(const RunTotals& totals, RunSummary& summary) {
  if (!active_) return;
  for (auto& s : slots_) {
    try {
      write_output(s.target,
                   [&](OutputFile& out) { s.instance->as_batch_writer()->finish(totals, out); });
      summary.batch_outputs.push_back(s.target.string());
    } catch (const std::exception& e) {
      throw Error(s.spec->id + ": cannot write " + s.target.string() + ": " + e.what());
    }
  }
}

}  // namespace docpipe::host
