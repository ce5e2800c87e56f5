// The batch writers of a run (write.xlsx and the like): one instance each in
// the parent, begun only when some document is processed or a batch output is
// missing, so a no-change run rewrites nothing; fed each document in input
// order (as a summary where the writer takes summaries), finished once.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "docpipe/plugin.hpp"
#include "host/pipeline.hpp"
#include "host/registry.hpp"
#include "host/run_summary.hpp"

namespace docpipe::host {

class BatchWriters {
 public:
  BatchWriters(const Pipeline& pipeline, const PluginRegistry& registry,
               const std::filesystem::path& out_dir);
  bool any() const { return !slots_.empty(); }
  // Some batch writer takes whole documents (built for ABI 1.0, or it does
  // not summarize): workers then send each document's JSON.
  bool needs_documents() const;
  bool all_outputs_exist() const;
  // Some writer needs the whole document, given the summaries at hand: it
  // takes documents, or its summary is not among them.
  bool wants_document(const nlohmann::json& summaries) const;
  void begin(const RunInfo& info);
  bool active() const { return active_; }
  // How many writers take summaries.
  std::size_t summarizers() const;
  // One document for every batch writer: its summary where the writer takes
  // summaries (made here from the document when none was kept, e.g. a ledger
  // written before the writer summarized), else the whole document. A
  // writer that gets neither does not see the document. A writer's failure
  // becomes a note of the summary.
  void add(const std::string& input, const Document* doc, const nlohmann::json& summaries,
           const DocumentStatus& st, RunSummary& summary);
  // Writes every batch output atomically; throws Error naming the output.
  void finish(const RunTotals& totals, RunSummary& summary);

 private:
  struct Slot {
    const OutputSpec* spec;
    PluginInstance instance;
    std::filesystem::path target;
    bool summaries;  // fed with add_summary, not add
  };
  std::vector<Slot> slots_;
  bool active_ = false;
};

}  // namespace docpipe::host
