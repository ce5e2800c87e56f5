// Unit tests of the nightly-run pieces: ledger, shard partition, planning
// the worker protocol and the worker pool. The end-to-end behaviour is in test_nightly.py.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <set>

#include "docpipe/error.hpp"
#include "docpipe/json.hpp"
#include "host/ledger.hpp"
#include "host/pipeline.hpp"
#include "host/plan.hpp"
#include "host/registry.hpp"
#include "host/resolved_pipeline.hpp"
#include "host/shard.hpp"
#include "host/worker_pool.hpp"
#include "host/worker_protocol.hpp"

namespace fs = std::filesystem;
using namespace docpipe::host;

namespace {

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("docpipe-nightly-unit-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

LedgerEntry entry(const std::string& input, const std::string& sha, const std::string& status) {
  // Aggregate initialisation: GCC 12 warns falsely (-Wrestrict) on assigning
  // string literals to the members one by one.
  return LedgerEntry{.input = input,
                     .content_sha256 = sha,
                     .pipeline_hash = std::string("P"),
                     .plugin_versions = std::string("read.txt=1.0.0"),
                     .status = status,
                     .stage = {},
                     .error = {},
                     .outputs = {},
                     .output_sizes = {},
                     .seconds = 0,
                     .run_id = 1};
}

}  // namespace

TEST(Ledger, RecordsSurviveReopening) {
  TempDir dir;
  auto file = dir.path() / "state" / "ledger.sqlite";
  {
    Ledger ledger(file);
    auto run = ledger.begin_run("demo", "P", "2026-01-01T00:00:00", "", 1);
    auto e = entry("/in/a.txt", "abc", "ok");
    e.run_id = run;
    e.outputs = {"/out/a.json"};
    ledger.record(e);
    ledger.record(e, R"({"x":1})", R"({"write.xlsx":{"rows":2}})");
  }
  Ledger ledger(file);
  auto all = ledger.load_all();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all.at("/in/a.txt").content_sha256, "abc");
  EXPECT_EQ(all.at("/in/a.txt").outputs, std::vector<std::string>{"/out/a.json"});
  EXPECT_EQ(ledger.attempts("/in/a.txt", "ok"), 2);
  EXPECT_EQ(ledger.cached_document("/in/a.txt"), R"({"x":1})");
  EXPECT_EQ(ledger.cached_summaries("/in/a.txt"), (nlohmann::json{{"write.xlsx", {{"rows", 2}}}}));
  EXPECT_TRUE(ledger.cached_summaries("/in/b.txt").empty());
  // The run was never finished: the next run sees it as interrupted.
  EXPECT_EQ(ledger.close_interrupted_runs().size(), 1u);
  EXPECT_TRUE(ledger.close_interrupted_runs().empty());
}

// What `docpipe merge` reads of a shard's ledger: one entry by key, and
// whether the last run finished.
TEST(Ledger, OneEntryAndTheLastRun) {
  TempDir dir;
  auto file = dir.path() / "ledger.sqlite";
  {
    Ledger ledger(file);
    EXPECT_FALSE(ledger.last_run());
    auto run = ledger.begin_run("demo", "P", "2026-01-01T00:00:00", "1/4", 1);
    auto e = entry("/in/a.txt", "abc", "failed");
    e.error = "not a ZIP";
    e.outputs = {"/out/a.json"};
    e.output_sizes = {12};
    e.run_id = run;
    ledger.record(e);
    auto last = ledger.last_run();
    ASSERT_TRUE(last);
    EXPECT_EQ(last->status, "running");
    EXPECT_EQ(last->shard, "1/4");
    ledger.finish_run(run, "2026-01-01T00:01:00", {{"failed", 1}}, "finished");
  }
  auto ledger = Ledger::open_read_only(file);
  ASSERT_TRUE(ledger);
  auto e = ledger->entry("/in/a.txt");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, "failed");
  EXPECT_EQ(e->error, "not a ZIP");
  EXPECT_EQ(e->outputs, std::vector<std::string>{"/out/a.json"});
  EXPECT_EQ(e->output_sizes, std::vector<std::int64_t>{12});
  EXPECT_FALSE(ledger->entry("/in/b.txt"));
  auto last = ledger->last_run();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->status, "finished");
  EXPECT_EQ(last->started, "2026-01-01T00:00:00");
  EXPECT_EQ(last->finished, "2026-01-01T00:01:00");
  EXPECT_EQ(last->pipeline_hash, "P");
}

TEST(Ledger, ALedgerWithoutOutputSizesIsUpgradedInPlace) {
  // The documents table as docpipe wrote it before output sizes were kept.
  TempDir dir;
  auto file = dir.path() / "ledger.sqlite";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    const char* old_schema = R"SQL(
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('schema', '1');
      CREATE TABLE documents (
        input TEXT PRIMARY KEY, content_sha256 TEXT NOT NULL, pipeline_hash TEXT NOT NULL,
        plugin_versions TEXT NOT NULL, status TEXT NOT NULL, stage TEXT NOT NULL,
        error TEXT NOT NULL, outputs TEXT NOT NULL, seconds REAL NOT NULL,
        run_id INTEGER NOT NULL, updated TEXT NOT NULL DEFAULT (datetime('now')));
      INSERT INTO documents VALUES ('/in/a.txt', 'abc', 'P', 'x=1', 'ok', '', '',
                                    '["/out/a.json"]', 0.1, 1, datetime('now'));)SQL";
    ASSERT_EQ(sqlite3_exec(db, old_schema, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  {
    auto read_only = Ledger::open_read_only(file);  // --dry-run reads it as it is
    ASSERT_TRUE(read_only);
    EXPECT_TRUE(read_only->load_all().at("/in/a.txt").output_sizes.empty());
  }
  Ledger ledger(file);
  auto e = ledger.load_all().at("/in/a.txt");
  EXPECT_EQ(e.outputs, std::vector<std::string>{"/out/a.json"});
  EXPECT_TRUE(e.output_sizes.empty());
  e.output_sizes = {42};
  ledger.record(e);
  EXPECT_EQ(ledger.load_all().at("/in/a.txt").output_sizes, std::vector<std::int64_t>{42});
}

TEST(Ledger, ANewRecordReplacesWhatBatchWritersGotBefore) {
  // A document that now fails before it is read must not reappear in a
  // later run's batch output with its old content.
  TempDir dir;
  Ledger ledger(dir.path() / "ledger.sqlite");
  auto e = entry("/in/a.txt", "abc", "ok");
  ledger.record(e, R"({"x":1})", R"({"write.xlsx":1})");
  e.status = "failed";
  ledger.record(e);
  EXPECT_EQ(ledger.cached_document("/in/a.txt"), "");
  EXPECT_TRUE(ledger.cached_summaries("/in/a.txt").empty());
}

TEST(Ledger, CorruptFileIsAClearError) {
  TempDir dir;
  auto file = dir.path() / "ledger.sqlite";
  write(file, std::string(8192, 'x'));
  try {
    Ledger ledger(file);
    FAIL() << "a corrupt ledger was opened";
  } catch (const LedgerError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("corrupt"), std::string::npos) << msg;
    EXPECT_NE(msg.find("Move it aside"), std::string::npos) << msg;
  }
  EXPECT_THROW(Ledger::open_read_only(file), LedgerError);
  EXPECT_FALSE(Ledger::open_read_only(dir.path() / "missing.sqlite").has_value());
}

TEST(Ledger, DamagedPagesAreAClearError) {
  TempDir dir;
  auto file = dir.path() / "ledger.sqlite";
  {
    Ledger ledger(file);
    for (int i = 0; i < 200; ++i)
      ledger.record(entry("/in/" + std::to_string(i) + ".txt", std::string(64, 'a'), "ok"),
                    std::string(2000, 'x'));
  }
  // Keep the header page intact, overwrite everything after it: the file
  // still opens as SQLite, its tables do not.
  auto size = fs::file_size(file);
  ASSERT_GT(size, 8192u);
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    std::string junk(size - 4096, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  try {
    Ledger ledger(file);
    ledger.load_all();
    FAIL() << "a damaged ledger was read";
  } catch (const LedgerError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("corrupt"), std::string::npos) << msg;
  }
}

TEST(Shard, ParsesKOverN) {
  auto s = parse_shard("2/8");
  EXPECT_EQ(s.index, 2u);
  EXPECT_EQ(s.count, 8u);
  for (const char* bad : {"8/8", "1/0", "a/2", "1", "-1/2", "1/2/3", "/2", "1/"})
    EXPECT_THROW(parse_shard(bad), docpipe::ConfigError) << bad;
}

TEST(Shard, PartitionIsCompleteDisjointAndStable) {
  // Stable across machines and releases: FNV-1a 64 of the relative path.
  EXPECT_EQ(shard_key(InputItem{"/mnt/a/batch000/report_000001.txt", "batch000"}),
            12553202097931481370ull);
  // The mount point does not matter, only the path below the input root.
  EXPECT_EQ(shard_key(InputItem{"/x/batch000/report_000001.txt", "batch000"}),
            shard_key(InputItem{"/y/z/batch000/report_000001.txt", "batch000"}));
  std::vector<int> per_shard(4);
  for (int i = 0; i < 1000; ++i) {
    InputItem item{"/in/d/" + std::to_string(i) + ".txt", "d"};
    int owners = 0;
    for (unsigned k = 0; k < 4; ++k)
      if (in_shard(item, Shard{k, 4})) {
        ++owners;
        ++per_shard[k];
      }
    EXPECT_EQ(owners, 1);
  }
  for (int n : per_shard) EXPECT_GT(n, 150);  // roughly even, none empty
}

TEST(Plan, SaysWhyEachDocumentIsProcessed) {
  TempDir dir;
  auto in = [&](const std::string& name, const std::string& text) {
    write(dir.path() / name, text);
    return InputItem{dir.path() / name, ""};
  };
  std::vector<InputItem> items = {in("new.txt", "n"),      in("changed.txt", "c2"),
                                  in("pipeline.txt", "p"), in("plugin.txt", "g"),
                                  in("missing.txt", "m"),  in("same.txt", "s"),
                                  in("bad.txt", "b"),      in("cut.txt", "t")};
  auto key = [&](const std::string& name) {
    return (dir.path() / name).lexically_normal().string();
  };
  auto known_entry = [&](const std::string& name, const std::string& status) {
    auto e = entry(key(name), file_sha256(dir.path() / name), status);
    return std::make_pair(key(name), e);
  };
  std::unordered_map<std::string, LedgerEntry> known;
  known.insert(known_entry("changed.txt", "ok"));
  known[key("changed.txt")].content_sha256 = "old";
  known.insert(known_entry("pipeline.txt", "ok"));
  known[key("pipeline.txt")].pipeline_hash = "older pipeline";
  known.insert(known_entry("plugin.txt", "ok"));
  known[key("plugin.txt")].plugin_versions = "read.txt=0.9.0";
  known.insert(known_entry("missing.txt", "ok"));
  known[key("missing.txt")].outputs = {(dir.path() / "gone.json").string()};
  known.insert(known_entry("same.txt", "ok"));
  write(dir.path() / "same.json", "{}");
  known[key("same.txt")].outputs = {(dir.path() / "same.json").string()};
  known[key("same.txt")].output_sizes = {2};
  known.insert(known_entry("bad.txt", "crashed"));
  // Recorded at 100 bytes, 2 on disk: cut short by a power loss.
  known.insert(known_entry("cut.txt", "ok"));
  write(dir.path() / "cut.json", "{}");
  known[key("cut.txt")].outputs = {(dir.path() / "cut.json").string()};
  known[key("cut.txt")].output_sizes = {100};

  auto plan = plan_run(items, known, "P", "read.txt=1.0.0", false);
  std::vector<std::string> reasons;
  for (const auto& p : plan) reasons.push_back(p.reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{"new", "changed", "pipeline changed",
                                               "plugin changed", "output missing", "unchanged",
                                               "quarantined (unchanged)", "output changed"}));
  EXPECT_FALSE(plan[5].process);
  EXPECT_FALSE(plan[6].process);
  for (const auto& p : plan_run(items, known, "P", "read.txt=1.0.0", true)) {
    EXPECT_TRUE(p.process);
    EXPECT_STREQ(p.reason, "forced");
  }
}

TEST(WorkerProtocol, RoundTrips) {
  InputItem item{"/in/报告 1.txt", "sub/dir"}, back;
  std::size_t index = 0;
  decode_request(encode_request(42, item), index, back);
  EXPECT_EQ(index, 42u);
  EXPECT_EQ(back.path, item.path);
  EXPECT_EQ(back.reldir, item.reldir);

  WorkResult w;
  w.index = 7;
  w.result.outcome = docpipe::host::Outcome::partial;
  w.result.error_kind = docpipe::host::ErrorKind::limit_exceeded;
  w.result.stage = "write.docx";
  w.result.error = "line\nbreak";
  w.result.outputs = {"/out/a.json"};
  w.result.output_sizes = {1234};
  w.document_json = R"({"blocks":[]})";
  auto lines = encode_result(w);
  auto nl = lines.find('\n');
  ASSERT_NE(nl, std::string::npos);
  ResultFollowers follows;
  auto r = decode_result(std::string_view(lines).substr(0, nl), follows);
  EXPECT_TRUE(follows.document);
  EXPECT_FALSE(follows.summaries);
  EXPECT_EQ(lines.substr(nl + 1), w.document_json + "\n");
  EXPECT_EQ(r.index, 7u);
  EXPECT_EQ(r.result.outcome, docpipe::host::Outcome::partial);
  EXPECT_EQ(r.result.error_kind, docpipe::host::ErrorKind::limit_exceeded);
  EXPECT_EQ(r.result.error, "line\nbreak");
  EXPECT_EQ(r.result.outputs, w.result.outputs);
  EXPECT_EQ(r.result.output_sizes, w.result.output_sizes);

  // Batch summaries follow on a line of their own (after the document's
  // when both are sent), so the parent can keep their text as it came.
  w.result.batch_summaries = {{"write.xlsx", {{"title", "工作总结\n"}}}};
  lines = encode_result(w);
  std::vector<std::string> parts;
  for (std::size_t from = 0, at; (at = lines.find('\n', from)) != std::string::npos; from = at + 1)
    parts.push_back(lines.substr(from, at - from));
  ASSERT_EQ(parts.size(), 3u);
  decode_result(parts[0], follows);
  EXPECT_TRUE(follows.document);
  EXPECT_TRUE(follows.summaries);
  EXPECT_EQ(parts[1], w.document_json);
  EXPECT_EQ(nlohmann::json::parse(parts[2]), w.result.batch_summaries);

  // Invalid UTF-8 from a plugin does not make the result unsendable.
  w.document_json.clear();
  w.result.batch_summaries = {{"write.xlsx", {{"title", "团\xff委"}}}};
  lines = encode_result(w);
  auto second = lines.find('\n') + 1;
  EXPECT_EQ(nlohmann::json::parse(lines.substr(second))["write.xlsx"]["title"], "团\xEF\xBF\xBD委");
}

TEST(WorkerProtocol, DocumentTextRepairsInvalidUtf8) {
  // A plugin that leaves invalid UTF-8 in a block must not fail the document
  // when a batch writer takes whole documents: the text carries U+FFFD.
  docpipe::Document doc;
  doc.blocks.push_back(docpipe::Block{docpipe::BlockKind::paragraph, 0, "", "团\xff委", {}, {}});
  const std::string text = document_text(doc);
  const auto back = nlohmann::json::parse(text);
  EXPECT_EQ(back["blocks"][0]["text"], "团\xEF\xBF\xBD委");
  EXPECT_EQ(back,
            docpipe::document_to_json(doc).patch(nlohmann::json::array(
                {{{"op", "replace"}, {"path", "/blocks/0/text"}, {"value", "团\xEF\xBF\xBD委"}}})));
}

namespace {

// A pipeline as `docpipe run` resolves it, from a YAML written for the test.
Pipeline resolved_from(const fs::path& yaml, const std::string& text, PluginRegistry& registry) {
  write(yaml, text);
  for (const auto& d : PluginRegistry::default_search_path()) registry.load_directory(d);
  auto pipeline = load_pipeline(yaml);
  resolve_pipeline(pipeline, registry);
  return pipeline;
}

constexpr const char* kCleanToJson =
    "version: 1\nname: sent\nstages:\n  - use: clean.lines\n    id: lines\n"
    "outputs:\n  - use: write.json\n    path: \"{out}/{stem}.json\"\n";

}  // namespace

TEST(ResolvedPipeline, RoundTripsWhatWorkersNeed) {
  TempDir t;
  PluginRegistry registry;
  auto p = resolved_from(t.path() / "p.yaml", kCleanToJson, registry);
  auto back = pipeline_from_resolved_json(
      nlohmann::json::parse(encode_pipeline(resolved_pipeline_json(p))));
  EXPECT_EQ(back.file, p.file);
  EXPECT_EQ(back.merged, p.merged);
  EXPECT_EQ(back.hash(), p.hash());
  ASSERT_EQ(back.stages.size(), 1u);
  EXPECT_EQ(back.stages[0].id, "lines");
  EXPECT_EQ(back.stages[0].with, p.stages[0].with);  // defaults filled in by the parent
  ASSERT_EQ(back.outputs.size(), 1u);
  EXPECT_EQ(back.outputs[0].path, "{out}/{stem}.json");
  EXPECT_EQ(back.run.durability, p.run.durability);
  EXPECT_THROW(pipeline_from_resolved_json(nlohmann::json{{"version", 1}}), docpipe::ConfigError);
}

// Workers get the pipeline over their request pipe, also when recycled after
// every document: with its YAML gone they still run it as it was resolved.
TEST(WorkerPool, WorkersRunThePipelineTheParentResolvedNotItsFile) {
  TempDir t;
  PluginRegistry registry;
  auto pipeline = resolved_from(t.path() / "p.yaml", kCleanToJson, registry);
  fs::remove(t.path() / "p.yaml");
  fs::create_directories(t.path() / "in");
  write(t.path() / "in" / "a.txt", "第一段\n");
  write(t.path() / "in" / "b.txt", "第二段\n");
  WorkerPoolOptions o;
  o.executable = DOCPIPE_BIN;
  o.worker.pipeline = resolved_pipeline_json(pipeline);
  o.worker.out_dir = t.path() / "out";
  o.recycle_after = 1;
  WorkerPool pool(o);
  InputList items;
  items.push_back({t.path() / "in" / "a.txt", ""});
  items.push_back({t.path() / "in" / "b.txt", ""});
  std::vector<ExecutedDocument> done;
  pool.run(items, {0, 1},
           {[](std::size_t) { return true; },
            [&](ExecutedDocument&& d) { done.push_back(std::move(d)); }});
  ASSERT_EQ(done.size(), 2u);
  for (const auto& d : done) {
    EXPECT_EQ(d.result.outcome, Outcome::ok) << d.result.error << "\n" << d.log_excerpt;
    EXPECT_EQ(d.result.error_kind, ErrorKind::none);
  }
  EXPECT_TRUE(fs::exists(t.path() / "out" / "a.json"));
  EXPECT_TRUE(fs::exists(t.path() / "out" / "b.json"));
}
