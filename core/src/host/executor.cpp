#include "host/executor.hpp"

#include <algorithm>

#include "host/resolved_pipeline.hpp"
#include "host/thread_executor.hpp"
#include "host/worker_pool.hpp"

namespace docpipe::host {

std::unique_ptr<Executor> make_executor(const Pipeline& pipeline, const PluginRegistry& registry,
                                        const ExecutorSettings& settings) {
  if (settings.isolation == "thread")
    return std::make_unique<ThreadExecutor>(pipeline, registry, settings);
  WorkerPoolOptions wo;
  wo.executable = settings.worker_executable;
  wo.worker.pipeline = resolved_pipeline_json(pipeline);
  wo.worker.out_dir = settings.out_dir;
  wo.worker.memory_limit_mb = pipeline.run.memory_limit_mb;
  wo.worker.for_batch = settings.for_batch;
  wo.workers = settings.jobs;
  wo.timeout_seconds = pipeline.run.timeout;
  wo.recycle_after = pipeline.run.recycle_after;
  return std::make_unique<WorkerPool>(std::move(wo));
}

}  // namespace docpipe::host
