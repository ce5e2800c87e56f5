// Reporting periods and dates as reports write them: 2022年度 (annual),
// 2020年上半年 (H1), 下半年 (H2), 第三季度 (Q3), 2021年5月份 (month), 一年来
// (annual, year unknown); dates 2020年5月29日 and 二〇二〇年五月二十九日.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/model.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace docpipe::structure {

class PeriodParser {
 public:
  PeriodParser();
  // The period a title or opening sentence names; span "unknown" and no
  // year when it names none. A bare year (2022年工作总结) means annual.
  Period parse(std::string_view text) const;
  // The first full date in text as YYYY-MM-DD, with the byte range it spans.
  struct DateHit {
    std::string iso;
    std::size_t begin = 0, end = 0;
  };
  std::optional<DateHit> find_date(std::string_view text) const;
  // Whether text names a span in words (上半年, 年度, 5月份), not just a year.
  bool names_span(std::string_view text) const { return span_.find(text).has_value(); }

 private:
  kit::Regex year_;
  kit::Regex span_;
  kit::Regex date_;
};

}  // namespace docpipe::structure
