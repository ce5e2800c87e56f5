// The worker process: one document at a time, in a process of its own so a
// plugin that crashes, hangs or eats memory takes down only this process.
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <new>

#include "docpipe/error.hpp"
#include "docpipe/json.hpp"
#include "host/pipeline.hpp"
#include "host/registry.hpp"
#include "host/resolved_pipeline.hpp"
#include "host/stage_board.hpp"
#include "host/worker_protocol.hpp"

// AddressSanitizer reserves terabytes of address space for its shadow
// memory: a limit on the address space makes every later allocation fail,
// so a sanitizer build (make test-asan) runs its workers without one.
#if defined(__SANITIZE_ADDRESS__)
#define DOCPIPE_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DOCPIPE_ADDRESS_SANITIZER 1
#endif
#endif

namespace docpipe::host {

namespace {

void limit_resources(long memory_limit_mb) {
  // A crashing plugin must not spend seconds writing a core file per document.
  rlimit core{0, 0};
  setrlimit(RLIMIT_CORE, &core);
#ifdef DOCPIPE_ADDRESS_SANITIZER
  memory_limit_mb = 0;
#endif
  if (memory_limit_mb > 0) {
    // Address space, not RSS: a runaway allocation then fails inside the
    // plugin (std::bad_alloc) instead of waking the kernel's OOM killer.
    rlim_t bytes = static_cast<rlim_t>(memory_limit_mb) * 1024 * 1024;
    rlimit as{bytes, bytes};
    setrlimit(RLIMIT_AS, &as);
  }
}

bool write_all(int fd, const std::string& s) {
  const char* p = s.data();
  std::size_t left = s.size();
  while (left > 0) {
    auto n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

int worker_main(const WorkerConfig& config) {
  // Started through /proc/self/exe, the process would be called "exe" in
  // ps and top; operators look for docpipe.
  prctl(PR_SET_NAME, "docpipe-worker");
  FILE* in = fdopen(kWorkerRequestFd, "r");
  if (!in) return kWorkerSetupFailed;
  char* line = nullptr;
  std::size_t cap = 0;
  ssize_t len = getline(&line, &cap, in);
  std::unique_ptr<PluginRegistry> registry;
  std::unique_ptr<Pipeline> pipeline;
  std::unique_ptr<DocumentProcessor> processor;
  try {
    if (len <= 0) throw Error("no pipeline on the request pipe");
    pipeline = std::make_unique<Pipeline>(pipeline_from_resolved_json(
        nlohmann::json::parse(std::string_view(line, static_cast<std::size_t>(len)))));
    registry = std::make_unique<PluginRegistry>();
    for (const auto& dir : PluginRegistry::default_search_path()) registry->load_directory(dir);
    for (const auto& dir : pipeline->plugin_paths)
      if (std::filesystem::is_directory(dir)) registry->load_directory(dir);
    processor = std::make_unique<DocumentProcessor>(*pipeline, *registry);
  } catch (const std::exception& e) {
    std::cerr << "docpipe worker: cannot set up the pipeline"
              << (pipeline ? " of " + pipeline->file.string() : std::string()) << ": " << e.what()
              << "\n";
    free(line);
    return kWorkerSetupFailed;
  }
  limit_resources(config.memory_limit_mb);
  // Where the parent reads the step a crash or time-out interrupted.
  StageBoard board = StageBoard::attach();
  processor->on_step([&board](std::string_view id) { board.post(id); });

  while ((len = getline(&line, &cap, in)) > 0) {
    WorkResult w;
    try {
      InputItem item;
      decode_request(std::string_view(line, static_cast<std::size_t>(len)), w.index, item);
      w.result = processor->process(item, config.out_dir, config.for_batch);
      if (config.for_batch && processor->batch_needs_documents() && w.result.doc)
        w.document_json = document_text(*w.result.doc);
    } catch (const std::bad_alloc&) {
      w.result.outcome = Outcome::failed;
      w.result.error_kind = ErrorKind::limit_exceeded;
      w.result.error = "std::bad_alloc";
    } catch (const std::exception& e) {
      w.result.outcome = Outcome::failed;
      w.result.error_kind = ErrorKind::plugin;
      w.result.error = std::string("worker: ") + e.what();
    }
    // Stages catch exceptions themselves and say when one was an allocation
    // failure. The heap may be in a poor state afterwards: the worker
    // answers, then exits and the parent starts a fresh one.
    if (w.result.error_kind == ErrorKind::limit_exceeded) {
      w.out_of_memory = true;
      w.result.error = "memory limit of " + std::to_string(config.memory_limit_mb) +
                       " MB exceeded (" + w.result.error + ")";
      w.document_json.clear();
      w.result.batch_summaries = nullptr;
    }
    w.result.doc.reset();
    std::string reply;
    try {
      reply = encode_result(w);
    } catch (const std::exception& e) {
      w.document_json.clear();
      w.result.batch_summaries = nullptr;
      w.result.error = std::string("cannot encode the result: ") + e.what();
      w.result.outcome = Outcome::failed;
      w.result.error_kind = ErrorKind::plugin;
      reply = encode_result(w);
    }
    if (!write_all(kWorkerResultFd, reply)) break;
    if (w.out_of_memory) break;
  }
  free(line);
  return 0;
}

}  // namespace docpipe::host
