// Detecting and decoding the byte encodings Chinese text files and web pages
// arrive in (UTF-8, UTF-16, GB18030/GBK/GB2312, Big5). read.txt and read.html
// both use it, so both report encodings the same way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace docpipe::kit {

struct EncodingGuess {
  std::string name;          // iconv name we decode with, e.g. "GB18030", "BIG5", "UTF-16LE"
  double confidence = 1.0;   // 1.0 for BOM / valid UTF-8, < 1.0 when guessed
  std::size_t bom_size = 0;  // bytes of byte-order mark to skip
  std::string how;           // "bom", "utf8", "uchardet", "utf16-pattern", "declared", ...
};

struct Decoded {
  std::string utf8;
  std::size_t invalid_bytes = 0;  // byte sequences replaced by U+FFFD
};

// Byte-order mark, if any (UTF-8, UTF-16LE, UTF-16BE).
bool detect_bom(std::string_view bytes, EncodingGuess& out);

// Maps a declared or detected charset label to the iconv name we decode with:
// GB2312/GBK/CP936/x-gbk -> GB18030 (a superset), Big5 variants -> BIG5 (decoded as HKSCS),
// UTF8 -> UTF-8. Returns "" for labels we do not know.
std::string canonical_charset(std::string_view label);

// BOM, then valid UTF-8, then UTF-16 without BOM by the NUL-byte pattern, then
// uchardet restricted to Chinese encodings, checked by trial decoding. When
// the trial decoding covered the whole input, `decoded` (if given) receives
// it, so the caller need not decode the bytes again.
EncodingGuess detect_encoding(std::string_view bytes, std::optional<Decoded>* decoded = nullptr);
// The cheap part of detect_encoding: BOM, UTF-16 by its NUL pattern, valid
// UTF-8. Nothing when only a full detection can tell (a legacy encoding such
// as GB18030 or Big5).
std::optional<EncodingGuess> guess_encoding_quickly(std::string_view bytes);

// Decodes with iconv; undecodable bytes become U+FFFD and are counted.
// Throws std::invalid_argument when iconv does not know the encoding.
Decoded decode_to_utf8(std::string_view bytes, const std::string& encoding);

// A file pasted together from pieces in different encodings (half GBK, half
// UTF-8): decodes line by line, a line that is valid UTF-8 with at least two
// multi-byte characters as UTF-8, any other line as `legacy`. Nothing when
// the bytes are not such a mix (no UTF-8 line, or no line that needs
// `legacy`). Counts the lines decoded each way.
std::optional<Decoded> decode_mixed_with_utf8(std::string_view bytes, const std::string& legacy,
                                              std::size_t& utf8_lines, std::size_t& legacy_lines);

}  // namespace docpipe::kit
