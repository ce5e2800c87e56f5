// The run ledger: an SQLite database (WAL mode) that remembers, per input,
// what was done to it and with what, so a nightly run only does new work and
// a killed run resumes where it stopped. Only the parent process writes it;
// every document is recorded in its own transaction the moment it finishes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "docpipe/error.hpp"

struct sqlite3;

namespace docpipe::host {

// The ledger file cannot be used (corrupt, not a database, locked by another
// run). The run itself fails: exit code 3.
class LedgerError : public Error {
 public:
  using Error::Error;
};

struct LedgerEntry {
  std::string input;            // absolute, normalised input path (the key)
  std::string content_sha256;   // of the input bytes
  std::string pipeline_hash;    // processing hash of the pipeline
  std::string plugin_versions;  // "name=version,..." of the plugins the pipeline uses
  std::string status;           // ok, partial, failed, timeout, crashed, skipped
  std::string stage;
  std::string error;
  std::vector<std::string> outputs;
  // Byte size of each output when it was written (-1 unknown): an output
  // whose size differs was cut short or changed, and is rebuilt.
  std::vector<std::int64_t> output_sizes;
  double seconds = 0;
  std::int64_t run_id = 0;
};

// One row of table `runs`.
struct RunRecord {
  std::int64_t id = 0;
  std::string pipeline, pipeline_hash, shard, started, finished;
  std::string status;  // running, finished, interrupted, failed
};

class Ledger {
 public:
  // Opens (creating when missing) the ledger. Throws LedgerError with a
  // message that names the file and says what to do when it is unusable.
  explicit Ledger(const std::filesystem::path& file);
  // Opens an existing ledger read-only (for --dry-run); nullopt when missing.
  static std::optional<Ledger> open_read_only(const std::filesystem::path& file);
  Ledger(Ledger&& other) noexcept;
  Ledger& operator=(Ledger&&) = delete;
  ~Ledger();

  const std::filesystem::path& file() const { return file_; }

  // Every document entry, keyed by input (one query, for planning).
  std::unordered_map<std::string, LedgerEntry> load_all() const;

  // The entry of one input, nullopt when the ledger has none.
  std::optional<LedgerEntry> entry(const std::string& input) const;
  // The latest run, nullopt when none was recorded.
  std::optional<RunRecord> last_run() const;

  // Runs still marked "running" were killed; marks them "interrupted" and
  // returns their ids.
  std::vector<std::int64_t> close_interrupted_runs();
  std::int64_t begin_run(const std::string& pipeline, const std::string& pipeline_hash,
                         const std::string& started, const std::string& shard, int planned);
  void finish_run(std::int64_t run_id, const std::string& finished,
                  const std::map<std::string, int>& counts, const std::string& status);

  // Upserts the document and appends one attempt row, in one transaction.
  // `document_json` (may be empty) and `batch_summaries_json` (the text of an
  // object keyed by batch stage id, or empty) are kept for batch writers of
  // later runs, in place of whatever was kept for the input before
  // (`known_before`: false when the input has never been recorded, which
  // saves looking).
  void record(const LedgerEntry& entry, const std::string& document_json = {},
              const std::string& batch_summaries_json = {}, bool known_before = true);
  // Document JSON kept by record(), empty when none.
  std::string cached_document(const std::string& input) const;
  // Batch summaries kept by record(): an object, empty when none.
  nlohmann::json cached_summaries(const std::string& input) const;
  // Number of attempts with a given status for an input (tests, reports).
  int attempts(const std::string& input, const std::string& status) const;

  struct StatementCache;

 private:
  Ledger(const std::filesystem::path& file, bool read_only);
  void exec(const char* sql) const;
  [[noreturn]] void fail(const std::string& what) const;
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<StatementCache> statements_;
  bool has_output_sizes_ = false;  // column present (ledgers before it lack it)
};

}  // namespace docpipe::host
