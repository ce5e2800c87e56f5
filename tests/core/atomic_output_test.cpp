#include "host/atomic_output.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace docpipe::host;
using docpipe::testing::read_file;
using docpipe::testing::TempDir;
using docpipe::testing::write_file;
namespace fs = std::filesystem;

TEST(AtomicOutput, ReplacesTheTargetOnlyWhenComplete) {
  TempDir t;
  write_file(t / "out.json", "old");
  write_file_atomically(t / "out.json", "new content");
  EXPECT_EQ(read_file(t / "out.json"), "new content");
  int files = 0;
  for (auto& e : fs::directory_iterator(t.path())) files += e.is_regular_file();
  EXPECT_EQ(files, 1);  // no temporary left behind
}

TEST(AtomicOutput, TempFilesAreHiddenBesideTheTarget) {
  TempDir t;
  auto temp = temp_path_for(t / "sub" / "a.docx");
  EXPECT_EQ(temp.parent_path(), t / "sub");
  EXPECT_EQ(temp.filename().string().rfind(".a.docx.tmp-", 0), 0u);
  EXPECT_NE(temp, temp_path_for(t / "sub" / "a.docx"));
}

TEST(AtomicOutput, StaleTempsOfAKilledRunAreRemoved) {
  TempDir t;
  write_file(t / "json" / ".x.json.tmp-123-0", "half");
  write_file(t / "json" / "x.json", "whole");
  EXPECT_EQ(remove_stale_temps(t.path()), 1);
  EXPECT_TRUE(fs::exists(t / "json" / "x.json"));
}

TEST(AtomicOutput, CommitWithoutAFileFails) {
  TempDir t;
  EXPECT_THROW(commit_temp(t / ".missing.tmp-1-1", t / "missing"), std::exception);
  EXPECT_FALSE(fs::exists(t / "missing"));
}

TEST(AtomicOutput, WriteOutputReturnsTheSizeTheLedgerKeeps) {
  TempDir t;
  for (bool sync : {true, false}) {
    auto size = write_output(
        t / "out.txt", [](docpipe::OutputFile& out) { out.write("十二个字节"); }, sync);
    EXPECT_EQ(size, 15u);  // five characters of three bytes
    EXPECT_EQ(fs::file_size(t / "out.txt"), 15u);
  }
}
