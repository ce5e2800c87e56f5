#include "host/ledger.hpp"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

namespace docpipe::host {

namespace fs = std::filesystem;

namespace {

// Schema version 1. New columns go in new tables or ALTERs keyed on
// meta.schema, so a ledger from an older docpipe stays readable.
const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '1');
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  pipeline TEXT NOT NULL, pipeline_hash TEXT NOT NULL, shard TEXT NOT NULL,
  started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
  planned INTEGER NOT NULL, counts TEXT);
CREATE TABLE IF NOT EXISTS documents (
  input TEXT PRIMARY KEY, content_sha256 TEXT NOT NULL, pipeline_hash TEXT NOT NULL,
  plugin_versions TEXT NOT NULL, status TEXT NOT NULL, stage TEXT NOT NULL,
  error TEXT NOT NULL, outputs TEXT NOT NULL, seconds REAL NOT NULL,
  run_id INTEGER NOT NULL, updated TEXT NOT NULL DEFAULT (datetime('now')),
  output_sizes TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS attempts (
  run_id INTEGER NOT NULL, input TEXT NOT NULL, status TEXT NOT NULL,
  seconds REAL NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE INDEX IF NOT EXISTS attempts_input ON attempts(input);
CREATE TABLE IF NOT EXISTS document_cache (input TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS batch_summaries (input TEXT PRIMARY KEY, summaries TEXT NOT NULL);
)SQL";

const char* kMoveAside =
    ". It may be corrupt or not a docpipe ledger. Move it aside (or delete it) to start a new "
    "ledger: every document will then be processed again.";

// Every SQLite failure becomes a LedgerError naming the file; a damaged or
// foreign file also gets the advice of what to do about it.
[[noreturn]] void throw_sqlite(sqlite3* db, const fs::path& file, const std::string& what) {
  int code = db ? sqlite3_errcode(db) : SQLITE_NOMEM;
  std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
  std::string msg = "ledger " + file.string();
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    throw LedgerError(msg + " is unusable: " + what + ": " + reason + kMoveAside);
  throw LedgerError(msg + ": " + what + ": " + reason);
}

}  // namespace

// Statements of the per-document path, prepared once per ledger: preparing
// costs more than running the small statements of a record.
struct Ledger::StatementCache {
  std::unordered_map<std::string, sqlite3_stmt*> prepared;
  ~StatementCache() {
    for (auto& [sql, st] : prepared) sqlite3_finalize(st);
  }
};

namespace {

// A prepared statement that finalizes itself, or a cached one that is reset
// for its next use.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const fs::path& file) {
    if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK)
      throw_sqlite(db, file, std::string("cannot prepare \"") + sql + "\"");
  }
  Statement(Ledger::StatementCache& cache, sqlite3* db, const char* sql, const fs::path& file)
      : cached_(true) {
    auto it = cache.prepared.find(sql);
    if (it == cache.prepared.end()) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
        throw_sqlite(db, file, std::string("cannot prepare \"") + sql + "\"");
      it = cache.prepared.emplace(sql, st).first;
    }
    st_ = it->second;
  }
  ~Statement() {
    if (!cached_) {
      sqlite3_finalize(st_);
      return;
    }
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& bind(int i, const std::string& s) {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  Statement& bind(int i, double v) {
    sqlite3_bind_double(st_, i, v);
    return *this;
  }
  int step() { return sqlite3_step(st_); }
  std::string text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
             : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
  double real(int col) const { return sqlite3_column_double(st_, col); }

 private:
  sqlite3_stmt* st_ = nullptr;
  bool cached_ = false;
};

}  // namespace

Ledger::Ledger(const fs::path& file) : Ledger(file, false) {}

std::optional<Ledger> Ledger::open_read_only(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  return Ledger(file, true);
}

Ledger::Ledger(const fs::path& file, bool read_only)
    : file_(file), statements_(std::make_unique<StatementCache>()) {
  if (!read_only && !file.parent_path().empty()) fs::create_directories(file.parent_path());
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) fail("cannot open");
  sqlite3_busy_timeout(db_, 5000);
  // A foreign or mangled file shows up on the first real read (the header
  // check, SQLITE_NOTADB). Damaged pages further in show up as SQLITE_CORRUPT
  // when they are read, and get the same advice (fail()). No full integrity
  // check at every start: with the document cache the ledger reaches
  // hundreds of MB, and a no-change run must stay cheap.
  try {
    if (!read_only) exec("PRAGMA journal_mode=WAL");
    // NORMAL is durable against process kills in WAL mode (only a power
    // loss can drop the last commits, never corrupt the file).
    exec("PRAGMA synchronous=NORMAL");
    if (!read_only) exec(kSchema);
    {
      Statement column(
          db_, "SELECT 1 FROM pragma_table_info('documents') WHERE name='output_sizes'", file_);
      has_output_sizes_ = column.step() == SQLITE_ROW;
    }
    // A ledger of a docpipe before output sizes were kept gains the column;
    // its entries have no sizes (-1), which the planner does not check.
    if (!read_only && !has_output_sizes_) {
      exec("ALTER TABLE documents ADD COLUMN output_sizes TEXT NOT NULL DEFAULT '[]'");
      has_output_sizes_ = true;
    }
    Statement schema(db_, "SELECT value FROM meta WHERE key='schema'", file_);
    if (schema.step() != SQLITE_ROW) throw LedgerError("no schema version (not a docpipe ledger)");
    if (schema.text(0) != "1")
      throw LedgerError("schema version " + schema.text(0) + " is newer than this docpipe (1)");
  } catch (const LedgerError& e) {
    std::string what = e.what();
    sqlite3_close(db_);
    db_ = nullptr;
    if (what.find(kMoveAside) != std::string::npos) throw;
    throw LedgerError("ledger " + file_.string() + " is unusable: " + what + kMoveAside);
  }
}

Ledger::Ledger(Ledger&& other) noexcept
    : file_(std::move(other.file_)),
      db_(other.db_),
      statements_(std::move(other.statements_)),
      has_output_sizes_(other.has_output_sizes_) {
  other.db_ = nullptr;
}

Ledger::~Ledger() {
  statements_.reset();  // finalized before the connection closes
  if (db_) sqlite3_close(db_);
}

void Ledger::fail(const std::string& what) const { throw_sqlite(db_, file_, what); }

void Ledger::exec(const char* sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    int code = sqlite3_errcode(db_);
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) fail(sql);
    throw LedgerError("ledger " + file_.string() + ": " + sql + ": " + msg);
  }
}

namespace {

// Columns of a LedgerEntry, in the order read_entry() takes them.
const char* kEntryColumns =
    "input, content_sha256, pipeline_hash, plugin_versions, status, stage, error, outputs, "
    "seconds, run_id, ";

LedgerEntry read_entry(const Statement& st) {
  LedgerEntry e;
  e.input = st.text(0);
  e.content_sha256 = st.text(1);
  e.pipeline_hash = st.text(2);
  e.plugin_versions = st.text(3);
  e.status = st.text(4);
  e.stage = st.text(5);
  e.error = st.text(6);
  auto outputs = nlohmann::json::parse(st.text(7), nullptr, false);
  if (outputs.is_array())
    for (const auto& o : outputs)
      if (o.is_string()) e.outputs.push_back(o.get<std::string>());
  e.seconds = st.real(8);
  e.run_id = st.integer(9);
  auto sizes = nlohmann::json::parse(st.text(10), nullptr, false);
  if (sizes.is_array())
    for (const auto& n : sizes)
      e.output_sizes.push_back(n.is_number_integer() ? n.get<std::int64_t>() : -1);
  return e;
}

}  // namespace

std::unordered_map<std::string, LedgerEntry> Ledger::load_all() const {
  std::unordered_map<std::string, LedgerEntry> all;
  const std::string sql = std::string("SELECT ") + kEntryColumns +
                          (has_output_sizes_ ? "output_sizes" : "'[]'") + " FROM documents";
  Statement st(db_, sql.c_str(), file_);
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    auto e = read_entry(st);
    auto key = e.input;
    all.emplace(std::move(key), std::move(e));
  }
  if (rc != SQLITE_DONE) fail("cannot read documents");
  return all;
}

std::optional<LedgerEntry> Ledger::entry(const std::string& input) const {
  static const std::string with_sizes =
      std::string("SELECT ") + kEntryColumns + "output_sizes FROM documents WHERE input=?";
  static const std::string without_sizes =
      std::string("SELECT ") + kEntryColumns + "'[]' FROM documents WHERE input=?";
  Statement st(*statements_, db_, (has_output_sizes_ ? with_sizes : without_sizes).c_str(), file_);
  st.bind(1, input);
  int rc = st.step();
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) fail("cannot read the entry of " + input);
  return read_entry(st);
}

std::optional<RunRecord> Ledger::last_run() const {
  Statement st(db_,
               "SELECT id, pipeline, pipeline_hash, shard, started, coalesce(finished, ''), status "
               "FROM runs ORDER BY id DESC LIMIT 1",
               file_);
  int rc = st.step();
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) fail("cannot read the runs");
  return RunRecord{st.integer(0), st.text(1), st.text(2), st.text(3),
                   st.text(4),    st.text(5), st.text(6)};
}

std::vector<std::int64_t> Ledger::close_interrupted_runs() {
  std::vector<std::int64_t> ids;
  Statement st(db_, "SELECT id FROM runs WHERE status='running'", file_);
  while (st.step() == SQLITE_ROW) ids.push_back(st.integer(0));
  exec("UPDATE runs SET status='interrupted' WHERE status='running'");
  return ids;
}

std::int64_t Ledger::begin_run(const std::string& pipeline, const std::string& pipeline_hash,
                               const std::string& started, const std::string& shard, int planned) {
  Statement st(db_,
               "INSERT INTO runs(pipeline, pipeline_hash, shard, started, status, planned) "
               "VALUES (?,?,?,?,'running',?)",
               file_);
  st.bind(1, pipeline).bind(2, pipeline_hash).bind(3, shard).bind(4, started);
  st.bind(5, static_cast<std::int64_t>(planned));
  if (st.step() != SQLITE_DONE) fail("cannot record the run");
  return sqlite3_last_insert_rowid(db_);
}

void Ledger::finish_run(std::int64_t run_id, const std::string& finished,
                        const std::map<std::string, int>& counts, const std::string& status) {
  Statement st(db_, "UPDATE runs SET finished=?, counts=?, status=? WHERE id=?", file_);
  st.bind(1, finished).bind(2, nlohmann::json(counts).dump()).bind(3, status).bind(4, run_id);
  if (st.step() != SQLITE_DONE) fail("cannot finish the run");
}

void Ledger::record(const LedgerEntry& e, const std::string& document_json,
                    const std::string& batch_summaries_json, bool known_before) {
  if (Statement(*statements_, db_, "BEGIN IMMEDIATE", file_).step() != SQLITE_DONE)
    fail("cannot start the record of " + e.input);
  try {
    {
      Statement st(*statements_, db_,
                   "INSERT OR REPLACE INTO documents(input, content_sha256, pipeline_hash, "
                   "plugin_versions, status, stage, error, outputs, seconds, run_id, "
                   "output_sizes) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   file_);
      st.bind(1, e.input).bind(2, e.content_sha256).bind(3, e.pipeline_hash);
      st.bind(4, e.plugin_versions).bind(5, e.status).bind(6, e.stage).bind(7, e.error);
      st.bind(8, nlohmann::json(e.outputs).dump()).bind(9, e.seconds).bind(10, e.run_id);
      st.bind(11, nlohmann::json(e.output_sizes).dump());
      if (st.step() != SQLITE_DONE) fail("cannot record " + e.input);
    }
    {
      Statement st(*statements_, db_,
                   "INSERT INTO attempts(run_id, input, status, seconds) VALUES (?,?,?,?)", file_);
      st.bind(1, e.run_id).bind(2, e.input).bind(3, e.status).bind(4, e.seconds);
      if (st.step() != SQLITE_DONE) fail("cannot record an attempt for " + e.input);
    }
    // What batch writers got from this document replaces what they got
    // before: a document that now fails to read must not reappear in a later
    // run's batch output with its old content. An input new to the ledger
    // has nothing cached.
    if (known_before)
      for (const char* sql : {"DELETE FROM document_cache WHERE input=?",
                              "DELETE FROM batch_summaries WHERE input=?"}) {
        Statement st(*statements_, db_, sql, file_);
        st.bind(1, e.input);
        if (st.step() != SQLITE_DONE) fail("cannot clear the cache of " + e.input);
      }
    if (!document_json.empty()) {
      Statement st(*statements_, db_, "INSERT INTO document_cache(input, json) VALUES (?,?)",
                   file_);
      st.bind(1, e.input).bind(2, document_json);
      if (st.step() != SQLITE_DONE) fail("cannot cache " + e.input);
    }
    if (!batch_summaries_json.empty()) {
      Statement st(*statements_, db_, "INSERT INTO batch_summaries(input, summaries) VALUES (?,?)",
                   file_);
      st.bind(1, e.input).bind(2, batch_summaries_json);
      if (st.step() != SQLITE_DONE) fail("cannot cache the summaries of " + e.input);
    }
    if (Statement(*statements_, db_, "COMMIT", file_).step() != SQLITE_DONE)
      fail("cannot commit the record of " + e.input);
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::string Ledger::cached_document(const std::string& input) const {
  Statement st(*statements_, db_, "SELECT json FROM document_cache WHERE input=?", file_);
  st.bind(1, input);
  int rc = st.step();
  if (rc == SQLITE_ROW) return st.text(0);
  if (rc != SQLITE_DONE) fail("cannot read the cached document of " + input);
  return {};
}

nlohmann::json Ledger::cached_summaries(const std::string& input) const {
  Statement st(*statements_, db_, "SELECT summaries FROM batch_summaries WHERE input=?", file_);
  st.bind(1, input);
  int rc = st.step();
  if (rc == SQLITE_DONE) return nlohmann::json::object();
  if (rc != SQLITE_ROW) fail("cannot read the cached summaries of " + input);
  auto summaries = nlohmann::json::parse(st.text(0), nullptr, false);
  if (!summaries.is_object()) fail("the cached summaries of " + input + " are not a JSON object");
  return summaries;
}

int Ledger::attempts(const std::string& input, const std::string& status) const {
  Statement st(db_, "SELECT count(*) FROM attempts WHERE input=? AND status=?", file_);
  st.bind(1, input).bind(2, status);
  return st.step() == SQLITE_ROW ? static_cast<int>(st.integer(0)) : 0;
}

}  // namespace docpipe::host
