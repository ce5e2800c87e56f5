#include "docx_text.hpp"

#include <docpipe/text.hpp>

namespace docpipe::docx {

namespace {

// Characters that stand for a digit in a written date, including redaction
// placeholders (201x年, XX月XX日) which the reports keep on purpose.
bool is_date_digit(char32_t c) {
  static const std::u32string kChineseDigits = U"〇零一二三四五六七八九十";
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') || c == U'x' || c == U'X' ||
         c == U'×' || c == U'*' || kChineseDigits.find(c) != std::u32string::npos;
}

bool looks_like_date(std::u32string_view s) {
  // YYYY年M月D日 with one or two digits for month and day.
  std::size_t i = 0;
  auto digits = [&](std::size_t min, std::size_t max) {
    std::size_t n = 0;
    while (i < s.size() && is_date_digit(s[i]) && n < max) ++i, ++n;
    return n >= min;
  };
  return digits(4, 4) && i < s.size() && s[i++] == U'年' && digits(1, 3) && i < s.size() &&
         s[i++] == U'月' && digits(1, 3) && i < s.size() && s[i++] == U'日' && i == s.size();
}

}  // namespace

std::string xml_safe(std::string_view utf8) {
  if (text::is_xml_text(utf8)) return std::string(utf8);
  std::u32string cps = text::to_u32(utf8);
  std::u32string out;
  out.reserve(cps.size());
  for (char32_t c : cps) {
    if (text::is_xml_char(c)) out.push_back(c);
  }
  return text::to_utf8(out);
}

double display_chars(std::string_view utf8) {
  double w = 0;
  for (char32_t c : text::to_u32(utf8)) w += (text::is_cjk(c) || c >= 0x2E80) ? 1.0 : 0.5;
  return w;
}

SignatureLines split_signature(std::string_view utf8) {
  std::u32string s = text::to_u32(text::trim(utf8));
  // Try every start of a 4-digit year; the first one that reads as a date
  // running to the end of the line is the signature date.
  for (std::size_t start = 0; start + 4 <= s.size(); ++start) {
    if (!is_date_digit(s[start]) || (start > 0 && is_date_digit(s[start - 1]))) continue;
    if (looks_like_date(std::u32string_view(s).substr(start)))
      return {text::trim(text::to_utf8(s.substr(0, start))), text::to_utf8(s.substr(start))};
  }
  return {text::to_utf8(s), ""};
}

std::string chinese_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return "";
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (iso[i] < '0' || iso[i] > '9') return "";
  int month = std::stoi(std::string(iso.substr(5, 2)));
  int day = std::stoi(std::string(iso.substr(8, 2)));
  return std::string(iso.substr(0, 4)) + "年" + std::to_string(month) + "月" + std::to_string(day) +
         "日";
}

}  // namespace docpipe::docx
