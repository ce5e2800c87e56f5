// The review's document rows, kept in an unnamed temporary file until the
// run's end instead of in memory: index-data.js lists every document of the
// run, and a run may have hundreds of thousands. Strings are stored as they
// are (length and bytes), so a file name that is not UTF-8 comes back the
// same.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace docpipe::review {

// What index-data.js shows of a document, before the status, flags and
// rules are numbered (their numbers are known at the end of the run).
struct SpooledRow {
  std::string file, title, organization, period, status, error;
  std::vector<std::string> flags, rules;  // rules as "stage · rule"
  long long edits = 0;
  double seconds = 0;  // rounded to milliseconds
};

class RowSpool {
 public:
  RowSpool() = default;
  RowSpool(const RowSpool&) = delete;
  RowSpool& operator=(const RowSpool&) = delete;
  ~RowSpool();
  // Throws docpipe::Error when the temporary file cannot be made or written.
  void add(const SpooledRow& row);
  // Every row, in the order added; call once, after the last add().
  void read_all(const std::function<void(const SpooledRow&)>& visit);

 private:
  std::FILE* file_ = nullptr;  // opened by the first row
};

}  // namespace docpipe::review
