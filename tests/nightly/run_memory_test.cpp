// What the parent of a run holds per input must stay a small, fixed number
// of bytes (issue 17: a run over 200,000 inputs under 150 MB). Checked here
// per piece, as heap bytes in use (glibc's count: exact, whatever the
// machine's speed or load) before and after N inputs, against bounds far
// below what each piece held per input before it was made compact.
#include <gtest/gtest.h>
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "host/document_log.hpp"
#include "host/input_list.hpp"
#include "host/inputs.hpp"
#include "host/plan.hpp"

namespace fs = std::filesystem;
using namespace docpipe::host;

namespace {

long long heap_in_use() {
  const auto m = mallinfo2();
  return static_cast<long long>(m.uordblks + m.hblkhd);
}

// False under an allocator glibc does not count (AddressSanitizer's).
bool heap_is_counted() {
  const auto before = heap_in_use();
  void* volatile block = std::malloc(1 << 20);
  const bool counted = heap_in_use() >= before + (1 << 20);
  std::free(block);
  return counted;
}

std::string padded(std::size_t n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*zu", width, n);
  return buf;
}

constexpr std::size_t kInputs = 20000;

}  // namespace

TEST(RunMemory, InputListHoldsLittleMoreThanEachPathText) {
  if (!heap_is_counted()) GTEST_SKIP() << "this allocator's heap is not counted by mallinfo2";
  const auto before = heap_in_use();
  {
    InputList list;
    for (std::size_t i = 0; i < kInputs; ++i)
      list.push_back(
          {"/data/collection/batch" + padded(i / 1000, 4) + "/report_" + padded(i, 7) + ".txt",
           "batch" + padded(i / 1000, 4),
           {},
           i});
    const double per_input = double(heap_in_use() - before) / kInputs;
    // A path text is 43 bytes; an InputItem of two std::filesystem::paths
    // held about 500.
    EXPECT_LT(per_input, 128) << per_input << " bytes per input";
    EXPECT_EQ(list[12345].path, "/data/collection/batch0012/report_0012345.txt");
    EXPECT_EQ(list[12345].reldir, "batch0012");
    EXPECT_EQ(list[12345].position, 12345u);
  }
}

// The heap a scan's result holds. Its path texts go into a block of 1 MiB
// reserved at once (InputList, checked above), so two scans that fit in it
// differ by what else the result holds per input.
long long scan_heap(const fs::path& dir, std::size_t inputs) {
  for (std::size_t i = 0; i < inputs; ++i) {
    const auto sub = dir / ("batch" + padded(i / 1000, 4));
    if (i % 1000 == 0) fs::create_directories(sub);
    std::ofstream(sub / ("report_" + padded(i, 7) + ".txt")) << "x";
  }
  const auto before = heap_in_use();
  const auto scan = scan_inputs({dir.string()}, {}, {}, true);
  EXPECT_EQ(scan.items.size(), inputs);
  return heap_in_use() - before;
}

TEST(RunMemory, ScannedInputsAreHeldCompactly) {
  if (!heap_is_counted()) GTEST_SKIP() << "this allocator's heap is not counted by mallinfo2";
  const fs::path dir =
      fs::temp_directory_path() / ("docpipe-run-memory-" + std::to_string(getpid()));
  const auto few = scan_heap(dir / "few", 500), many = scan_heap(dir / "many", 2000);
  const double per_input = double(many - few) / 1500;
  // An entry is 24 bytes (48 while its vector doubles); an InputItem of two
  // std::filesystem::paths held about 500, a set of the scanned paths more.
  EXPECT_LT(per_input, 64) << per_input << " bytes per input";
  fs::remove_all(dir);
}

TEST(RunMemory, PlanOfAnInputIsAFewDozenBytes) {
  // plan_run's vector is the plan's only per-input memory: no string of an
  // input outlives its chunk.
  EXPECT_LE(sizeof(PlannedItem), 64u);
}

TEST(RunMemory, DocumentLogKeepsNoRecordOfASuccessInMemory) {
  if (!heap_is_counted()) GTEST_SKIP() << "this allocator's heap is not counted by mallinfo2";
  DocumentLog log;
  DocumentRecord r;
  r.input = "/data/collection/batch0001/report_0000001.txt";
  r.reason = "new";
  r.outputs = {"/data/out/json/batch0001/report_0000001.json",
               "/data/out/docx/batch0001/report_0000001.docx"};
  log.push_back(r);  // opens the spool file and its buffer
  const auto before = heap_in_use();
  for (std::size_t i = 0; i < kInputs; ++i) {
    r.seconds = double(i % 97) / 1000;
    r.position = i;
    log.push_back(r);
  }
  EXPECT_LT(double(heap_in_use() - before) / kInputs, 8) << "a record is about 300 bytes";
  std::size_t lines = 0;
  log.for_each_json([&](std::string_view) { ++lines; });
  EXPECT_EQ(lines, kInputs + 1);
  ASSERT_EQ(log.slowest().size(), DocumentLog::kSlowestKept);
  EXPECT_EQ(log.slowest().front().seconds, 0.096);
  EXPECT_EQ(log.slowest().front().position, 96u);  // the first of the equals
}
