// Record, the end of a run (plan -> execute -> record): takes each finished
// document from the executor, in completion order, and
//  - records it in the ledger at once (a killed run resumes from there),
//  - quarantines a failure or releases an earlier quarantine entry,
//  - feeds batch writers and progress in input order, the documents the plan
//    skipped included (from what the ledger kept of them),
//  - counts statuses and reasons into the run summary,
//  - tells the executor when to hold back: dispatch may run at most `window`
//    documents ahead of the oldest unfinished one (memory held for in-order
//    batch writers), and not at all after a failure under run.on_error: stop.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "host/batch_writers.hpp"
#include "host/executor.hpp"
#include "host/ledger.hpp"
#include "host/plan.hpp"
#include "host/quarantine.hpp"
#include "host/run_summary.hpp"

namespace docpipe::host {

struct RecorderSettings {
  std::int64_t run_id = 0;
  std::string pipeline_hash;
  std::string plugin_versions;
  bool stop_on_error = false;  // run.on_error: stop
  std::size_t window = 256;
};

class RunRecorder {
 public:
  RunRecorder(const InputList& items, const std::vector<PlannedItem>& plan, Ledger& ledger,
              BatchWriters& batch, const Quarantine& quarantine, RunSummary& summary,
              const ProgressCallback& progress, RecorderSettings settings);

  // What the executor is told: may_dispatch and on_done lead here.
  ExecutionFeed feed();
  bool may_dispatch(std::size_t index) const;
  void record(ExecutedDocument&& done);
  // Hands on every document whose turn has come: call once before the
  // executor starts (leading skipped documents) and once after it ends.
  void emit_in_order();
  // Documents of the plan that never reached the summary (run stopped).
  std::size_t not_run() const { return plan_.size() - next_in_order_; }

 private:
  // A finished document waiting for its turn in input order.
  struct Finished {
    DocumentRecord record;
    std::optional<Document> doc;  // only when a batch writer takes whole documents
    nlohmann::json summaries;     // by batch stage id
  };
  void record_in_ledger(const PlannedItem& p, const std::string& key, const ExecutedDocument& done);
  std::string quarantine_or_release(const InputItem& item, const PlannedItem& p,
                                    const std::string& key, const ProcessResult& r,
                                    const std::string& log_excerpt);
  DocumentRecord emit_skipped(std::size_t index);

  const InputList& items_;
  const std::vector<PlannedItem>& plan_;
  Ledger& ledger_;
  BatchWriters& batch_;
  const Quarantine& quarantine_;
  RunSummary& summary_;
  const ProgressCallback& progress_;
  RecorderSettings settings_;
  const bool needs_documents_;
  const std::size_t summarizers_;
  std::map<std::size_t, Finished> waiting_;
  // Read by the thread executor's first stage while its last stage records.
  std::atomic<std::size_t> next_in_order_{0};
  std::atomic<bool> stopped_{false};
  std::size_t done_ = 0;
};

}  // namespace docpipe::host
