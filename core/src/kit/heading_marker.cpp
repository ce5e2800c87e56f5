#include "docpipe/kit/heading_marker.hpp"

#include <docpipe/text.hpp>

#include "docpipe/kit/cn_numerals.hpp"

namespace docpipe::kit {

namespace {

constexpr std::size_t kMaxDigits = 3;  // 一百二十、 is not a heading anyone writes

bool is_open_paren(char32_t c) { return c == U'(' || c == U'（'; }
bool is_close_paren(char32_t c) { return c == U')' || c == U'）'; }

// Counts the run of characters at `i` satisfying pred.
template <class Pred>
std::size_t run(const std::u32string& s, std::size_t i, Pred pred) {
  std::size_t n = 0;
  while (i + n < s.size() && pred(s[i + n])) ++n;
  return n;
}

std::size_t utf8_offset(const std::u32string& s, std::size_t cps) {
  return text::to_utf8(std::u32string_view(s).substr(0, cps)).size();
}

}  // namespace

std::optional<HeadingMarker> match_heading_marker(std::string_view line) {
  std::u32string s = text::to_u32(line);
  std::size_t i = run(s, 0, text::is_space);
  bool paren = i < s.size() && is_open_paren(s[i]);
  std::size_t start = i + (paren ? 1 : 0);
  std::size_t ncn = run(s, start, [](char32_t c) { return cn_digit(c) >= 0 || c == U'十'; });
  std::size_t nar = run(s, start, [](char32_t c) { return arabic_digit(c) >= 0; });
  bool chinese = ncn > 0;
  std::size_t n = chinese ? ncn : nar;
  if (n == 0 || n > (chinese ? kMaxDigits : 2)) return std::nullopt;
  std::size_t after = start + n;
  if (after >= s.size()) return std::nullopt;
  char32_t close = s[after];
  HeadingMarker m;
  std::u32string_view num(s.data() + start, n);
  if (chinese) {
    if (num.find(U'两') != std::u32string_view::npos ||
        num.find(U'〇') != std::u32string_view::npos)
      return std::nullopt;
    m.ordinal = static_cast<int>(parse_cn_integer(num).value_or(0));
  } else {
    for (char32_t c : num) m.ordinal = m.ordinal * 10 + arabic_digit(c);
  }
  if (m.ordinal <= 0) return std::nullopt;
  std::size_t marker_end;
  if (paren) {
    if (!is_close_paren(close)) return std::nullopt;
    marker_end = after + 1;
    if (marker_end < s.size() && s[marker_end] == U'、') ++marker_end;  // (一)、 also occurs
    m.level = chinese ? 2 : 4;
  } else if (chinese) {
    if (close != U'、') return std::nullopt;
    marker_end = after + 1;
    m.level = 1;
  } else {
    bool dot = close == U'.' || close == U'．';
    if (close != U'、' && !dot) return std::nullopt;
    // 1.5万 is a decimal: a dot followed by a digit is not a marker.
    if (dot && after + 1 < s.size() && arabic_digit(s[after + 1]) >= 0) return std::nullopt;
    marker_end = after + 1;
    m.level = 3;
  }
  m.marker = text::to_utf8(std::u32string_view(s).substr(i, marker_end - i));
  std::size_t text_start = marker_end + run(s, marker_end, text::is_space);
  if (text_start >= s.size()) return std::nullopt;  // a bare number is not a heading
  m.end = utf8_offset(s, text_start);
  return m;
}

std::string marker_for(int level, int ordinal) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto cn = [&](int n) {
    if (n < 10) return std::string(digits[n]);
    std::string out = n >= 20 ? std::string(digits[n / 10]) : std::string();
    out += "十";
    if (n % 10) out += digits[n % 10];
    return out;
  };
  switch (level) {
    case 1:
      return cn(ordinal) + "、";
    case 2:
      return "（" + cn(ordinal) + "）";
    case 3:
      return std::to_string(ordinal) + "、";
    default:
      return "（" + std::to_string(ordinal) + "）";
  }
}

std::size_t run_in_heading_end(std::string_view utf8) {
  static constexpr std::string_view kFullStop = "。";
  auto pos = utf8.find(kFullStop);
  if (pos == std::string_view::npos) return std::string_view::npos;
  std::size_t end = pos + kFullStop.size();
  if (text::trim(utf8.substr(end)).empty()) return std::string_view::npos;
  return end;
}

}  // namespace docpipe::kit
