#include "host/thread_executor.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include "host/worker_protocol.hpp"

namespace docpipe::host {

ThreadExecutor::ThreadExecutor(const Pipeline& pipeline, const PluginRegistry& registry,
                               ExecutorSettings settings)
    : pipeline_(pipeline), registry_(registry), settings_(std::move(settings)) {}

void ThreadExecutor::run(const InputList& items, const std::vector<std::size_t>& todo,
                         const ExecutionFeed& feed) {
  using Done = std::pair<std::size_t, ProcessResult>;
  const auto jobs = static_cast<std::size_t>(std::max(1, settings_.jobs));
  std::size_t next = 0;
  tbb::enumerable_thread_specific<std::unique_ptr<DocumentProcessor>> processors;
  // At most 2 * jobs documents are in flight and the last stage consumes in
  // input order, so the consumer's window is never the reason to refuse:
  // a refusal means the run stops.
  auto hand_out = [&](tbb::flow_control& fc) -> std::size_t {
    if (next >= todo.size() || !feed.may_dispatch(todo[next])) {
      fc.stop();
      return 0;
    }
    return todo[next++];
  };
  auto process = [&](std::size_t i) {
    auto& proc = processors.local();
    if (!proc) proc = std::make_unique<DocumentProcessor>(pipeline_, registry_);
    return Done(i, proc->process(items[i], settings_.out_dir, settings_.for_batch));
  };
  auto hand_over = [&](Done done) {
    ExecutedDocument d;
    d.index = done.first;
    d.result = std::move(done.second);
    if (settings_.needs_documents && d.result.doc) d.document_json = document_text(*d.result.doc);
    if (!d.result.batch_summaries.is_null())
      d.summaries_json = summaries_text(d.result.batch_summaries);
    feed.on_done(std::move(d));
  };
  tbb::task_arena arena(static_cast<int>(jobs));
  arena.execute([&] {
    tbb::parallel_pipeline(
        jobs * 2, tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order, hand_out) &
                      tbb::make_filter<std::size_t, Done>(tbb::filter_mode::parallel, process) &
                      tbb::make_filter<Done, void>(tbb::filter_mode::serial_in_order, hand_over));
  });
}

}  // namespace docpipe::host
