// Runs a resolved pipeline over many inputs, incrementally: the ledger says
// what is new or changed, documents run in worker processes (or threads),
// results are recorded as they finish, failures are quarantined, batch
// writers are fed in input order, and a summary and run-report.json close
// the run.
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

struct DocumentRecord {
  std::string input;
  std::string status;  // ok, partial, failed, timeout, crashed, skipped; dry run: "process"
  std::string reason;  // why it was processed or skipped (new, changed, unchanged, ...)
  std::string stage;
  std::string error;
  double seconds = 0;
  std::vector<std::string> outputs;
  std::string quarantine;  // entry written for a failure
  // The ledger key (absolute input path; empty when it is `input`) and the
  // position in the whole scan: what `docpipe merge` needs to join shards
  // back into one collection.
  std::string key = {};
  std::size_t position = {};
};

struct RunSummary {
  std::string pipeline;
  std::string pipeline_hash;
  std::string pipeline_file;  // absolute: `docpipe merge` loads it again
  std::string ledger;
  std::string shard;
  std::string isolation;
  bool dry_run = false;
  std::string started, finished;
  double seconds = 0;
  std::map<std::string, int> counts;   // by status
  std::map<std::string, int> reasons;  // processed documents by reason
  std::vector<DocumentRecord> documents;
  std::vector<std::string> notes;
  std::vector<std::string> warnings;  // e.g. no input documents at all
  std::string report_path;            // run-report.json, once written
  std::vector<std::string> batch_outputs;
  int exit_code() const;  // 0 all ok/partial/skipped, 1 some failed, timed out or crashed
  std::vector<const DocumentRecord*> slowest(std::size_t n) const;
  std::vector<const DocumentRecord*> failures() const;
  nlohmann::json to_json(bool with_documents = true) const;
  std::string report_text() const;  // run-report.json
};

// Called once per document, in input order (for progress display), with the
// counts so far.
using ProgressCallback =
    std::function<void(const DocumentRecord&, std::size_t done, std::size_t total,
                       const std::map<std::string, int>& counts)>;

// Throws ConfigError for configuration problems (exit 2) and Error /
// LedgerError when the run itself cannot go on (exit 3).
RunSummary run_pipeline(const Pipeline& pipeline, const PluginRegistry& registry,
                        const RunOptions& options, const ProgressCallback& progress = {});

std::string now_iso8601();

}  // namespace docpipe::host
