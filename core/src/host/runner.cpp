#include "host/runner.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "docpipe/error.hpp"
#include "host/atomic_output.hpp"
#include "host/batch_writers.hpp"
#include "host/executor.hpp"
#include "host/ledger.hpp"
#include "host/plan.hpp"
#include "host/quarantine.hpp"
#include "host/run_lock.hpp"
#include "host/run_recorder.hpp"
#include "host/stage_check.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

namespace {

fs::path default_out_dir(const Pipeline& pipeline, const RunOptions& options) {
  if (!options.out_dir.empty()) return options.out_dir;
  if (!pipeline.run.out.empty()) return pipeline.run.out;
  return "out";
}

fs::path ledger_path(const Pipeline& pipeline, const RunOptions& options, const fs::path& out_dir) {
  if (!options.state.empty()) return options.state;
  if (!pipeline.run.state.empty()) return pipeline.run.state;
  return out_dir / ".docpipe" / "ledger.sqlite";
}

InputScan scan(const Pipeline& pipeline, const RunOptions& options) {
  const auto& paths = options.inputs.empty() ? pipeline.inputs.paths : options.inputs;
  InputScan s = scan_inputs(paths, pipeline.inputs.include, pipeline.inputs.exclude,
                            pipeline.inputs.recursive);
  if (s.items.empty() && !s.errors.empty()) {
    std::string msg;
    for (const auto& e : s.errors) msg += (msg.empty() ? "" : "\n") + e;
    throw ConfigError(msg);
  }
  return s;
}

// The per-document output paths of an input.
std::vector<std::string> output_targets(const Pipeline& pipeline, const PluginRegistry& registry,
                                        const fs::path& out_dir, const InputItem& item) {
  std::vector<std::string> out;
  for (const auto& o : pipeline.outputs) {
    const auto* pi = registry.find(o.use);
    if (pi && !pi->batch) out.push_back(expand_output_path(o.path, out_dir, item).string());
  }
  return out;
}

// No two inputs may write the same output. Same stems in one directory
// already use their whole names (disambiguate_stems); inputs of different
// directories that still meet (an output path without {reldir}) get their
// directory in front of the stem ("a_b__report"). A path template that
// names no input at all is a configuration error.
void separate_outputs(const Pipeline& pipeline, const PluginRegistry& registry,
                      const fs::path& out_dir, InputList& items) {
  auto collisions = [&] {
    return shared_keys(items.size(), [&](std::size_t i, const auto& add) {
      for (const auto& t : output_targets(pipeline, registry, out_dir, items[i])) add(t);
    });
  };
  auto found = collisions();
  if (found.empty()) return;
  for (const auto& [_, users] : found)
    for (auto i : users) {
      const auto it = items[i];
      std::string rel = it.reldir.lexically_normal().generic_string();
      if (rel.empty() || rel == "." || it.output_stem().rfind(rel, 0) == 0) continue;
      for (auto& c : rel)
        if (c == '/') c = '_';
      items.set_stem(i, rel + "__" + it.output_stem());
    }
  found = collisions();
  if (found.empty()) return;
  const auto& [target, users] = found.front();
  throw ConfigError(pipeline.file.string() + ": outputs: " + std::string(items.path(users[0])) +
                    " and " + std::string(items.path(users[1])) + " would both write " + target +
                    "; put {stem}, {name} or {reldir} in the output path");
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// /proc/self/exe, not its target: the very binary of this run, even if an
// upgrade replaced the file since (workers restart during a run).
fs::path worker_executable(const RunOptions& options) {
  return options.worker_executable.empty() ? fs::path("/proc/self/exe") : options.worker_executable;
}

RunSummary start_summary(const Pipeline& pipeline, const PluginRegistry& registry,
                         const RunOptions& options) {
  RunSummary summary;
  summary.pipeline = pipeline.name.empty() ? pipeline.file.string() : pipeline.name;
  summary.pipeline_hash = processing_hash(pipeline, registry);
  summary.pipeline_file = fs::absolute(pipeline.file).lexically_normal().string();
  summary.started = now_iso8601();
  summary.shard = options.shard.to_string();
  summary.dry_run = options.dry_run;
  summary.isolation = !options.isolation.empty() ? options.isolation : pipeline.run.isolation;
  if (summary.isolation != "process" && summary.isolation != "thread")
    throw ConfigError("run.isolation: expected process or thread, got '" + summary.isolation + "'");
  return summary;
}

// The inputs of this run (of this shard), their output stems made distinct.
InputList inputs_of_run(const Pipeline& pipeline, const PluginRegistry& registry,
                        const RunOptions& options, const fs::path& out_dir, RunSummary& summary) {
  InputScan scanned = scan(pipeline, options);
  summary.notes = scanned.notes;
  const auto& paths = options.inputs.empty() ? pipeline.inputs.paths : options.inputs;
  summary.input_root = input_root(paths);
  if (scanned.items.empty()) {
    std::string where;
    for (const auto& p : paths) where += (where.empty() ? "" : ", ") + p;
    summary.warnings.push_back("no input documents found in " +
                               (where.empty() ? std::string("(no inputs given)") : where));
    spdlog::warn("{}", summary.warnings.back());
  }
  for (const auto& e : scanned.errors) summary.notes.push_back(e);
  separate_outputs(pipeline, registry, out_dir, scanned.items);
  if (options.shard.all()) return std::move(scanned.items);
  InputList items;
  for (std::size_t i = 0; i < scanned.items.size(); ++i)
    if (auto it = scanned.items[i]; in_shard(it, options.shard)) items.push_back(it);
  summary.notes.push_back("shard " + summary.shard + ": " + std::to_string(items.size()) + " of " +
                          std::to_string(scanned.items.size()) + " inputs");
  return items;
}

// --dry-run: the plan against a read-only ledger; nothing is written.
void plan_only(const InputList& items, const fs::path& ledger_file, const std::string& plugins,
               const RunOptions& options, const ExpectedOutputs& expected, RunSummary& summary) {
  auto ro = Ledger::open_read_only(ledger_file);
  LedgerLookup lookup;
  if (ro) lookup = [&](const std::string& key) { return ro->entry(key); };
  const auto plan =
      plan_run(items, lookup, summary.pipeline_hash, plugins, options.force, expected);
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto& p = plan[i];
    DocumentRecord rec;
    rec.input = items.path(i);
    rec.outcome = p.process ? Outcome::to_process : Outcome::skipped;
    rec.reason = p.reason;
    summary.counts[std::string(to_string(rec.outcome))]++;
    if (p.process) summary.reasons[p.reason]++;
    summary.documents.push_back(rec);
  }
}

// Every stage is set up once before the run starts, as its workers will do:
// a plugin that refuses its parameters is a configuration error (exit 2),
// reported before any document is attempted.
void check_stages(const Pipeline& pipeline, const PluginRegistry& registry,
                  const RunOptions& options, const std::string& isolation) {
  if (isolation == "process")
    check_stages_in_child(worker_executable(options), pipeline.file);
  else
    DocumentProcessor probe(pipeline, registry);
}

// Batch writers are begun when some document is processed, or when a killed
// run may have recorded documents without rewriting the batch outputs: those
// are rebuilt even when nothing is left to process.
void begin_batch(BatchWriters& batch, const Pipeline& pipeline, const PluginRegistry& registry,
                 bool work, const RunSummary& summary) {
  if (!batch.any() || (!work && batch.all_outputs_exist())) return;
  RunInfo info{pipeline.name, pipeline.file.string(), summary.started, {}, summary.input_root};
  for (const auto* p : registry.all()) info.plugin_versions.emplace_back(p->name, p->version);
  batch.begin(info);
}

// Runs a killed run left "running" are marked interrupted; their work is
// resumed by this one.
std::vector<std::int64_t> close_interrupted_runs(Ledger& ledger, RunSummary& summary) {
  auto interrupted = ledger.close_interrupted_runs();
  for (auto id : interrupted)
    summary.notes.push_back("run #" + std::to_string(id) + " was interrupted; resuming its work");
  return interrupted;
}

// Indices of the planned inputs to process, ascending.
std::vector<std::size_t> documents_to_process(const std::vector<PlannedItem>& plan) {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < plan.size(); ++i)
    if (plan[i].process) todo.push_back(i);
  return todo;
}

int jobs_of_run(const Pipeline& pipeline, const RunOptions& options) {
  int jobs = options.jobs > 0 ? options.jobs : pipeline.run.jobs;
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return jobs;
}

// Every per-document output, and the ledger, reach the disk before the run
// reports success (a power loss before that leaves outputs whose recorded
// sizes do not match: the next run rebuilds them). The sync runs beside the
// batch writers' finish, which syncs its own outputs.
void finish_outputs(const Pipeline& pipeline, BatchWriters& batch, const fs::path& out_dir,
                    const fs::path& ledger_file, RunSummary& summary) {
  std::thread syncing;
  if (pipeline.run.durability != "each")
    syncing = std::thread([&, t = std::chrono::steady_clock::now()] {
      sync_file_system(out_dir);
      if (ledger_file.parent_path() != out_dir / ".docpipe")
        sync_file_system(ledger_file.parent_path());
      spdlog::debug("outputs synced to disk in {:.3f} s", seconds_since(t));
    });
  auto t_batch = std::chrono::steady_clock::now();
  try {
    batch.finish(RunTotals{summary.finished, summary.counts}, summary);
  } catch (...) {
    if (syncing.joinable()) syncing.join();
    throw;
  }
  spdlog::debug("batch outputs written in {:.3f} s", seconds_since(t_batch));
  if (syncing.joinable()) syncing.join();
}

}  // namespace

RunSummary run_pipeline(const Pipeline& pipeline, const PluginRegistry& registry,
                        const RunOptions& options, const ProgressCallback& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  RunSummary summary = start_summary(pipeline, registry, options);
  const std::string plugins = plugin_versions(pipeline, registry);
  const fs::path out_dir = default_out_dir(pipeline, options);
  const fs::path ledger_file = ledger_path(pipeline, options, out_dir);
  summary.ledger = fs::absolute(ledger_file).lexically_normal().string();

  // Plan.
  auto items = inputs_of_run(pipeline, registry, options, out_dir, summary);
  spdlog::debug("{} inputs found and hashed at {:.3f} s", items.size(), seconds_since(t0));
  const ExpectedOutputs expected = [&](const InputItem& item) {
    return output_targets(pipeline, registry, out_dir, item);
  };
  if (options.dry_run) {
    plan_only(items, ledger_file, plugins, options, expected, summary);
    summary.finished = now_iso8601();
    summary.seconds = seconds_since(t0);
    return summary;
  }
  fs::create_directories(out_dir);
  RunLock lock(ledger_file);
  if (int n = remove_stale_temps(out_dir))
    summary.notes.push_back("removed " + std::to_string(n) +
                            " temporary files left by a killed run");
  Ledger ledger(ledger_file);
  const auto interrupted = close_interrupted_runs(ledger, summary);
  auto plan = plan_run(
      items, [&](const std::string& key) { return ledger.entry(key); }, summary.pipeline_hash,
      plugins, options.force, expected);
  spdlog::debug("run planned at {:.3f} s", seconds_since(t0));
  auto todo = documents_to_process(plan);
  if (!todo.empty()) check_stages(pipeline, registry, options, summary.isolation);

  // Execute and record.
  const auto run_id = ledger.begin_run(summary.pipeline, summary.pipeline_hash, summary.started,
                                       summary.shard, static_cast<int>(todo.size()));
  BatchWriters batch(pipeline, registry, out_dir);
  begin_batch(batch, pipeline, registry, !todo.empty() || !interrupted.empty(), summary);
  const int jobs = jobs_of_run(pipeline, options);
  ExecutorSettings settings{summary.isolation,
                            std::min<int>(jobs, static_cast<int>(todo.size())),
                            out_dir,
                            batch.active(),
                            batch.active() && batch.needs_documents(),
                            worker_executable(options)};
  // How far dispatch may run ahead of the oldest unfinished document: bounds
  // the memory held for in-order batch writers when one document is slow.
  const Quarantine quarantine(out_dir);
  RunRecorder recorder(items, plan, ledger, batch, quarantine, summary, progress,
                       {run_id, summary.pipeline_hash, plugins, pipeline.run.on_error == "stop",
                        256 * static_cast<std::size_t>(jobs)});
  try {
    recorder.emit_in_order();  // leading skipped documents
    if (!todo.empty())
      make_executor(pipeline, registry, settings)->run(items, todo, recorder.feed());
    recorder.emit_in_order();
    if (recorder.not_run() > 0)
      summary.notes.push_back("stopped after a failure (run.on_error: stop): " +
                              std::to_string(recorder.not_run()) + " documents not run");
    // Every document is recorded: the batch writers' finish may use the room.
    items.clear();
    plan = {};
    todo = {};
    summary.finished = now_iso8601();
    finish_outputs(pipeline, batch, out_dir, ledger_file, summary);
    ledger.finish_run(run_id, summary.finished, summary.counts, "finished");
  } catch (...) {
    try {
      ledger.finish_run(run_id, now_iso8601(), summary.counts, "failed");
    } catch (...) {
    }
    throw;
  }
  summary.seconds = seconds_since(t0);
  summary.report_path = (out_dir / "run-report.json").string();
  summary.write_report(summary.report_path);
  return summary;
}

}  // namespace docpipe::host
