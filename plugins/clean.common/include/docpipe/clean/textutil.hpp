// Small text predicates and normalisations the cleaning stages share. The
// UTF-8 basics (decode, is_han, is_space...) come from docpipe/text.hpp.
#pragma once

#include <docpipe/plugin.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::clean {

// Form used to compare two lines for "same text": spaces dropped, full-width
// ASCII folded to ASCII, ASCII lower-cased.
std::u32string fold_for_compare(std::string_view utf8);

// Sentence-final punctuation (。！？；…, ASCII .!?; and closing quotes after them).
bool is_sentence_end(char32_t c);
// Punctuation that continues a sentence when a line starts with it (、，,；;：:）)).
bool is_continuing_punct(char32_t c);
bool is_ascii_digit(char32_t c);
bool is_ascii_alnum(char32_t c);
std::size_t count_han(std::u32string_view s);

// Last / first code point of a UTF-8 string, 0 when empty.
char32_t last_char(std::string_view utf8);
char32_t first_char(std::string_view utf8);

// A string array parameter; missing or null gives an empty list.
std::vector<std::string> param_strings(const Params& params, const std::string& key);

// Count of items, for diagnostics: "3 blocks".
std::string plural(std::size_t n, const std::string& what);

}  // namespace docpipe::clean
