// Numbers as Chinese reports write them: Arabic (also full-width, with
// thousands separators and decimals) and Chinese numerals, both the counting
// form (二十九, 一百零五, 两千) and the digit-by-digit form of years (二〇二〇).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace docpipe::kit {

// 零〇一二两三四五六七八九 -> 0..9, else -1.
int cn_digit(char32_t c);
// 十百千万亿 -> 10, 100, 1000, 10^4, 10^8, else 0.
long long cn_multiplier(char32_t c);
// A character of a Chinese numeral (digit or multiplier).
bool is_cn_numeral_char(char32_t c);
// ASCII or full-width digit -> 0..9, else -1.
int arabic_digit(char32_t c);

// Parses a whole Chinese numeral: "二十九" 29, "十四" 14, "一百零五" 105,
// "两千" 2000, "二〇二〇" 2020 (digit form). nullopt when not a numeral.
std::optional<long long> parse_cn_integer(std::u32string_view s);
// Parses an Arabic number with optional ',' thousands separators and '.'
// decimals, ASCII or full-width digits: "1,983" 1983, "57.2", "１２".
std::optional<double> parse_arabic(std::string_view s);
// Either form.
std::optional<double> parse_any_number(std::string_view s);

}  // namespace docpipe::kit
