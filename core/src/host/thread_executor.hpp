// Documents on threads of this process (run.isolation: thread): a oneTBB
// parallel_pipeline whose serial first stage hands out documents, whose
// parallel stage processes them (one DocumentProcessor per thread) and whose
// serial in-order last stage hands results to the consumer. Fastest, but a
// crashing plugin takes the run down and time and memory limits cannot be
// enforced.
#pragma once

#include "host/executor.hpp"

namespace docpipe::host {

class ThreadExecutor final : public Executor {
 public:
  ThreadExecutor(const Pipeline& pipeline, const PluginRegistry& registry,
                 ExecutorSettings settings);
  void run(const InputList& items, const std::vector<std::size_t>& todo,
           const ExecutionFeed& feed) override;

 private:
  const Pipeline& pipeline_;
  const PluginRegistry& registry_;
  ExecutorSettings settings_;
};

}  // namespace docpipe::host
