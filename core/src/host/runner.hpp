// Runs a resolved pipeline over many inputs, incrementally, in three parts:
// plan (the ledger says what is new or changed), execute (documents run in
// worker processes or threads: executor.hpp) and record (results go to the
// ledger as they finish, failures are quarantined, batch writers are fed in
// input order: run_recorder.hpp); a summary and run-report.json close the
// run.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "host/pipeline.hpp"
#include "host/processor.hpp"
#include "host/registry.hpp"
#include "host/run_summary.hpp"
#include "host/shard.hpp"

namespace docpipe::host {

struct RunOptions {
  std::vector<std::string> inputs;          // overrides the pipeline's inputs when not empty
  std::filesystem::path out_dir;            // overrides run.out
  int jobs = 0;                             // overrides run.jobs; 0 = all cores
  bool force = false;                       // process every input whatever the ledger says
  bool dry_run = false;                     // plan only: nothing is written
  Shard shard;                              // --shard K/N
  std::filesystem::path state;              // overrides run.state (the ledger file)
  std::string isolation;                    // overrides run.isolation: process | thread
  std::filesystem::path worker_executable;  // default: this executable
};

// Throws ConfigError for configuration problems (exit 2) and Error /
// LedgerError when the run itself cannot go on (exit 3).
RunSummary run_pipeline(const Pipeline& pipeline, const PluginRegistry& registry,
                        const RunOptions& options, const ProgressCallback& progress = {});

}  // namespace docpipe::host
