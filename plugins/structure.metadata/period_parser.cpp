#include "period_parser.hpp"

#include <cstdio>
#include <docpipe/kit/cn_numerals.hpp>
#include <docpipe/text.hpp>

namespace docpipe::structure {

namespace {

// Years 1949..2099 in Arabic or digit-by-digit Chinese (二〇二〇). A year in
// Arabic needs no 年 (titles write 2023XX团委…); a digit sequence longer
// than four is not a year.
constexpr const char* kYear =
    R"((?<![0-9０-９])(?<y>(?:19[4-9]|20[0-9])[0-9])(?![0-9０-９])|(?<cy>[一二][〇零一二三四五六七八九]{3})(?=年))";
// Spans, most specific first.
constexpr const char* kSpan =
    R"((?<h1>上半年|上半年度|(?<![上下全])半年度|(?<![上下全多])半年来)|(?<h2>下半年|下半年度)|第?(?<q>[一二三四1-4])季度|)"
    R"((?<!\d)(?<!月)(?<m>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?![0-9]|[一二三四五六七八九十]*日))"
    R"(|(?<annual>年度|全年|一年来|一年以来|年终|本学年|学年度))";
constexpr const char* kDate =
    R"((?<y>(?:19|20)[0-9]{2}|[一二][〇零一二三四五六七八九]{3})\s*年\s*)"
    R"((?<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*)"
    R"((?<d>[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])"
    // Word reports also close with 2019/1/2, 2019.1.2 or 2019-01-02.
    R"(|(?<![0-9])(?<yn>(?:19|20)[0-9]{2})\s*(?<sep>[./-])\s*(?<mn>[0-9]{1,2})\s*\k<sep>\s*)"
    R"((?<dn>[0-9]{1,2})(?![0-9]))";

int number_of(std::string_view s) {
  auto v = kit::parse_any_number(s);
  return v ? static_cast<int>(*v) : 0;
}

}  // namespace

PeriodParser::PeriodParser() : year_(kYear), span_(kSpan), date_(kDate) {}

Period PeriodParser::parse(std::string_view text) const {
  Period p;
  std::optional<kit::Match> y = year_.find(text);
  if (y) {
    int g = y->has(year_.group_number("y")) ? year_.group_number("y") : year_.group_number("cy");
    p.year = number_of(y->group(text, g));
  }
  std::optional<kit::Match> s = span_.find(text);
  if (s) {
    auto has = [&](const char* n) { return s->has(span_.group_number(n)); };
    if (has("h1"))
      p.span = "H1";
    else if (has("h2"))
      p.span = "H2";
    else if (has("q")) {
      p.span = std::to_string(number_of(s->group(text, span_.group_number("q"))));
      p.span.insert(p.span.begin(), 'Q');  // not "Q" + …: GCC 12 -O3 warns falsely
    } else if (has("m")) {
      p.span = "month";
      p.month = number_of(s->group(text, span_.group_number("m")));
    } else
      p.span = "annual";
  } else if (y) {
    p.span = "annual";  // 2022年工作总结 covers the year
  }
  // The label is the text read: one run when year and span touch
  // (2020年上半年, 2022年度), else the two pieces.
  if (y && s) {
    std::size_t gap_end = s->begin() >= y->end() ? s->begin() : y->end();
    std::string_view between = text.substr(y->end(), gap_end - y->end());
    if (s->begin() >= y->end() && (between.empty() || between == "年"))
      p.label = std::string(text.substr(y->begin(), s->end() - y->begin()));
    else
      p.label = std::string(y->group(text)) + " " + std::string(s->group(text));
  } else if (y) {
    p.label = std::string(y->group(text));
    if (text.substr(y->end(), 3) == "年") p.label += "年";
  } else if (s) {
    p.label = std::string(s->group(text));
  }
  return p;
}

std::optional<PeriodParser::DateHit> PeriodParser::find_date(std::string_view text) const {
  auto m = date_.find(text);
  if (!m) return std::nullopt;
  bool numeric = !m->group(text, date_.group_number("yn")).empty();
  int y = number_of(m->group(text, date_.group_number(numeric ? "yn" : "y")));
  int mo = number_of(m->group(text, date_.group_number(numeric ? "mn" : "m")));
  int d = number_of(m->group(text, date_.group_number(numeric ? "dn" : "d")));
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
  return DateHit{buf, m->begin(), m->end()};
}

}  // namespace docpipe::structure
