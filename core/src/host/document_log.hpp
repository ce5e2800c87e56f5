// The records of a run's documents, in input order, spooled to an unnamed
// temporary file instead of held in memory: a collection has hundreds of
// thousands of documents and run-report.json lists every one. What the
// end-of-run summary shows at once is kept beside the file, bounded by what
// it shows: the slowest documents, counts and a few examples per kind of
// failure. Failures themselves stay in memory (the report lists each with
// its error.
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "host/outcome.hpp"

namespace docpipe::host {

struct DocumentRecord {
  std::string input;
  Outcome outcome = Outcome::ok;  // dry run: to_process or skipped
  std::string reason;             // why it was processed or skipped (new, changed, unchanged, ...)
  std::string stage;
  ErrorKind error_kind = ErrorKind::none;
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

// The string at `key` of a JSON object, empty when there is none.
std::string string_field(const nlohmann::json& j, const char* key);
// A record as run-report.json lists it, and back.
nlohmann::json record_json(const DocumentRecord& record);
DocumentRecord record_from_json(const nlohmann::json& j);

// Failed or partial documents of one kind: the same status, stage and error
// once each document's own path is taken out of the message.
struct FailureGroup {
  Outcome outcome;
  std::string stage, reason;
  std::size_t count = 0;
  std::vector<std::string> examples;  // the first few inputs, in input order
};

class DocumentLog {
 public:
  // How many slowest documents and examples per failure group are kept.
  static constexpr std::size_t kSlowestKept = 10;
  static constexpr std::size_t kExamplesKept = 3;

  DocumentLog();
  DocumentLog(DocumentLog&& other) noexcept;
  DocumentLog& operator=(DocumentLog&& other) noexcept;
  DocumentLog(const DocumentLog&) = delete;
  DocumentLog& operator=(const DocumentLog&) = delete;
  ~DocumentLog();

  // Throws Error when the temporary file cannot be created or written.
  void push_back(const DocumentRecord& record);
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Each record's run-report.json text (one line of compact JSON), in input
  // order.
  void for_each_json(const std::function<void(std::string_view)>& visit) const;
  // Each record, read back from its text, in input order.
  void for_each(const std::function<void(const DocumentRecord&)>& visit) const;

  // Processed documents, slowest first (among equals the earlier one).
  const std::vector<DocumentRecord>& slowest() const { return slowest_; }
  const std::vector<DocumentRecord>& failures() const { return failures_; }
  // Failed and partial documents by kind, the largest group first.
  std::vector<FailureGroup> failure_groups() const;
  // Documents skipped because they failed before and have not changed.
  std::size_t quarantined() const { return quarantined_; }

 private:
  void keep_if_slow(const DocumentRecord& record);
  void group_failure(const DocumentRecord& record);
  std::FILE* file_ = nullptr;  // opened by the first record
  std::size_t size_ = 0;
  std::vector<DocumentRecord> slowest_;
  std::vector<DocumentRecord> failures_;
  std::vector<FailureGroup> groups_;
  std::map<std::tuple<Outcome, std::string, std::string>, std::size_t> group_index_;
  std::size_t quarantined_ = 0;
};

// A document's error without its own path (readers name the file in their
// messages; the path is shown beside it anyway).
std::string error_without_input(const DocumentRecord& record);

}  // namespace docpipe::host
