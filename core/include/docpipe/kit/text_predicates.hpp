// Small text predicates and normalisations plugins share. The UTF-8 basics
// (decode, is_han, is_space...) come from docpipe/text.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace docpipe::kit {

// Form used to compare two lines for "same text": spaces dropped, full-width
// ASCII folded to ASCII, ASCII lower-cased.
std::u32string fold_for_compare(std::string_view utf8);

// What ends a sentence. One definition, two uses:
// - is_sentence_stop: the full stops that cut running text into sentences
//   (。！？!?). ASCII '.' is not one: inside Chinese text it is a decimal
//   point (1.5万) or part of a number (1.), and ；… only close a clause.
// - is_sentence_end: what the last character of a line or block is when its
//   sentence is complete: a stop, a clause closer (；;…), ASCII '.', or a
//   closing quote after them (”’」』).
inline constexpr std::u32string_view kSentenceStops = U"。！？!?";
bool is_sentence_stop(char32_t c);
bool is_sentence_end(char32_t c);
// Punctuation that continues a sentence when a line starts with it (、，,；;：:）)).
bool is_continuing_punct(char32_t c);
bool is_ascii_digit(char32_t c);
bool is_ascii_alnum(char32_t c);
std::size_t count_han(std::u32string_view s);

// Last / first code point of a UTF-8 string, 0 when empty.
char32_t last_char(std::string_view utf8);
char32_t first_char(std::string_view utf8);

// Count of items, for diagnostics: "3 blocks".
std::string plural(std::size_t n, const std::string& what);

}  // namespace docpipe::kit
