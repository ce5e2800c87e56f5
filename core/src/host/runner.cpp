#include "host/runner.hpp"

#include <chrono>
#include <ctime>
#include <mutex>
#include <thread>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include "docpipe/error.hpp"
#include "host/atomic_output.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

std::string now_iso8601() {
  auto t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

int RunSummary::exit_code() const {
  for (const auto& [status, n] : counts)
    if (n > 0 && (status == "failed" || status == "timeout" || status == "crashed")) return 1;
  return 0;
}

nlohmann::json RunSummary::to_json() const {
  nlohmann::json docs = nlohmann::json::array();
  for (const auto& d : documents)
    docs.push_back({{"input", d.input},
                    {"status", d.status},
                    {"stage", d.stage},
                    {"error", d.error},
                    {"seconds", d.seconds},
                    {"outputs", d.outputs}});
  return {{"pipeline", pipeline}, {"pipeline_hash", pipeline_hash}, {"started", started},
          {"finished", finished}, {"seconds", seconds},             {"counts", counts},
          {"documents", docs},    {"notes", notes},                 {"batch_outputs", batch_outputs}};
}

namespace {

struct BatchSlot {
  const OutputSpec* spec;
  PluginInstance instance;
};

}  // namespace

RunSummary run_pipeline(const Pipeline& pipeline, const PluginRegistry& registry,
                        const RunOptions& options, const ProgressCallback& progress) {
  auto t0 = std::chrono::steady_clock::now();
  RunSummary summary;
  summary.pipeline = pipeline.name.empty() ? pipeline.file.string() : pipeline.name;
  summary.pipeline_hash = pipeline.hash();
  summary.started = now_iso8601();

  fs::path out_dir = !options.out_dir.empty() ? options.out_dir
                     : !pipeline.run.out.empty() ? fs::path(pipeline.run.out)
                                                 : fs::path("out");
  fs::create_directories(out_dir);
  remove_stale_temps(out_dir);

  InputScan scan = options.inputs.empty()
                       ? scan_inputs(pipeline.inputs.paths, pipeline.inputs.include,
                                     pipeline.inputs.exclude, pipeline.inputs.recursive)
                       : scan_inputs(options.inputs, pipeline.inputs.include,
                                     pipeline.inputs.exclude, pipeline.inputs.recursive);
  if (scan.items.empty() && !scan.errors.empty()) {
    std::string msg;
    for (const auto& e : scan.errors) msg += (msg.empty() ? "" : "\n") + e;
    throw ConfigError(msg);
  }
  summary.notes = scan.notes;
  for (const auto& e : scan.errors) summary.notes.push_back(e);
  if (!scan.notes.empty()) summary.counts["skipped"] += static_cast<int>(scan.notes.size());

  std::vector<BatchSlot> batch;
  RunInfo info{pipeline.name, pipeline.file.string(), summary.started, {}};
  for (const auto* p : registry.all()) info.plugin_versions.emplace_back(p->name, p->version);
  for (const auto& o : pipeline.outputs) {
    const auto* pi = registry.find(o.use);
    if (pi && pi->batch) {
      batch.push_back({&o, registry.create(o.use, o.id, Params(o.with))});
      batch.back().instance->as_batch_writer()->begin(info);
    }
  }

  int jobs = options.jobs > 0 ? options.jobs : pipeline.run.jobs;
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::size_t total = scan.items.size();
  std::size_t next = 0, done = 0;
  bool stop = false;

  tbb::enumerable_thread_specific<std::unique_ptr<DocumentProcessor>> processors;
  tbb::task_arena arena(jobs);
  arena.execute([&] {
    tbb::parallel_pipeline(
        static_cast<std::size_t>(jobs) * 2,
        tbb::make_filter<void, std::size_t>(
            tbb::filter_mode::serial_in_order,
            [&](tbb::flow_control& fc) -> std::size_t {
              if (next >= total || stop) {
                fc.stop();
                return 0;
              }
              return next++;
            }) &
            tbb::make_filter<std::size_t, ProcessResult>(
                tbb::filter_mode::parallel,
                [&](std::size_t i) {
                  auto& proc = processors.local();
                  if (!proc) proc = std::make_unique<DocumentProcessor>(pipeline, registry);
                  return proc->process(scan.items[i], out_dir);
                }) &
            tbb::make_filter<ProcessResult, void>(
                tbb::filter_mode::serial_in_order, [&](ProcessResult r) {
                  DocumentStatus st{r.status, r.error, r.seconds};
                  for (auto& b : batch) {
                    if (!r.doc) break;
                    try {
                      b.instance->as_batch_writer()->add(*r.doc, st);
                    } catch (const std::exception& e) {
                      summary.notes.push_back(b.spec->id + ": " + r.input + ": " + e.what());
                    }
                  }
                  DocumentRecord rec{r.input, r.status, r.stage, r.error, r.seconds, r.outputs};
                  summary.counts[rec.status]++;
                  ++done;
                  if (progress) progress(rec, done, total);
                  if (rec.status == "failed" && pipeline.run.on_error == "stop") stop = true;
                  summary.documents.push_back(std::move(rec));
                }));
  });

  summary.finished = now_iso8601();
  RunTotals totals{summary.finished, summary.counts};
  for (auto& b : batch) {
    InputItem run_item{pipeline.file, ""};
    auto target = expand_output_path(b.spec->path, out_dir, run_item);
    try {
      if (!target.parent_path().empty()) fs::create_directories(target.parent_path());
      auto temp = temp_path_for(target);
      OutputFile out(target, temp);
      try {
        b.instance->as_batch_writer()->finish(totals, out);
        commit_temp(temp, target);
      } catch (...) {
        std::error_code ec;
        fs::remove(temp, ec);
        throw;
      }
      summary.batch_outputs.push_back(target.string());
    } catch (const std::exception& e) {
      throw Error(b.spec->id + ": cannot write " + target.string() + ": " + e.what());
    }
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  write_file_atomically(out_dir / "run-report.json", summary.to_json().dump(1) + "\n");
  return summary;
}

}  // namespace docpipe::host
