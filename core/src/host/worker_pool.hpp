// The process executor: a pool of worker processes (docpipe __worker) fed one
// document at a time. The parent enforces the per-document time limit
// (SIGKILL), notices crashes (the result pipe closes; waitpid says why),
// restarts workers after a crash, an allocation failure or every
// `recycle_after` documents, and keeps the tail of each worker's stderr as the
// log excerpt of its current document.
#pragma once

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "host/executor.hpp"
#include "host/inputs.hpp"
#include "host/worker_protocol.hpp"

namespace docpipe::host {

struct WorkerPoolOptions {
  std::filesystem::path executable;  // the docpipe binary (runs `__worker`)
  WorkerConfig worker;
  int workers = 1;
  double timeout_seconds = 120;  // per document; <= 0 means none
  int recycle_after = 1000;      // documents per worker; <= 0 means never
};

class WorkerPool final : public Executor {
 public:
  explicit WorkerPool(WorkerPoolOptions options);
  ~WorkerPool() override;  // kills and reaps every worker
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Calls feed.on_done as documents finish, in completion order, from this
  // thread.
  void run(const InputList& items, const std::vector<std::size_t>& todo,
           const ExecutionFeed& feed) override;

 private:
  struct Worker;
  struct Run;
  void spawn(Worker& w);
  void stop(Worker& w, bool kill_it);
  bool any_busy() const;
  void start_running(Worker& w);
  void dispatch(Worker& w, Run& run);
  void wait_for_workers(Run& run);
  void read_log(Worker& w);
  void read_results(Worker& w, Run& run);
  void reap(Worker& w, Run& run);
  void enforce_time_limits(Run& run);
  void finish_crashed(Worker& w, Run& run, Outcome outcome, ErrorKind kind, const std::string& why);
  WorkerPoolOptions options_;
  std::string pipeline_line_;  // the first line every worker reads
  std::vector<Worker> workers_;
};

}  // namespace docpipe::host
