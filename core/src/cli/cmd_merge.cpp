// docpipe merge SHARD_OUT... --out DIR: one run report, one set of batch
// outputs and one quarantine index from the output directories of the
// shards of one pipeline (docs/scaling.md).
#include <iostream>

#include "cli/common.hpp"
#include "docpipe/error.hpp"
#include "host/merge.hpp"

namespace docpipe::cli {

int cmd_merge(const Args& args) {
  po::options_description opts("docpipe merge options");
  opts.add_options()("out,o", po::value<std::string>(),
                     "directory for the merged run-report.json, batch outputs (the XLSX "
                     "summary) and quarantine.json; not one of the shards' directories")(
      "pipeline", po::value<std::string>(),
      "the pipeline the shards ran (default: the file their run reports name; give it when "
      "the shards ran on machines that mount it elsewhere)");
  opts.add(common_options());
  po::variables_map vm;
  if (!parse_args(args, opts, Operand{"shards", -1}, vm,
                  "usage: docpipe merge SHARD_OUT... --out DIR [--pipeline FILE]\n"
                  "  SHARD_OUT: the --out directory of each `docpipe run --shard K/N` "
                  "(all N of them)"))
    return kOk;
  apply_common(vm);
  if (!vm.count("shards")) throw ConfigError("merge: give the output directories of the shards");
  if (!vm.count("out")) throw ConfigError("merge: --out DIR is required");
  std::vector<std::filesystem::path> dirs;
  for (const auto& d : vm["shards"].as<std::vector<std::string>>()) dirs.emplace_back(d);
  auto shards = host::read_shard_outputs(dirs);
  const std::size_t shard_count = shards.size();
  std::string pipeline_file;
  if (vm.count("pipeline")) {
    pipeline_file = vm["pipeline"].as<std::string>();
  } else {
    pipeline_file = shards.front().report.value("pipeline_file", std::string());
    if (pipeline_file.empty())
      throw ConfigError(shards.front().report_file.string() +
                        " does not name its pipeline file: give it with --pipeline");
  }
  auto registry = default_registry();
  auto pipeline = load_resolved(pipeline_file, registry);
  host::RunSummary summary;
  try {
    summary =
        host::merge_shards(pipeline, registry, std::move(shards), vm["out"].as<std::string>());
  } catch (const ConfigError&) {
    throw;
  } catch (const std::exception& e) {
    std::cerr << "docpipe: merge failed: " << e.what() << "\n";
    return kRunFailed;
  }
  std::cerr << "docpipe: merged " << shard_count << " shard" << (shard_count == 1 ? "" : "s")
            << ", " << summary.documents.size() << " documents:";
  for (const auto& [status, n] : summary.counts) std::cerr << " " << status << "=" << n;
  std::cerr << "\n";
  for (const auto& o : summary.batch_outputs) std::cerr << "  " << o << "\n";
  std::cerr << "  " << summary.report_path << "\n";
  for (const auto& w : summary.warnings) std::cerr << "warning: " << w << "\n";
  return summary.exit_code();
}

}  // namespace docpipe::cli
