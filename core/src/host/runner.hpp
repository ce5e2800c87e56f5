// Runs a resolved pipeline over many inputs: documents in parallel, batch
// writers fed in input order, a summary and run-report.json at the end.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "host/pipeline.hpp"
#include "host/processor.hpp"
#include "host/registry.hpp"

namespace docpipe::host {

struct RunOptions {
  std::vector<std::string> inputs;  // overrides the pipeline's inputs when not empty
  std::filesystem::path out_dir;    // overrides run.out
  int jobs = 0;                     // overrides run.jobs; 0 = all cores
};

struct DocumentRecord {
  std::string input;
  std::string status;
  std::string stage;
  std::string error;
  double seconds = 0;
  std::vector<std::string> outputs;
};

struct RunSummary {
  std::string pipeline;
  std::string pipeline_hash;
  std::string started, finished;
  double seconds = 0;
  std::map<std::string, int> counts;  // by status
  std::vector<DocumentRecord> documents;
  std::vector<std::string> notes;
  std::vector<std::string> batch_outputs;
  int exit_code() const;  // 0 all ok/skipped, 1 some failed
  nlohmann::json to_json() const;
};

// Called once per finished document, in input order (for progress display).
using ProgressCallback = std::function<void(const DocumentRecord&, std::size_t done, std::size_t total)>;

RunSummary run_pipeline(const Pipeline& pipeline, const PluginRegistry& registry,
                        const RunOptions& options, const ProgressCallback& progress = {});

std::string now_iso8601();

}  // namespace docpipe::host
