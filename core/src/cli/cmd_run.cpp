// docpipe run PIPELINE: the batch runner for nightly, incremental runs; and
// the hidden `docpipe __worker` that runs documents for it in a child process.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>

#include "cli/common.hpp"
#include "docpipe/error.hpp"
#include "host/ledger.hpp"
#include "host/progress.hpp"
#include "host/runner.hpp"
#include "host/worker_protocol.hpp"

namespace docpipe::cli {

namespace {

void print_summary(const host::RunSummary& s, std::ostream& os) {
  os << "docpipe: " << s.documents.size() << " documents in " << s.seconds << " s:";
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
    for (const auto* d : slow) os << "  " << d->seconds << " s  " << d->input << "\n";
  }
  for (const auto* d : s.failures())
    os << d->status << ": " << d->input << (d->stage.empty() ? "" : " [" + d->stage + "]") << ": "
       << d->error << "\n";
  for (const auto& d : s.documents)
    if (d.status == "partial") os << "partial: " << d.input << ": " << d.error << "\n";
  for (const auto& n : s.notes) os << "note: " << n << "\n";
}

void print_plan(const host::RunSummary& s, std::ostream& os) {
  for (const auto& d : s.documents)
    if (d.status == "process") os << "process  " << d.reason << "  " << d.input << "\n";
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
  po::options_description hidden;
  hidden.add_options()("pipeline", po::value<std::string>());
  po::positional_options_description pos;
  pos.add("pipeline", 1);
  po::variables_map vm;
  if (!parse_args(args, opts, pos, vm,
                  "usage: docpipe run PIPELINE [--input PATH...] [--out DIR] [--jobs N] [--force] "
                  "[--dry-run] [--shard K/N] [--state FILE] [--isolation process|thread]",
                  &hidden))
    return kOk;
  apply_common(vm);
  if (!vm.count("pipeline")) throw ConfigError("run: a PIPELINE file is required");
  auto registry = default_registry();
  auto pipeline = load_resolved(vm["pipeline"].as<std::string>(), registry);
  host::RunOptions ro;
  if (vm.count("input")) ro.inputs = vm["input"].as<std::vector<std::string>>();
  if (vm.count("out")) ro.out_dir = vm["out"].as<std::string>();
  ro.jobs = vm["jobs"].as<int>();
  ro.force = vm["force"].as<bool>();
  ro.dry_run = vm["dry-run"].as<bool>();
  if (vm.count("shard")) ro.shard = host::parse_shard(vm["shard"].as<std::string>());
  if (vm.count("state")) ro.state = vm["state"].as<std::string>();
  if (vm.count("isolation")) ro.isolation = vm["isolation"].as<std::string>();

  std::unique_ptr<host::ProgressReporter> bar;
  host::RunSummary summary;
  try {
    summary = host::run_pipeline(
        pipeline, registry, ro,
        [&](const host::DocumentRecord& r, std::size_t done, std::size_t total,
            const std::map<std::string, int>& counts) {
          if (!bar)
            bar = std::make_unique<host::ProgressReporter>(total,
                                                           host::ProgressReporter::stderr_is_tty());
          if (r.status == "failed" || r.status == "timeout" || r.status == "crashed") {
            bar->finish();
            spdlog::warn("[{}/{}] {} {}: {}", done, total, r.status, r.input, r.error);
          } else {
            spdlog::debug("[{}/{}] {} {} ({})", done, total, r.status, r.input, r.reason);
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
  print_summary(summary, std::cerr);
  return summary.exit_code();
}

int cmd_worker(const Args& args) {
  po::options_description opts("docpipe __worker (internal: started by docpipe run)");
  opts.add_options()("pipeline", po::value<std::string>()->required(), "pipeline file")(
      "out", po::value<std::string>()->required(), "output directory")(
      "memory-limit-mb", po::value<long>()->default_value(0), "address-space limit")(
      "for-batch", po::value<int>()->default_value(0),
      "answer with each document's batch summaries (and JSON when a batch writer needs it)");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).run(), vm);
  po::notify(vm);
  host::WorkerConfig config;
  config.pipeline_file = vm["pipeline"].as<std::string>();
  config.out_dir = vm["out"].as<std::string>();
  config.memory_limit_mb = vm["memory-limit-mb"].as<long>();
  config.for_batch = vm["for-batch"].as<int>() != 0;
  return host::worker_main(config);
}

}  // namespace docpipe::cli
