// What a run did: one record per document, counts by status and by reason,
// notes and warnings, and the run-report.json made of them.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "host/document_log.hpp"
#include "host/outcome.hpp"

namespace docpipe::host {

struct RunSummary {
  std::string pipeline;
  std::string pipeline_hash;
  std::string pipeline_file;  // absolute: `docpipe merge` loads it again
  std::string ledger;
  std::string shard;
  std::string input_root;  // what batch outputs show input paths relative to (RunInfo)
  std::string isolation;
  bool dry_run = false;
  std::string started, finished;
  double seconds = 0;
  std::map<std::string, int> counts;   // by outcome, as the report words it
  std::map<std::string, int> reasons;  // processed documents by reason
  DocumentLog documents;  // spooled to a temporary file: a run may have hundreds of thousands
  std::vector<std::string> notes;
  std::vector<std::string> warnings;  // e.g. no input documents at all
  std::string report_path;            // run-report.json, once written
  std::vector<std::string> batch_outputs;
  int exit_code() const;  // 0 all ok/partial/skipped, 1 some failed, timed out or crashed
  std::vector<const DocumentRecord*> slowest(std::size_t n) const;
  std::vector<const DocumentRecord*> failures() const;
  nlohmann::json to_json(bool with_documents = true) const;
  // Writes run-report.json atomically; throws Error when it cannot.
  void write_report(const std::filesystem::path& target) const;
};

// Called once per document, in input order (for progress display), with the
// counts so far.
using ProgressCallback =
    std::function<void(const DocumentRecord&, std::size_t done, std::size_t total,
                       const std::map<std::string, int>& counts)>;

std::string now_iso8601();

}  // namespace docpipe::host
