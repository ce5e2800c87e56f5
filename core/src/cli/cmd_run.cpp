// docpipe run PIPELINE: the batch runner.
#include <algorithm>
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/common.hpp"
#include "docpipe/error.hpp"
#include "host/runner.hpp"

namespace docpipe::cli {

namespace {

void print_summary(const host::RunSummary& s, std::ostream& os) {
  os << "docpipe: " << s.documents.size() << " documents in " << s.seconds << " s:";
  for (const auto& [status, n] : s.counts) os << " " << status << "=" << n;
  os << "\n";
  auto docs = s.documents;
  std::sort(docs.begin(), docs.end(), [](auto& a, auto& b) { return a.seconds > b.seconds; });
  if (docs.size() > 1) {
    os << "slowest:\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(3, docs.size()); ++i)
      os << "  " << docs[i].seconds << " s  " << docs[i].input << "\n";
  }
  for (const auto& d : s.documents)
    if (d.status != "ok" && d.status != "skipped")
      os << d.status << ": " << d.input << (d.stage.empty() ? "" : " [" + d.stage + "]") << ": "
         << d.error << "\n";
  for (const auto& n : s.notes) os << "note: " << n << "\n";
}

}  // namespace

int cmd_run(const Args& args) {
  po::options_description opts("docpipe run options");
  opts.add_options()
      ("input,i", po::value<std::vector<std::string>>()->composing(), "input file, directory or glob (repeatable); replaces the pipeline's inputs")
      ("out,o", po::value<std::string>(), "output directory (default: run.out of the pipeline, else ./out)")
      ("jobs,j", po::value<int>()->default_value(0), "documents processed in parallel (0 = all cores)");
  opts.add(common_options());
  po::options_description hidden;
  hidden.add_options()("pipeline", po::value<std::string>());
  po::positional_options_description pos;
  pos.add("pipeline", 1);
  po::variables_map vm;
  if (!parse_args(args, opts, pos, vm, "usage: docpipe run PIPELINE [--input PATH...] [--out DIR] [--jobs N]", &hidden))
    return kOk;
  apply_common(vm);
  if (!vm.count("pipeline")) throw ConfigError("run: a PIPELINE file is required");
  auto registry = default_registry();
  auto pipeline = load_resolved(vm["pipeline"].as<std::string>(), registry);
  host::RunOptions ro;
  if (vm.count("input")) ro.inputs = vm["input"].as<std::vector<std::string>>();
  if (vm.count("out")) ro.out_dir = vm["out"].as<std::string>();
  ro.jobs = vm["jobs"].as<int>();
  host::RunSummary summary;
  try {
    summary = host::run_pipeline(pipeline, registry, ro, [](const host::DocumentRecord& r, std::size_t done, std::size_t total) {
      if (r.status == "ok" || r.status == "skipped")
        spdlog::debug("[{}/{}] {} {}", done, total, r.status, r.input);
      else
        spdlog::warn("[{}/{}] {} {}: {}", done, total, r.status, r.input, r.error);
    });
  } catch (const ConfigError&) {
    throw;
  } catch (const std::exception& e) {
    spdlog::error("run failed: {}", e.what());
    return kRunFailed;
  }
  print_summary(summary, std::cerr);
  return summary.exit_code();
}

}  // namespace docpipe::cli
