// The workbook's words: sheet names, column headers, Run items, statuses and
// flag names, in Chinese by default (locale "zh") or English ("en").
#pragma once

#include <string>

namespace docpipe::xlsx {

class Labels {
 public:
  explicit Labels(bool chinese = true) : chinese_(chinese) {}
  // The label of an English word of the workbook ("Reports", "Status",
  // "failed", "truncated_end"); the word itself in English or when it has
  // no label.
  std::string operator()(const std::string& english) const;
  // A comma-separated list of flags, each named in the workbook's language.
  std::string flags(const std::string& english_list) const;
  bool chinese() const { return chinese_; }

 private:
  bool chinese_;
};

}  // namespace docpipe::xlsx
