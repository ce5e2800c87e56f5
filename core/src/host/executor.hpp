// Execute, the middle of a run (plan -> execute -> record): an Executor runs
// the planned documents and hands each result to one consumer, the
// RunRecorder, in completion order and from one thread at a time. Two implementations: worker
// processes (run.isolation: process, the default; limits enforced, a crash loses one document) and
// threads of this process (run.isolation: thread; faster to start, no limits).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "host/inputs.hpp"
#include "host/pipeline.hpp"
#include "host/processor.hpp"
#include "host/registry.hpp"

namespace docpipe::host {

// One finished document, as an executor hands it over.
struct ExecutedDocument {
  std::size_t index = 0;  // into the items given to run()
  ProcessResult result;
  std::string document_json;   // when a batch writer takes whole documents
  std::string summaries_json;  // result.batch_summaries as text, when set
  std::string log_excerpt;     // a worker's stderr while it ran this document
};

// What the consumer tells an executor while it runs.
struct ExecutionFeed {
  // Whether items[i] may start now. False with nothing running ends the run
  // early (run.on_error: stop); otherwise it is back-pressure, asked again
  // once a document finishes.
  std::function<bool(std::size_t)> may_dispatch;
  std::function<void(ExecutedDocument&&)> on_done;
};

class Executor {
 public:
  virtual ~Executor() = default;
  // Processes items[i] for every i in `todo` (ascending).
  virtual void run(const InputList& items, const std::vector<std::size_t>& todo,
                   const ExecutionFeed& feed) = 0;
};

struct ExecutorSettings {
  std::string isolation;  // process | thread
  int jobs = 1;
  std::filesystem::path out_dir;
  bool for_batch = false;                   // batch writers are active: summaries wanted
  bool needs_documents = false;             // and some batch writer takes whole documents
  std::filesystem::path worker_executable;  // process isolation: the docpipe binary
};

std::unique_ptr<Executor> make_executor(const Pipeline& pipeline, const PluginRegistry& registry,
                                        const ExecutorSettings& settings);

}  // namespace docpipe::host
