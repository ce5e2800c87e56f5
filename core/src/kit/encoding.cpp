#include "docpipe/kit/encoding.hpp"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cerrno>
#include <docpipe/text.hpp>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace docpipe::kit {
namespace {

std::string upper_ascii(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Very frequent Chinese characters in both simplified and traditional form.
// A wrong GB18030/Big5 decoding yields valid but rare characters, so the count
// of these tells the right decoding apart even when both decode cleanly.
constexpr std::u32string_view kCommonHan =
    U"的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也"
    U"你对對生能而子那得于於着著下自之年过過发發后後作里裡工团團青展开開动動组組织織";

std::size_t common_han_hits(std::string_view utf8) {
  // A bit per BMP code point: a lookup per character instead of a scan of
  // the list (trial decodes run this over every GB18030 or Big5 input twice).
  static const std::bitset<0x10000> common = [] {
    std::bitset<0x10000> bits;
    for (char32_t c : kCommonHan) bits.set(c);
    return bits;
  }();
  std::size_t hits = 0;
  for (char32_t c : text::to_u32(utf8))
    if (c < 0x10000 && common.test(c)) ++hits;
  return hits;
}

// The share of the first 64 KiB's UTF-16 units (little- or big-endian) that
// are characters a Chinese or English text is made of: ASCII printable and
// white space, CJK ideographs and punctuation, full-width forms. An 8-bit or
// UTF-8 text read as UTF-16 gives Hangul, private-use characters, lone
// surrogates and the general-punctuation block (an ASCII space as a high
// byte) in large numbers.
double utf16_plausible_share(std::string_view b, bool little_endian) {
  const std::size_t n = std::min<std::size_t>(b.size(), 65536) & ~std::size_t{1};
  std::size_t good = 0, units = 0;
  for (std::size_t i = 0; i < n; i += 2, ++units) {
    const auto lo = static_cast<unsigned char>(b[little_endian ? i : i + 1]);
    const auto hi = static_cast<unsigned char>(b[little_endian ? i + 1 : i]);
    const char32_t u = static_cast<char32_t>(hi << 8 | lo);
    const bool ok = (u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' || u == '\t' ||
                    (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3000 && u <= 0x303F) ||
                    (u >= 0xFF00 && u <= 0xFFEF) || u == 0x2014 || u == 0x2026 ||
                    (u >= 0x2018 && u <= 0x201D) || u == 0x00B7;
    good += ok;
  }
  return units ? static_cast<double>(good) / static_cast<double>(units) : 0;
}

// UTF-16 text without a BOM: ASCII-range characters put a NUL in every other
// byte, on the odd side for LE and the even side for BE.
std::string utf16_by_nul_pattern(std::string_view b) {
  std::size_t n = std::min<std::size_t>(b.size(), 65536) & ~std::size_t{1};
  if (n < 4) return "";
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    if (b[i] == '\0') ++even;
    if (b[i + 1] == '\0') ++odd;
  }
  std::size_t pairs = n / 2;
  // Latin text in UTF-16 is NUL every other byte: a clear imbalance, or a
  // majority, says which side. A stray NUL or two in an 8-bit file is not
  // enough.
  if (odd >= 4 && odd * 10 >= pairs && even * 4 < odd) return "UTF-16LE";
  if (even >= 4 && even * 10 >= pairs && odd * 4 < even) return "UTF-16BE";
  // Chinese text in UTF-16 has few NULs, on both sides: line ends, digits
  // and ASCII punctuation on one, 一 and the other ideographs whose code
  // ends in 00 on the other (which can be the more numerous). No 8-bit
  // encoding has NUL bytes in text, so a few NULs are the evidence; reading
  // the units each way says whether it is UTF-16 and which order, and that
  // it is not an 8-bit text with stray NULs.
  if (even + odd < 2) return "";
  const double le = utf16_plausible_share(b, true), be = utf16_plausible_share(b, false);
  if (std::max(le, be) >= 0.97) return le >= be ? "UTF-16LE" : "UTF-16BE";
  return "";
}

struct UchardetDeleter {
  void operator()(uchardet* u) const { uchardet_delete(u); }
};

}  // namespace

bool detect_bom(std::string_view b, EncodingGuess& out) {
  if (b.starts_with("\xEF\xBB\xBF")) {
    out = {"UTF-8", 1.0, 3, "bom"};
    return true;
  }
  if (b.starts_with("\xFF\xFE")) {
    out = {"UTF-16LE", 1.0, 2, "bom"};
    return true;
  }
  if (b.starts_with("\xFE\xFF")) {
    out = {"UTF-16BE", 1.0, 2, "bom"};
    return true;
  }
  return false;
}

std::string canonical_charset(std::string_view label) {
  std::string u = upper_ascii(label);
  if (u == "UTF-8" || u == "UTF8") return "UTF-8";
  if (u == "GB2312" || u == "GBK" || u == "GB18030" || u == "CP936" || u == "X-GBK" ||
      u == "EUC-CN" || u == "HZ-GB-2312" || u == "WINDOWS-936" || u == "X-EUC-CN" ||
      u == "CSGB2312" || u == "GB_2312-80")
    return "GB18030";
  if (u == "BIG5" || u == "BIG-5" || u == "BIG5-HKSCS" || u == "CP950" || u == "X-X-BIG5" ||
      u == "CSBIG5")
    return "BIG5";
  if (u == "UTF-16LE" || u == "UTF-16BE" || u == "UTF-16") return u;
  if (u == "ISO-8859-1" || u == "LATIN1" || u == "US-ASCII" || u == "ASCII") return "WINDOWS-1252";
  if (u.starts_with("WINDOWS-125") || u.starts_with("ISO-8859-") || u == "SHIFT_JIS" ||
      u == "EUC-JP" || u == "EUC-KR" || u == "KOI8-R")
    return u;
  return "";
}

Decoded decode_to_utf8(std::string_view bytes, const std::string& encoding) {
  Decoded out;
  if (encoding == "UTF-8") {
    if (text::is_valid_utf8(bytes)) {  // the usual case: nothing to convert
      out.utf8.assign(bytes);
      return out;
    }
    const std::u32string decoded = text::to_u32(bytes);
    out.utf8 = text::to_utf8(decoded);
    for (char32_t c : decoded)
      if (c == 0xFFFD) ++out.invalid_bytes;
    return out;
  }
  // Big5 as written in Hong Kong and Taiwan: HKSCS is a superset of plain Big5.
  std::string iconv_name = encoding == "BIG5" ? "BIG5-HKSCS" : encoding;
  iconv_t cd = iconv_open("UTF-8", iconv_name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw std::invalid_argument("unknown encoding " + encoding);
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  // UTF-16 units are two bytes: skip a whole unit on an error.
  std::size_t unit = encoding.starts_with("UTF-16") ? 2 : 1;
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::string buf(4096, '\0');
  while (in_left > 0) {
    char* o = buf.data();
    std::size_t o_left = buf.size();
    std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out.utf8.append(buf.data(), buf.size() - o_left);
    if (r != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    // EILSEQ (invalid) or EINVAL (truncated at the end): replace and go on.
    text::append_utf8(out.utf8, 0xFFFD);
    std::size_t skip = std::min(unit, in_left);
    in += skip;
    in_left -= skip;
    out.invalid_bytes += skip;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
  }
  return out;
}

std::optional<EncodingGuess> guess_encoding_quickly(std::string_view bytes) {
  EncodingGuess g;
  if (detect_bom(bytes, g)) return g;
  std::string utf16 = utf16_by_nul_pattern(bytes);
  if (!utf16.empty()) return EncodingGuess{utf16, 0.9, 0, "utf16-pattern"};
  if (text::is_valid_utf8(bytes)) return EncodingGuess{"UTF-8", 1.0, 0, "utf8"};
  return std::nullopt;
}

EncodingGuess detect_encoding(std::string_view bytes, std::optional<Decoded>* decoded) {
  if (auto quick = guess_encoding_quickly(bytes)) return *quick;

  std::unique_ptr<uchardet, UchardetDeleter> ud(uchardet_new());
  uchardet_handle_data(ud.get(), bytes.data(), bytes.size());
  uchardet_data_end(ud.get());
  std::string detected = canonical_charset(uchardet_get_charset(ud.get()));

  // Trial-decode the Chinese candidates: fewest undecodable bytes wins, then
  // most common Han characters. uchardet's answer breaks remaining ties.
  std::string_view sample = bytes.substr(0, 256 * 1024);
  struct Trial {
    std::string enc;
    std::size_t bad;
    std::size_t hits;
    Decoded text;
  };
  std::vector<Trial> trials;
  for (std::string enc : {"GB18030", "BIG5"}) {
    Decoded d = decode_to_utf8(sample, enc);
    const std::size_t bad = d.invalid_bytes, hits = common_han_hits(d.utf8);
    trials.push_back({enc, bad, hits, std::move(d)});
  }
  auto better = [&](const Trial& a, const Trial& b) {
    // A decoding with many more undecodable bytes loses outright.
    if (a.bad * 4 + 2 < b.bad) return true;
    if (b.bad * 4 + 2 < a.bad) return false;
    if (a.hits != b.hits) return a.hits > b.hits;
    if (a.enc == detected) return true;
    return false;
  };
  Trial& best = better(trials[0], trials[1]) ? trials[0] : trials[1];
  const Trial& other = &best == &trials[0] ? trials[1] : trials[0];
  double conf = 0.6;
  if (best.hits > 0 && best.hits >= 3 * other.hits) conf = 0.9;
  if (best.enc == detected) conf = std::min(0.99, conf + 0.09);
  if (best.hits == 0 && !detected.empty() && detected != "GB18030" && detected != "BIG5")
    return {detected, 0.5, 0, "uchardet"};  // not Chinese at all (e.g. Windows-1252)
  if (decoded && sample.size() == bytes.size()) *decoded = std::move(best.text);
  return {best.enc, conf, 0, best.enc == detected ? "uchardet" : "trial-decode"};
}

std::optional<Decoded> decode_mixed_with_utf8(std::string_view bytes, const std::string& legacy,
                                              std::size_t& utf8_lines, std::size_t& legacy_lines) {
  utf8_lines = legacy_lines = 0;
  // Lines as written: '\n' is never part of a GB18030 or Big5 character.
  std::vector<std::pair<std::string_view, bool>> lines;  // line, is UTF-8
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    end = end == std::string_view::npos ? bytes.size() : end + 1;
    std::string_view line = bytes.substr(start, end - start);
    start = end;
    std::size_t high = 0;
    for (char c : line) high += static_cast<unsigned char>(c) >= 0x80;
    if (high == 0) {
      lines.emplace_back(line, true);  // ASCII reads the same either way
      continue;
    }
    // Two Chinese characters in UTF-8 are six bytes; a shorter line of
    // legacy bytes can pass for UTF-8 by chance (GBK 联通).
    bool utf8 = high >= 6 && text::is_valid_utf8(line);
    (utf8 ? utf8_lines : legacy_lines)++;
    lines.emplace_back(line, utf8);
  }
  if (utf8_lines == 0 || legacy_lines == 0) return std::nullopt;
  Decoded out;
  for (auto [line, utf8] : lines) {
    if (utf8) {
      out.utf8.append(line);
      continue;
    }
    Decoded d = decode_to_utf8(line, legacy);
    out.utf8 += d.utf8;
    out.invalid_bytes += d.invalid_bytes;
  }
  return out;
}

}  // namespace docpipe::kit
