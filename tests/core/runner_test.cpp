// The batch runner through the real CLI: one bad document never stops the
// batch, outputs are complete files, the run report tells what happened.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "host/inputs.hpp"
#include "host/processor.hpp"
#include "test_support.hpp"

using docpipe::testing::read_file;
using docpipe::testing::TempDir;
using docpipe::testing::write_file;
namespace fs = std::filesystem;

namespace {

int run(const std::string& cmd) {
  int rc = std::system((cmd + " >/dev/null 2>&1").c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

void write_pipeline(const TempDir& t, const std::string& extra_run = "") {
  write_file(t / "p.yaml",
             "version: 1\nname: t\nplugin_paths: [\"" TEST_PLUGIN_DIR
             "/good\"]\n"
             "inputs: [in]\n"
             "stages:\n  - use: test.fail_on_marker\n"
             "outputs:\n  - use: write.json\n    path: \"{out}/json/{reldir}/{stem}.json\"\n"
             "run: {isolation: thread" +
                 extra_run + "}\n");
}

}  // namespace

TEST(Runner, OneFailingDocumentDoesNotStopTheBatch) {
  TempDir t;
  write_file(t / "in" / "a.txt", "第一段\n第二段\n");
  write_file(t / "in" / "b.txt", "这里有 BOOM\n");
  write_file(t / "in" / "sub" / "c.txt", "第三个文件\n");
  write_pipeline(t);
  int rc = run(std::string(DOCPIPE_BIN) + " run " + (t / "p.yaml").string() + " --out " +
               (t / "out").string() + " --jobs 2");
  EXPECT_EQ(rc, 1);  // some documents failed
  EXPECT_TRUE(fs::exists(t / "out" / "json" / "a.json"));
  EXPECT_TRUE(fs::exists(t / "out" / "json" / "sub" / "c.json"));
  EXPECT_FALSE(fs::exists(t / "out" / "json" / "b.json"));
  auto report = nlohmann::json::parse(read_file(t / "out" / "run-report.json"));
  EXPECT_EQ(report["counts"]["ok"], 2);
  EXPECT_EQ(report["counts"]["failed"], 1);
  bool found = false;
  for (const auto& d : report["documents"])
    if (d["input"].get<std::string>().find("b.txt") != std::string::npos) {
      found = true;
      EXPECT_EQ(d["status"], "failed");
      EXPECT_EQ(d["stage"], "test.fail_on_marker");
      EXPECT_NE(d["error"].get<std::string>().find("marker BOOM found"), std::string::npos);
    }
  EXPECT_TRUE(found);
  auto out = nlohmann::json::parse(read_file(t / "out" / "json" / "a.json"));
  EXPECT_EQ(out["blocks"].size(), 2u);
  EXPECT_EQ(out["source"]["sha256"].get<std::string>().size(), 64u);
}

TEST(Runner, InputsAreNeverModified) {
  TempDir t;
  write_file(t / "in" / "a.txt", "原文不变\r\n");
  write_pipeline(t);
  auto before = fs::last_write_time(t / "in" / "a.txt");
  EXPECT_EQ(run(std::string(DOCPIPE_BIN) + " run " + (t / "p.yaml").string() + " --out " +
                (t / "out").string()),
            0);
  EXPECT_EQ(read_file(t / "in" / "a.txt"), "原文不变\r\n");
  EXPECT_EQ(fs::last_write_time(t / "in" / "a.txt"), before);
}

TEST(Runner, WordLockFilesAreSkippedNotFailed) {
  TempDir t;
  write_file(t / "in" / "a.txt", "正文\n");
  write_file(t / "in" / "~$report.docx", "\x01\x02lock");
  write_pipeline(t);
  EXPECT_EQ(run(std::string(DOCPIPE_BIN) + " run " + (t / "p.yaml").string() + " --out " +
                (t / "out").string()),
            0);
  auto report = nlohmann::json::parse(read_file(t / "out" / "run-report.json"));
  EXPECT_EQ(report["counts"]["ok"], 1);
  EXPECT_EQ(report["counts"].value("failed", 0), 0);
}

TEST(Runner, OutputTemplatesExpand) {
  docpipe::host::InputItem item{"/data/in/2022/report.final.txt", "2022"};
  EXPECT_EQ(docpipe::host::expand_output_path("{out}/{reldir}/{stem}.{ext}.json", "/o", item),
            fs::path("/o/2022/report.final.txt.json"));
  EXPECT_EQ(docpipe::host::expand_output_path("{out}/{name}", "/o", {"/x/a.txt", ""}),
            fs::path("/o/a.txt"));
}

// The XLSX shows input paths relative to this folder (RunInfo::input_root).
TEST(Runner, InputRootIsTheFolderHoldingEveryInputGiven) {
  using docpipe::host::common_directory;
  using docpipe::host::input_root;
  TempDir t;
  write_file(t / "in" / "2020" / "a.txt", "x");
  write_file(t / "in" / "2021" / "b.txt", "x");
  const auto in = (t / "in").string();
  EXPECT_EQ(input_root({in}), in);
  EXPECT_EQ(input_root({in + "/"}), in);
  EXPECT_EQ(input_root({in + "/2020", in + "/2021"}), in);
  EXPECT_EQ(input_root({(t / "in" / "2020" / "a.txt").string()}), in + "/2020");
  EXPECT_EQ(input_root({in + "/*/*.txt"}), in);
  EXPECT_EQ(input_root({"a.txt"}), ".");
  EXPECT_EQ(common_directory({"../x/in", "../x/out/2020"}), "../x");
  EXPECT_EQ(common_directory({"in", "out"}), ".");
  EXPECT_EQ(common_directory({"/data/in", "in"}), "");  // absolute and relative share nothing
  EXPECT_EQ(common_directory({"/data/in", "/srv/in"}), "/");
}

// The two executors (worker processes, threads) hand their results to one
// recorder: the same inputs give the same report and the same outputs.
TEST(Runner, ProcessAndThreadExecutorsRecordTheSameRun) {
  TempDir t;
  write_file(t / "in" / "a.txt", "第一段\n第二段\n");
  write_file(t / "in" / "b.txt", "这里有 BOOM\n");
  write_file(t / "in" / "~$lock.docx", "\x01\x02lock");
  write_file(t / "in" / "sub" / "c.txt", "第三个文件\n");
  write_pipeline(t);
  std::map<std::string, nlohmann::json> reports;
  for (const std::string isolation : {"process", "thread"}) {
    EXPECT_EQ(run(std::string(DOCPIPE_BIN) + " run " + (t / "p.yaml").string() + " --out " +
                  (t / isolation).string() + " --jobs 2 --isolation " + isolation),
              1);
    auto report = nlohmann::json::parse(read_file(t / isolation / "run-report.json"));
    for (auto& d : report["documents"]) {
      d.erase("seconds");
      d.erase("quarantine");
      for (auto& o : d["outputs"])
        o = fs::path(o.get<std::string>()).lexically_relative(t / isolation).string();
    }
    reports[isolation] = report["documents"];
    EXPECT_EQ(report["counts"], (nlohmann::json{{"ok", 2}, {"failed", 1}}));
  }
  EXPECT_EQ(reports["process"], reports["thread"]);
  for (const char* json : {"json/a.json", "json/sub/c.json"})
    EXPECT_EQ(read_file(t / "process" / json), read_file(t / "thread" / json)) << json;
}
