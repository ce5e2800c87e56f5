// UTF-8 helpers shared by plugins, so each does not re-invent them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/export.hpp"

namespace docpipe::text {

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
DOCPIPE_API std::u32string to_u32(std::string_view s);
DOCPIPE_API std::string to_utf8(std::u32string_view s);
DOCPIPE_API void append_utf8(std::string& out, char32_t cp);
DOCPIPE_API bool is_valid_utf8(std::string_view s);
DOCPIPE_API std::size_t length(std::string_view utf8);  // in code points

// Han ideographs (CJK Unified, Ext A, compatibility).
DOCPIPE_API bool is_han(char32_t c);
// Full-width CJK punctuation such as ，。；：！？、“”《》（）
DOCPIPE_API bool is_cjk_punct(char32_t c);
// Han, CJK punctuation, kana, full-width forms: text that takes no spaces.
DOCPIPE_API bool is_cjk(char32_t c);
// Characters an OOXML writer keeps: tab, newline and everything outside C0
// controls, surrogates and U+FFFE/U+FFFF (XML 1.0 cannot carry those; a bare
// CR would be normalised away). Inline: no ABI change.
inline bool is_xml_char(char32_t c) {
  return c == U'\t' || c == U'\n' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}
// True when `utf8` is valid UTF-8 made only of is_xml_char() characters: an
// XML writer can take it as it is. One pass, no allocation; almost all text
// passes, so writers check this before converting anything.
DOCPIPE_API bool is_xml_text(std::string_view utf8);
// ASCII and Unicode spaces incl. NBSP (U+00A0), ideographic space (U+3000).
DOCPIPE_API bool is_space(char32_t c);

// Byte offsets moved onto a character's first byte, for cutting UTF-8 at a
// byte count: forward past continuation bytes, or back to the lead byte of
// the character `at` falls in; at most 3 bytes (a character has at most 4),
// so bytes that are not UTF-8 (GB18030) move the offset no further.
// Inline: no ABI change.
inline bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
inline std::size_t char_start_at_or_after(std::string_view s, std::size_t at) {
  for (int k = 0; k < 3 && at < s.size() && is_continuation_byte(s[at]); ++k) ++at;
  return at;
}
inline std::size_t char_start_at_or_before(std::string_view s, std::size_t at) {
  for (int k = 0; k < 3 && at > 0 && at < s.size() && is_continuation_byte(s[at]); ++k) --at;
  return at;
}

// Trims is_space() characters at both ends.
DOCPIPE_API std::string trim(std::string_view s);
DOCPIPE_API bool starts_with(std::string_view s, std::string_view prefix);
DOCPIPE_API bool ends_with(std::string_view s, std::string_view suffix);
// Splits on '\n' (a trailing '\r' is kept).
DOCPIPE_API std::vector<std::string_view> split_lines(std::string_view s);

// Hex SHA-256 of bytes (OpenSSL).
DOCPIPE_API std::string sha256_hex(std::string_view bytes);

}  // namespace docpipe::text
