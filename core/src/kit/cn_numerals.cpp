#include "docpipe/kit/cn_numerals.hpp"

#include <docpipe/text.hpp>

namespace docpipe::kit {

int cn_digit(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

long long cn_multiplier(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
      return 10000;
    case U'亿':
      return 100000000;
    default:
      return 0;
  }
}

bool is_cn_numeral_char(char32_t c) { return cn_digit(c) >= 0 || cn_multiplier(c) > 0; }

int arabic_digit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

std::optional<long long> parse_cn_integer(std::u32string_view s) {
  if (s.empty()) return std::nullopt;
  bool has_multiplier = false;
  for (char32_t c : s) {
    if (!is_cn_numeral_char(c)) return std::nullopt;
    if (cn_multiplier(c)) has_multiplier = true;
  }
  if (!has_multiplier) {  // digit form: 二〇二〇
    long long v = 0;
    for (char32_t c : s) v = v * 10 + cn_digit(c);
    return v;
  }
  // Counting form: 亿 closes everything before it, 万 closes the part below
  // it, 十百千 scale the digit before them (a bare 十 means 一十).
  long long yi = 0, wan = 0, section = 0, digit = -1;
  for (char32_t c : s) {
    int d = cn_digit(c);
    if (d >= 0) {
      digit = d;
      continue;
    }
    long long m = cn_multiplier(c);
    long long pending = section + (digit > 0 ? digit : 0);
    if (m == 100000000) {
      yi = (yi + wan + (pending ? pending : 1)) * m;
      wan = section = 0;
    } else if (m == 10000) {
      wan = (pending ? pending : 1) * m;
      section = 0;
    } else {
      section += (digit >= 0 ? digit : 1) * m;
    }
    digit = -1;
  }
  return yi + wan + section + (digit > 0 ? digit : 0);
}

std::optional<double> parse_arabic(std::string_view s) {
  std::u32string u = text::to_u32(s);
  if (u.empty()) return std::nullopt;
  double v = 0, scale = 0;
  bool any = false;
  for (char32_t c : u) {
    int d = arabic_digit(c);
    if (d >= 0) {
      any = true;
      if (scale > 0) {
        v += d * scale;
        scale /= 10;
      } else {
        v = v * 10 + d;
      }
    } else if ((c == U'.' || c == U'．') && scale == 0) {
      scale = 0.1;
    } else if ((c == U',' || c == U'，') && scale == 0) {
      continue;  // thousands separator
    } else {
      return std::nullopt;
    }
  }
  if (!any) return std::nullopt;
  return v;
}

std::optional<double> parse_any_number(std::string_view s) {
  if (auto a = parse_arabic(s)) return a;
  if (auto c = parse_cn_integer(text::to_u32(s))) return static_cast<double>(*c);
  return std::nullopt;
}

}  // namespace docpipe::kit
