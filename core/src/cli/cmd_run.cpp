// docpipe run PIPELINE: the batch runner for nightly, incremental runs; and
// the hidden `docpipe __worker` that runs documents for it in a child process.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <tuple>

#include "cli/common.hpp"
#include "docpipe/error.hpp"
#include "host/ledger.hpp"
#include "host/progress.hpp"
#include "host/runner.hpp"
#include "host/worker_protocol.hpp"

namespace docpipe::cli {

namespace {

// "0.004", "0.33", "12.3", "1234": durations as people read them.
std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf,
                s < 0.01  ? "%.3f"
                : s < 10  ? "%.2f"
                : s < 100 ? "%.1f"
                          : "%.0f",
                s);
  return buf;
}

constexpr std::size_t kExamples = 3;
static_assert(kExamples <= host::DocumentLog::kExamplesKept);

void print_summary(const host::RunSummary& s, std::ostream& os, const std::string& report) {
  os << "docpipe: " << s.documents.size() << " documents in " << seconds_text(s.seconds) << " s:";
  for (const auto& [status, n] : s.counts) os << " " << status << "=" << n;
  os << "\n";
  if (!s.reasons.empty()) {
    os << "processed because:";
    for (const auto& [reason, n] : s.reasons) os << " " << reason << "=" << n;
    os << "\n";
  }
  auto slow = s.slowest(5);
  if (slow.size() > 1) {
    os << "slowest:\n";
    for (const auto* d : slow) os << "  " << seconds_text(d->seconds) << " s  " << d->input << "\n";
  }
  // One line per kind of failure with a few examples; every document is
  // in the run report.
  const auto groups = s.documents.failure_groups();
  for (const auto& g : groups) {
    os << to_string(g.outcome) << " (" << g.count << ")"
       << (g.stage.empty() ? "" : " [" + g.stage + "]") << ": " << g.reason << "\n";
    for (std::size_t i = 0; i < g.examples.size() && i < kExamples; ++i)
      os << "  " << g.examples[i] << "\n";
    if (g.count > kExamples) os << "  ... and " << g.count - kExamples << " more\n";
  }
  if (!groups.empty() && !report.empty()) os << "every document and its error: " << report << "\n";
  if (auto q = s.documents.quarantined())
    os << q << (q == 1 ? " document is" : " documents are")
       << " still in quarantine (unchanged since they failed; see the quarantine folder)\n";
  for (const auto& w : s.warnings) os << "warning: " << w << "\n";
  for (const auto& n : s.notes) os << "note: " << n << "\n";
}

// The summary as one JSON object (--log-format json).
void print_summary_json(const host::RunSummary& s, std::ostream& os, const std::string& report) {
  nlohmann::json j = s.to_json(false);
  j.erase("failures");
  j["seconds"] = std::round(s.seconds * 1000) / 1000;
  j["failure_groups"] = nlohmann::json::array();
  for (const auto& g : s.documents.failure_groups()) {
    std::vector<std::string> examples(
        g.examples.begin(),
        g.examples.begin() + static_cast<long>(std::min(g.examples.size(), kExamples)));
    j["failure_groups"].push_back({{"status", to_string(g.outcome)},
                                   {"stage", g.stage},
                                   {"reason", g.reason},
                                   {"count", g.count},
                                   {"examples", examples}});
  }
  j["quarantined"] = s.documents.quarantined();
  j["report"] = report;
  j["event"] = "run summary";
  os << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void print_plan(const host::RunSummary& s, std::ostream& os) {
  s.documents.for_each([&](const host::DocumentRecord& d) {
    if (d.outcome == host::Outcome::to_process)
      os << "process  " << d.reason << "  " << d.input << "\n";
  });
  auto count = [&](const char* status) { return s.counts.count(status) ? s.counts.at(status) : 0; };
  os << "dry run: " << count("process") << " to process, " << count("skipped")
     << " unchanged or quarantined";
  if (!s.reasons.empty()) {
    os << " (";
    bool first = true;
    for (const auto& [reason, n] : s.reasons) {
      os << (first ? "" : ", ") << reason << ": " << n;
      first = false;
    }
    os << ")";
  }
  os << "\n";
}

}  // namespace

int cmd_run(const Args& args) {
  po::options_description opts("docpipe run options");
  opts.add_options()("input,i", po::value<std::vector<std::string>>()->composing(),
                     "input file, directory or glob (repeatable); replaces the pipeline's inputs")(
      "out,o", po::value<std::string>(),
      "output directory (default: run.out of the pipeline, else ./out)")(
      "jobs,j", po::value<int>()->default_value(0),
      "documents processed in parallel (0 = all cores)")(
      "force", po::bool_switch(), "process every input, even unchanged ones")(
      "dry-run", po::bool_switch(), "list what would be processed and why; write nothing")(
      "shard", po::value<std::string>(),
      "K/N: process only partition K (0-based) of N, by a stable hash of each input's relative "
      "path")("state", po::value<std::string>(),
              "ledger file (default: run.state, else <out>/.docpipe/ledger.sqlite)")(
      "isolation", po::value<std::string>(),
      "process (default: each document in a worker process) or thread");
  opts.add(common_options());
  po::variables_map vm;
  if (!parse_args(args, opts, Operand{"pipeline", 1}, vm,
                  "usage: docpipe run PIPELINE [--input PATH...] [--out DIR] [--jobs N] [--force] "
                  "[--dry-run] [--shard K/N] [--state FILE] [--isolation process|thread]"))
    return kOk;
  apply_common(vm);
  if (!vm.count("pipeline")) throw ConfigError("run: a PIPELINE file is required");
  auto registry = default_registry();
  auto pipeline = load_resolved(vm["pipeline"].as<std::string>(), registry);
  host::RunOptions ro;
  if (vm.count("input")) ro.inputs = vm["input"].as<std::vector<std::string>>();
  if (vm.count("out")) ro.out_dir = vm["out"].as<std::string>();
  ro.jobs = vm["jobs"].as<int>();
  if (ro.jobs < 0)
    throw ConfigError("run: --jobs: expected an integer ≥ 0 (0 = all cores), got " +
                      std::to_string(ro.jobs));
  ro.force = vm["force"].as<bool>();
  ro.dry_run = vm["dry-run"].as<bool>();
  if (vm.count("shard")) ro.shard = host::parse_shard(vm["shard"].as<std::string>());
  if (vm.count("state")) ro.state = vm["state"].as<std::string>();
  if (vm.count("isolation")) ro.isolation = vm["isolation"].as<std::string>();

  std::unique_ptr<host::ProgressReporter> bar;
  host::RunSummary summary;
  try {
    summary = host::run_pipeline(pipeline, registry, ro,
                                 [&](const host::DocumentRecord& r, std::size_t done,
                                     std::size_t total, const std::map<std::string, int>& counts) {
                                   if (!bar)
                                     bar = std::make_unique<host::ProgressReporter>(
                                         total, host::ProgressReporter::stderr_is_tty());
                                   const auto outcome = to_string(r.outcome);
                                   if (host::is_failure(r.outcome)) {
                                     bar->finish();
                                     spdlog::warn("[{}/{}] {} {}: {}", done, total, outcome,
                                                  r.input, host::error_without_input(r));
                                   } else {
                                     spdlog::debug("[{}/{}] {} {} ({})", done, total, outcome,
                                                   r.input, r.reason);
                                   }
                                   bar->update(done, counts);
                                 });
  } catch (const ConfigError&) {
    throw;
  } catch (const std::exception& e) {
    if (bar) bar->finish();
    spdlog::error("run failed: {}", e.what());
    std::cerr << "docpipe: run failed: " << e.what() << "\n";
    return kRunFailed;
  }
  if (bar) bar->finish();
  if (summary.dry_run) {
    print_plan(summary, std::cout);
    return kOk;
  }
  const std::string report = summary.report_path;
  if (vm["log-format"].as<std::string>() == "json")
    print_summary_json(summary, std::cerr, report);
  else
    print_summary(summary, std::cerr, report);
  return summary.exit_code();
}

int cmd_worker(const Args& args) {
  po::options_description opts("docpipe __worker (internal: started by docpipe run)");
  opts.add_options()("out", po::value<std::string>()->required(), "output directory")(
      "memory-limit-mb", po::value<long>()->default_value(0), "address-space limit")(
      "for-batch", po::value<int>()->default_value(0),
      "answer with each document's batch summaries (and JSON when a batch writer needs it)");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).run(), vm);
  po::notify(vm);
  host::WorkerConfig config;
  config.out_dir = vm["out"].as<std::string>();
  config.memory_limit_mb = vm["memory-limit-mb"].as<long>();
  config.for_batch = vm["for-batch"].as<int>() != 0;
  return host::worker_main(config);
}

}  // namespace docpipe::cli
