// A pool of worker processes (docpipe __worker) fed one document at a time.
// The parent enforces the per-document time limit (SIGKILL), notices crashes
// (the result pipe closes; waitpid says why), restarts workers after a crash,
// an allocation failure or every `recycle_after` documents, and keeps the
// tail of each worker's stderr as the log excerpt of its current document.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

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

struct PoolResult {
  WorkResult work;
  std::string log_excerpt;  // the worker's stderr while it ran this document
};

class WorkerPool {
 public:
  explicit WorkerPool(WorkerPoolOptions options);
  ~WorkerPool();  // kills and reaps every worker
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Processes items[i] for every i in `todo` (ascending), dispatching i only
  // when may_dispatch(i) (back-pressure for the in-order consumer). Calls
  // on_result as documents finish, in completion order, from this thread.
  void run(const std::vector<InputItem>& items, const std::vector<std::size_t>& todo,
           const std::function<bool(std::size_t)>& may_dispatch,
           const std::function<void(PoolResult&&)>& on_result);

 private:
  struct Worker;
  void spawn(Worker& w);
  void stop(Worker& w, bool kill_it);
  WorkerPoolOptions options_;
  std::vector<Worker> workers_;
};

}  // namespace docpipe::host
