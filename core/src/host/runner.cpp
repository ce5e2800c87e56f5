#include "host/runner.hpp"

#include <spdlog/spdlog.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <optional>
#include <thread>

#include "docpipe/error.hpp"
#include "docpipe/json.hpp"
#include "host/atomic_output.hpp"
#include "host/ledger.hpp"
#include "host/plan.hpp"
#include "host/quarantine.hpp"
#include "host/run_lock.hpp"
#include "host/stage_check.hpp"
#include "host/worker_pool.hpp"

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

namespace {

bool is_failure(const std::string& status) {
  return status == "failed" || status == "timeout" || status == "crashed";
}

}  // namespace

int RunSummary::exit_code() const {
  for (const auto& [status, n] : counts)
    if (n > 0 && is_failure(status)) return 1;
  return 0;
}

std::vector<const DocumentRecord*> RunSummary::slowest(std::size_t n) const {
  std::vector<const DocumentRecord*> v;
  for (const auto& d : documents)
    if (d.status != "skipped" && d.status != "process") v.push_back(&d);
  std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->seconds > b->seconds; });
  if (v.size() > n) v.resize(n);
  return v;
}

std::vector<const DocumentRecord*> RunSummary::failures() const {
  std::vector<const DocumentRecord*> v;
  for (const auto& d : documents)
    if (is_failure(d.status)) v.push_back(&d);
  return v;
}

namespace {

nlohmann::json record_json(const DocumentRecord& d) {
  nlohmann::json j{{"input", d.input},    {"status", d.status},
                   {"reason", d.reason},  {"stage", d.stage},
                   {"error", d.error},    {"seconds", std::round(d.seconds * 1000) / 1000},
                   {"outputs", d.outputs}};
  if (!d.quarantine.empty()) j["quarantine"] = d.quarantine;
  j["key"] = d.key.empty() ? d.input : d.key;
  j["position"] = d.position;
  return j;
}

}  // namespace

nlohmann::json RunSummary::to_json(bool with_documents) const {
  nlohmann::json slow = nlohmann::json::array(), failed = nlohmann::json::array();
  for (const auto* d : slowest(10))
    slow.push_back({{"input", d->input}, {"seconds", std::round(d->seconds * 1000) / 1000}});
  for (const auto* d : failures()) failed.push_back(record_json(*d));
  nlohmann::json j{{"pipeline", pipeline},   {"pipeline_hash", pipeline_hash},
                   {"ledger", ledger},       {"shard", shard},
                   {"isolation", isolation}, {"dry_run", dry_run},
                   {"started", started},     {"finished", finished},
                   {"seconds", seconds},     {"exit_code", exit_code()},
                   {"counts", counts},       {"reasons", reasons},
                   {"slowest", slow},        {"failures", failed},
                   {"notes", notes},         {"batch_outputs", batch_outputs},
                   {"warnings", warnings}};
  j["pipeline_file"] = pipeline_file;
  if (with_documents) {
    j["documents"] = nlohmann::json::array();
    for (const auto& d : documents) j["documents"].push_back(record_json(d));
  }
  return j;
}

std::string RunSummary::report_text() const {
  // The document list is serialised one record at a time: a JSON tree of
  // every document of a large run would cost far more memory than the text.
  std::string text = to_json(false).dump(1);
  text.pop_back();  // the closing brace
  text += ",\n \"documents\": [";
  for (std::size_t i = 0; i < documents.size(); ++i) {
    text += i ? ",\n  " : "\n  ";
    dump_json(text, record_json(documents[i]));
  }
  text += documents.empty() ? "]\n}\n" : "\n ]\n}\n";
  return text;
}

namespace {

struct BatchSlot {
  const OutputSpec* spec;
  PluginInstance instance;
  fs::path target;
  bool summaries;  // fed with add_summary, not add
};

// A finished document waiting for its turn in input order.
struct Finished {
  DocumentRecord record;
  std::optional<Document> doc;  // only when a batch writer takes whole documents
  nlohmann::json summaries;     // by batch stage id
};

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

// Batch writers: begun only when some document is processed or a batch
// output is missing, so a no-change run rewrites nothing.
class BatchWriters {
 public:
  BatchWriters(const Pipeline& pipeline, const PluginRegistry& registry, const fs::path& out_dir) {
    for (const auto& o : pipeline.outputs) {
      const auto* pi = registry.find(o.use);
      if (!pi || !pi->batch) continue;
      auto instance = registry.create(o.use, o.id, Params(o.with));
      const bool summaries = takes_summaries(*pi, instance.get());
      slots_.push_back({&o, std::move(instance),
                        expand_output_path(o.path, out_dir, InputItem{pipeline.file, ""}),
                        summaries});
    }
  }
  bool any() const { return !slots_.empty(); }
  // Some batch writer takes whole documents (built for ABI 1.0, or it does
  // not summarize): workers then send each document's JSON.
  bool needs_documents() const {
    return std::any_of(slots_.begin(), slots_.end(), [](auto& s) { return !s.summaries; });
  }
  bool all_outputs_exist() const {
    std::error_code ec;
    return std::all_of(slots_.begin(), slots_.end(),
                       [&](auto& s) { return fs::exists(s.target, ec); });
  }
  void begin(const RunInfo& info) {
    active_ = true;
    for (auto& s : slots_) s.instance->as_batch_writer()->begin(info);
  }
  bool active() const { return active_; }
  std::size_t summarizers() const {
    return static_cast<std::size_t>(
        std::count_if(slots_.begin(), slots_.end(), [](auto& s) { return s.summaries; }));
  }
  // One document for every batch writer: its summary where the writer takes
  // summaries (made here from the document when none was kept, e.g. a ledger
  // written before the writer summarized), else the whole document. A
  // writer that gets neither does not see the document.
  void add(const std::string& input, const Document* doc, const nlohmann::json& summaries,
           const DocumentStatus& st, RunSummary& summary) {
    if (!active_) return;
    // A document that failed before it was read (or crashed, or timed out)
    // has neither: it reaches the writers as an empty document that only
    // has its path, with its status and error, so a workbook lists it.
    std::optional<Document> stub;
    if (!doc && (summaries.is_null() || summaries.empty())) {
      stub.emplace();
      stub->source.path = input;
      doc = &*stub;
    }
    for (auto& s : slots_) {
      auto* writer = s.instance->as_batch_writer();
      try {
        // (find on a null summaries value finds nothing)
        if (!s.summaries) {
          if (doc) writer->add(*doc, st);
        } else if (auto it = summaries.find(s.spec->id); it != summaries.end()) {
          writer->add_summary(*it, st);
        } else if (doc) {
          writer->add_summary(writer->summarize(*doc), st);
        }
      } catch (const std::exception& e) {
        summary.notes.push_back(s.spec->id + ": " + input + ": " + e.what());
      }
    }
  }
  void finish(const RunTotals& totals, RunSummary& summary) {
    if (!active_) return;
    for (auto& s : slots_) {
      try {
        write_output(s.target,
                     [&](OutputFile& out) { s.instance->as_batch_writer()->finish(totals, out); });
        summary.batch_outputs.push_back(s.target.string());
      } catch (const std::exception& e) {
        throw Error(s.spec->id + ": cannot write " + s.target.string() + ": " + e.what());
      }
    }
  }

 private:
  std::vector<BatchSlot> slots_;
  bool active_ = false;
};

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
                      const fs::path& out_dir, std::vector<InputItem>& items) {
  auto collisions = [&] {
    std::map<std::string, std::vector<std::size_t>> by_target;
    for (std::size_t i = 0; i < items.size(); ++i)
      for (auto& t : output_targets(pipeline, registry, out_dir, items[i]))
        by_target[t].push_back(i);
    std::vector<std::pair<std::string, std::vector<std::size_t>>> out;
    for (auto& [t, users] : by_target)
      if (users.size() > 1) out.emplace_back(t, users);
    return out;
  };
  auto found = collisions();
  if (found.empty()) return;
  for (const auto& [_, users] : found)
    for (auto i : users) {
      auto& it = items[i];
      std::string rel = it.reldir.lexically_normal().generic_string();
      if (rel.empty() || rel == "." || it.output_stem().rfind(rel, 0) == 0) continue;
      for (auto& c : rel)
        if (c == '/') c = '_';
      it.stem = rel + "__" + it.output_stem();
    }
  found = collisions();
  if (found.empty()) return;
  const auto& [target, users] = found.front();
  throw ConfigError(pipeline.file.string() + ": outputs: " + items[users[0]].path.string() +
                    " and " + items[users[1]].path.string() + " would both write " + target +
                    "; put {stem}, {name} or {reldir} in the output path");
}

}  // namespace

RunSummary run_pipeline(const Pipeline& pipeline, const PluginRegistry& registry,
                        const RunOptions& options, const ProgressCallback& progress) {
  auto t0 = std::chrono::steady_clock::now();
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
  const std::string plugins = plugin_versions(pipeline, registry);

  const fs::path out_dir = default_out_dir(pipeline, options);
  const fs::path ledger_file = ledger_path(pipeline, options, out_dir);
  summary.ledger = fs::absolute(ledger_file).lexically_normal().string();

  InputScan scanned = scan(pipeline, options);
  spdlog::debug("{} inputs found and hashed at {:.3f} s", scanned.items.size(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  summary.notes = scanned.notes;
  if (scanned.items.empty()) {
    const auto& paths = options.inputs.empty() ? pipeline.inputs.paths : options.inputs;
    std::string where;
    for (const auto& p : paths) where += (where.empty() ? "" : ", ") + p;
    summary.warnings.push_back("no input documents found in " +
                               (where.empty() ? std::string("(no inputs given)") : where));
    spdlog::warn("{}", summary.warnings.back());
  }
  for (const auto& e : scanned.errors) summary.notes.push_back(e);
  separate_outputs(pipeline, registry, out_dir, scanned.items);
  std::vector<InputItem> items;
  for (auto& it : scanned.items)
    if (in_shard(it, options.shard)) items.push_back(std::move(it));
  if (!options.shard.all())
    summary.notes.push_back("shard " + summary.shard + ": " + std::to_string(items.size()) +
                            " of " + std::to_string(scanned.items.size()) + " inputs");
  scanned.items = {};  // its elements were moved into `items`: free what is left of them

  const ExpectedOutputs expected = [&](const InputItem& item) {
    return output_targets(pipeline, registry, out_dir, item);
  };
  if (options.dry_run) {
    auto ro = Ledger::open_read_only(ledger_file);
    LedgerLookup lookup;
    if (ro) lookup = [&](const std::string& key) { return ro->entry(key); };
    for (auto& p :
         plan_run(items, lookup, summary.pipeline_hash, plugins, options.force, expected)) {
      DocumentRecord rec;
      rec.input = p.item->path.string();
      rec.status = p.process ? "process" : "skipped";
      rec.reason = p.reason;
      summary.counts[rec.status]++;
      if (p.process) summary.reasons[p.reason]++;
      summary.documents.push_back(std::move(rec));
    }
    summary.finished = now_iso8601();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return summary;
  }

  fs::create_directories(out_dir);
  RunLock lock(ledger_file);
  if (int n = remove_stale_temps(out_dir))
    summary.notes.push_back("removed " + std::to_string(n) +
                            " temporary files left by a killed run");
  Ledger ledger(ledger_file);
  const auto interrupted = ledger.close_interrupted_runs();
  for (auto id : interrupted)
    summary.notes.push_back("run #" + std::to_string(id) + " was interrupted; resuming its work");
  const auto plan = plan_run(
      items, [&](const std::string& key) { return ledger.entry(key); }, summary.pipeline_hash,
      plugins, options.force, expected);
  spdlog::debug("run planned at {:.3f} s",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());

  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < plan.size(); ++i)
    if (plan[i].process) todo.push_back(i);
  // Every stage is set up once before the run starts, as its workers will
  // do: a plugin that refuses its parameters is a configuration error
  // (exit 2), reported before any document is attempted.
  if (!todo.empty()) {
    if (summary.isolation == "process")
      check_stages_in_child(options.worker_executable.empty() ? fs::path("/proc/self/exe")
                                                              : options.worker_executable,
                            pipeline.file);
    else
      DocumentProcessor probe(pipeline, registry);
  }
  const auto run_id = ledger.begin_run(summary.pipeline, summary.pipeline_hash, summary.started,
                                       summary.shard, static_cast<int>(todo.size()));

  BatchWriters batch(pipeline, registry, out_dir);
  // A killed run may have recorded documents without rewriting the batch
  // outputs: those are rebuilt even when nothing is left to process.
  if (batch.any() && (!todo.empty() || !interrupted.empty() || !batch.all_outputs_exist())) {
    RunInfo info{pipeline.name, pipeline.file.string(), summary.started, {}};
    for (const auto* p : registry.all()) info.plugin_versions.emplace_back(p->name, p->version);
    batch.begin(info);
  }
  const bool want_documents = batch.active();
  const bool needs_documents = want_documents && batch.needs_documents();
  const std::size_t batch_summarizers = batch.summarizers();
  Quarantine quarantine(out_dir);

  // Results arrive in completion order; the ledger records them at once
  // (resume after a kill) while batch writers and progress go in input order.
  std::map<std::size_t, Finished> waiting;
  std::size_t next_in_order = 0, done = 0;
  auto emit_in_order = [&] {
    while (next_in_order < plan.size()) {
      const auto& p = plan[next_in_order];
      DocumentRecord rec;
      if (!p.process) {
        rec.input = p.item->path.string();
        rec.status = "skipped";
        rec.reason = p.reason;
        summary.counts["skipped"]++;
        if (want_documents && p.known) {
          auto summaries = ledger.cached_summaries(p.key);
          std::optional<Document> doc;
          // The whole document only when some writer needs it: a summary is
          // a fraction of its size.
          if (needs_documents || summaries.size() < batch_summarizers)
            if (auto cached = ledger.cached_document(p.key); !cached.empty())
              doc = document_from_json(nlohmann::json::parse(cached));
          batch.add(rec.input, doc ? &*doc : nullptr, summaries,
                    DocumentStatus{p.known_status, p.known_error, p.known_seconds}, summary);
        }
      } else {
        auto it = waiting.find(next_in_order);
        if (it == waiting.end()) return;
        rec = std::move(it->second.record);
        const auto& f = it->second;
        batch.add(rec.input, f.doc ? &*f.doc : nullptr, f.summaries,
                  DocumentStatus{rec.status, rec.error, rec.seconds}, summary);
        waiting.erase(it);
      }
      if (p.key != rec.input) rec.key = p.key;  // most inputs are given absolute
      rec.position = p.item->position;
      ++next_in_order;
      ++done;
      if (progress) progress(rec, done, plan.size(), summary.counts);
      summary.documents.push_back(std::move(rec));
    }
  };

  bool stop = false;
  auto on_finished = [&](std::size_t index, ProcessResult&& r, std::string&& document_json,
                         const std::string& summaries_json, const std::string& log_excerpt) {
    const auto& p = plan[index];
    LedgerEntry e;
    e.input = p.key;
    e.content_sha256 = p.content_sha256;
    e.pipeline_hash = summary.pipeline_hash;
    e.plugin_versions = plugins;
    e.status = r.status;
    e.stage = r.stage;
    e.error = r.error;
    e.outputs = r.outputs;
    e.output_sizes = r.output_sizes;  // measured where they were written
    e.seconds = r.seconds;
    e.run_id = run_id;
    ledger.record(e, document_json, summaries_json, p.known);

    Finished f;
    f.record = {
        p.item->path.string(), r.status, p.reason, r.stage, r.error, r.seconds, r.outputs, {}};
    if (is_failure(r.status)) {
      auto excerpt = log_excerpt.empty() ? r.error : log_excerpt;
      f.record.quarantine = quarantine
                                .add(*p.item, {p.key, p.content_sha256, r.status, r.stage, r.error,
                                               excerpt, summary.pipeline_hash, now_iso8601()})
                                .string();
      if (pipeline.run.on_error == "stop") stop = true;
    } else {
      quarantine.release(*p.item);
    }
    summary.counts[r.status]++;
    summary.reasons[p.reason]++;
    if (want_documents) {
      f.summaries = std::move(r.batch_summaries);
      if (needs_documents) {
        if (r.doc)
          f.doc = std::move(r.doc);
        else if (!document_json.empty())
          f.doc = document_from_json(nlohmann::json::parse(document_json));
      }
    }
    waiting.emplace(index, std::move(f));
    emit_in_order();
  };

  int jobs = options.jobs > 0 ? options.jobs : pipeline.run.jobs;
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // How far dispatch may run ahead of the oldest unfinished document: bounds
  // the memory held for in-order batch writers when one document is slow.
  const std::size_t window = 256 * static_cast<std::size_t>(jobs);

  try {
    emit_in_order();  // leading skipped documents
    if (summary.isolation == "process" && !todo.empty()) {
      WorkerPoolOptions wo;
      // /proc/self/exe, not its target: the very binary of this run, even if
      // an upgrade replaced the file since (workers restart during a run).
      wo.executable = options.worker_executable.empty() ? fs::path("/proc/self/exe")
                                                        : options.worker_executable;
      wo.worker.pipeline_file = fs::absolute(pipeline.file);
      wo.worker.out_dir = out_dir;
      wo.worker.memory_limit_mb = pipeline.run.memory_limit_mb;
      wo.worker.for_batch = want_documents;
      wo.workers = std::min<int>(jobs, static_cast<int>(todo.size()));
      wo.timeout_seconds = pipeline.run.timeout;
      wo.recycle_after = pipeline.run.recycle_after;
      WorkerPool pool(wo);
      pool.run(
          items, todo, [&](std::size_t i) { return !stop && i < next_in_order + window; },
          [&](PoolResult&& pr) {
            on_finished(pr.work.index, std::move(pr.work.result), std::move(pr.work.document_json),
                        pr.work.batch_summaries_json, pr.log_excerpt);
          });
    } else if (!todo.empty()) {
      // In-process threads: fastest, but a crashing plugin takes the run
      // down and time and memory limits cannot be enforced.
      std::size_t next = 0;
      tbb::enumerable_thread_specific<std::unique_ptr<DocumentProcessor>> processors;
      tbb::task_arena arena(jobs);
      arena.execute([&] {
        tbb::parallel_pipeline(
            static_cast<std::size_t>(jobs) * 2,
            tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order,
                                                [&](tbb::flow_control& fc) -> std::size_t {
                                                  if (next >= todo.size() || stop) {
                                                    fc.stop();
                                                    return 0;
                                                  }
                                                  return todo[next++];
                                                }) &
                tbb::make_filter<std::size_t, std::pair<std::size_t, ProcessResult>>(
                    tbb::filter_mode::parallel,
                    [&](std::size_t i) {
                      auto& proc = processors.local();
                      if (!proc) proc = std::make_unique<DocumentProcessor>(pipeline, registry);
                      return std::make_pair(i, proc->process(items[i], out_dir, want_documents));
                    }) &
                tbb::make_filter<std::pair<std::size_t, ProcessResult>, void>(
                    tbb::filter_mode::serial_in_order,
                    [&](std::pair<std::size_t, ProcessResult> r) {
                      std::string json, summaries;
                      if (needs_documents && r.second.doc) json = document_text(*r.second.doc);
                      if (!r.second.batch_summaries.is_null())
                        summaries = summaries_text(r.second.batch_summaries);
                      on_finished(r.first, std::move(r.second), std::move(json), summaries, {});
                    }));
      });
    }
    emit_in_order();
    if (next_in_order < plan.size())
      summary.notes.push_back("stopped after a failure (run.on_error: stop): " +
                              std::to_string(plan.size() - next_in_order) + " documents not run");

    summary.finished = now_iso8601();
    const bool sync_at_end = pipeline.run.durability != "each";
    auto since = [](std::chrono::steady_clock::time_point t) {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    };
    // Every per-document output, and the ledger, reach the disk before the
    // run reports success (a power loss before that leaves outputs whose
    // recorded sizes do not match: the next run rebuilds them). The sync runs
    // beside the batch writers' finish, which syncs its own outputs.
    std::thread syncing;
    if (sync_at_end)
      syncing = std::thread([&, t = std::chrono::steady_clock::now()] {
        sync_file_system(out_dir);
        if (ledger_file.parent_path() != out_dir / ".docpipe")
          sync_file_system(ledger_file.parent_path());
        spdlog::debug("outputs synced to disk in {:.3f} s", since(t));
      });
    auto t_batch = std::chrono::steady_clock::now();
    try {
      batch.finish(RunTotals{summary.finished, summary.counts}, summary);
    } catch (...) {
      if (syncing.joinable()) syncing.join();
      throw;
    }
    spdlog::debug("batch outputs written in {:.3f} s", since(t_batch));
    if (syncing.joinable()) syncing.join();
    ledger.finish_run(run_id, summary.finished, summary.counts, "finished");
  } catch (...) {
    try {
      ledger.finish_run(run_id, now_iso8601(), summary.counts, "failed");
    } catch (...) {
    }
    throw;
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  summary.report_path = (out_dir / "run-report.json").string();
  write_file_atomically(summary.report_path, summary.report_text());
  return summary;
}

}  // namespace docpipe::host
