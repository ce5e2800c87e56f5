#include "txt_parse.hpp"

#include <algorithm>
#include <docpipe/error.hpp>
#include <docpipe/kit/encoding.hpp>
#include <docpipe/kit/file_signature.hpp>
#include <docpipe/text.hpp>
#include <optional>
#include <string>

namespace docpipe::readers {
namespace {

// Control characters other than tab, LF, CR, FF, VT never appear in text.
bool is_junk_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
         (c >= 0x7F && c < 0xA0);
}

// Characters and junk (control characters, NUL, byte sequences no legacy
// Chinese encoding has) in bytes that are not UTF-8, by the byte structure of
// GB18030, of which GBK, GB2312 and the Big5 byte ranges are subsets:
// ASCII, a lead byte 81-FE with a second byte 40-FE other than 7F, or the
// four-byte form 81-FE 30-39 81-FE 30-39. Sniffing needs no decoding.
void count_gb_junk(std::string_view b, std::size_t& chars, std::size_t& junk) {
  auto in = [&](std::size_t i, unsigned lo, unsigned hi) {
    return i < b.size() && static_cast<unsigned char>(b[i]) >= lo &&
           static_cast<unsigned char>(b[i]) <= hi;
  };
  for (std::size_t i = 0; i < b.size(); ++chars) {
    const auto c = static_cast<unsigned char>(b[i]);
    if (c < 0x80) {
      if (c == 0 || is_junk_control(c)) ++junk;
      ++i;
    } else if (in(i, 0x81, 0xFE) && in(i + 1, 0x40, 0xFE) && b[i + 1] != 0x7F) {
      i += 2;
    } else if (in(i, 0x81, 0xFE) && in(i + 1, 0x30, 0x39) && in(i + 2, 0x81, 0xFE) &&
               in(i + 3, 0x30, 0x39)) {
      i += 4;
    } else {
      if (i + 4 <= b.size()) ++junk;  // a character cut at the end of the head is not junk
      ++i;
    }
  }
}

// NUL bytes carry nothing and derail the encoding detection and the binary
// test, unless the text is UTF-16 (half the bytes of Latin text in UTF-16
// are NUL). Returns the bytes without them, or nothing when there are none
// to drop, when the text looks like UTF-16, or when NULs are half the bytes
// or more (binary, not text with a few NULs).
std::optional<std::string> without_nul_bytes(std::string_view bytes) {
  std::size_t nul = std::count(bytes.begin(), bytes.end(), '\0');
  if (nul == 0 || nul * 2 >= bytes.size()) return std::nullopt;
  auto quick = kit::guess_encoding_quickly(bytes.substr(0, 64 * 1024));
  if (quick && quick->name.starts_with("UTF-16")) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() - nul);
  for (char c : bytes)
    if (c != '\0') out += c;
  return out;
}

}  // namespace

int sniff_text(const std::filesystem::path& path, std::string_view head) {
  auto ext = path.extension().string();
  bool text_ext = ext == ".txt" || ext == ".text" || ext == ".TXT";
  if (head.empty()) return text_ext ? 50 : 0;
  if (!kit::binary_signature(head).empty()) return 0;
  // Whether it is text at all shows in the first few KiB, and needs no exact
  // encoding; every input is sniffed by every reader, so this runs for HTML
  // and DOCX files too.
  if (head.size() > 8192) {
    // Cut where the text goes on: not inside a UTF-8 character, or the head
    // is no longer valid UTF-8 and is judged as GB bytes (a long line of
    // pinyin-glossed text was refused as "not text").
    head = head.substr(0, text::char_start_at_or_before(head, 8192));
  }
  auto cleaned = without_nul_bytes(head);
  if (cleaned) head = *cleaned;
  std::size_t junk = 0, chars = 0;
  if (auto g = kit::guess_encoding_quickly(head)) {
    // A truncated multi-byte character at the end of the head is not an error.
    kit::Decoded d = kit::decode_to_utf8(head, g->name);
    for (char32_t c : text::to_u32(d.utf8)) {
      ++chars;
      if (is_junk_control(c) || c == 0xFFFD || c == 0) ++junk;
    }
  } else {
    count_gb_junk(head, chars, junk);
  }
  if (chars == 0 || junk * 10 > chars) return 0;
  // Markup looks like text too; let the HTML reader win on it.
  std::string lower;
  for (char c : head.substr(0, 1024))
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("<html") != std::string::npos || lower.find("<!doctype") != std::string::npos)
    return 10;
  return text_ext ? 80 : 40;
}

Document parse_text_file(const std::filesystem::path& path, std::string_view bytes) {
  const std::string name = path.string();
  if (bytes.empty()) throw InputError(name + ": empty file");
  if (auto what = kit::binary_signature(bytes); !what.empty())
    throw InputError(name + ": not a text file: looks like " + std::string(what));

  std::size_t nul_bytes = 0;
  auto without_nul = without_nul_bytes(bytes);
  if (without_nul) {
    nul_bytes = bytes.size() - without_nul->size();
    bytes = *without_nul;
  }

  std::optional<kit::Decoded> trial;  // a legacy encoding is decoded while detecting it
  kit::EncodingGuess g = kit::detect_encoding(bytes, &trial);
  std::size_t utf8_lines = 0, legacy_lines = 0;
  std::optional<kit::Decoded> mixed;
  if (g.how != "bom" && g.how != "utf8" && !g.name.starts_with("UTF-16"))
    mixed = kit::decode_mixed_with_utf8(bytes, g.name, utf8_lines, legacy_lines);
  kit::Decoded d = mixed   ? std::move(*mixed)
                   : trial ? std::move(*trial)
                           : kit::decode_to_utf8(bytes.substr(g.bom_size), g.name);

  // Binary junk: many control characters or undecodable bytes.
  std::u32string u = text::to_u32(d.utf8);
  std::size_t junk = 0, nul = 0;
  for (char32_t c : u) {
    if (c == 0)
      ++nul;
    else if (is_junk_control(c))
      ++junk;
  }
  std::size_t bad = junk + nul + d.invalid_bytes;
  if (u.empty() && d.invalid_bytes == 0)
    throw InputError(name + ": empty file" + (g.bom_size ? " (only a byte-order mark)" : ""));
  if (u.empty() || bad * 10 > u.size() || (nul > 0 && nul * 20 > u.size()))
    throw InputError(name + ": not a text file: " + std::to_string(bad) + " of " +
                     std::to_string(u.size()) +
                     " characters are control characters, NUL or "
                     "undecodable bytes in " +
                     g.name);

  Document doc;
  doc.source.format = "txt";
  doc.source.encoding = g.name;
  doc.source.encoding_confidence = g.confidence;
  doc.source.properties["encoding_detected_by"] = g.how;
  if (g.how != "bom" && g.how != "utf8")
    doc.diagnose(Level::info, "encoding guessed as " + g.name + " (" + g.how + ", confidence " +
                                  std::to_string(g.confidence).substr(0, 4) + ")");
  if (d.invalid_bytes > 0)
    doc.diagnose(Level::warning, std::to_string(d.invalid_bytes) +
                                     " byte(s) could not be decoded as " + g.name +
                                     " and became U+FFFD");
  if (nul + nul_bytes > 0)
    doc.diagnose(Level::warning,
                 name + ": " + std::to_string(nul + nul_bytes) + " NUL character(s) dropped");
  if (mixed) {
    doc.source.properties["encoding_mixed"] = "UTF-8";
    doc.diagnose(Level::warning, name + ": the file mixes encodings: " +
                                     std::to_string(utf8_lines) + " line(s) decoded as UTF-8, " +
                                     std::to_string(legacy_lines) + " as " + g.name);
  }

  // Lines end at CRLF, CR or LF. A form feed (page break) also ends a
  // paragraph but not the line count, so line numbers match an editor's.
  std::size_t form_feeds = 0;
  int line_no = 1;
  std::u32string cur;
  auto flush = [&] {
    std::string t = text::trim(text::to_utf8(cur));
    cur.clear();
    if (t.empty()) return;
    Block b;
    b.kind = BlockKind::paragraph;
    b.text = std::move(t);
    b.origin.line_start = b.origin.line_end = line_no;
    b.origin.boundary = Boundary::hard_line;  // a wrap, or the writer's paragraph
    doc.blocks.push_back(std::move(b));
  };
  for (std::size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    if (c == '\r' || c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85) {
      if (c == '\r' && i + 1 < u.size() && u[i + 1] == '\n') ++i;
      flush();
      ++line_no;
    } else if (c == '\f') {
      ++form_feeds;
      flush();
    } else if (c == 0 || c == 0xFEFF) {
      // NUL (counted above) and stray BOMs inside the text carry nothing.
    } else {
      cur.push_back(c);
    }
  }
  flush();
  if (form_feeds > 0)
    doc.diagnose(Level::info,
                 std::to_string(form_feeds) + " form feed(s) treated as paragraph breaks");
  doc.source.properties["line_count"] =
      std::to_string(line_no - (u.empty() || u.back() == '\n' ? 1 : 0));
  if (doc.blocks.empty()) doc.diagnose(Level::warning, "file has no text, only blank lines");
  return doc;
}

}  // namespace docpipe::readers
