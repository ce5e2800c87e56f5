#include "docpipe/text.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

namespace docpipe::text {

namespace {
// Decodes one code point at s[i]; returns U+FFFD and consumes one byte on
// invalid input (overlong forms, surrogates, truncation). ASCII and the
// three-byte forms of Han text take the short paths: every plugin decodes
// every character of every document through here.
inline char32_t decode_one(std::string_view s, std::size_t& i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
    auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      char32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        i += 3;
        return cp;
      }
    }
    ++i;
    return 0xFFFD;
  }
  int n = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 3;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + n >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k <= n; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  static const char32_t min_for_len[] = {0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += n + 1;
  return cp;
}

// Writes the UTF-8 form of cp to out (room for 4 bytes); returns its length.
inline std::size_t encode_one(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Index of the first byte of the code point that ends just before `end`.
std::size_t previous_start(std::string_view s, std::size_t end) {
  std::size_t i = end - 1;
  while (i > 0 && end - i < 4 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}
}  // namespace

std::u32string to_u32(std::string_view s) {
  // Decoded into scratch room of one slot per byte (never too few: each byte
  // yields at most one code point), left uninitialised, then copied once at
  // its real size: a string of that room would be zeroed first, three times
  // the size the result needs for Chinese text.
  // The room is kept per thread for paragraph-sized text; a huge text gets
  // room of its own, not kept, so one large file does not pin its size.
  constexpr std::size_t kKeptRoom = 1 << 20;
  thread_local std::unique_ptr<char32_t[]> kept;
  thread_local std::size_t kept_size = 0;
  std::unique_ptr<char32_t[]> own;
  char32_t* room;
  if (s.size() <= kKeptRoom) {
    if (kept_size < s.size()) {
      kept_size = std::min(kKeptRoom, std::max(s.size(), 2 * kept_size));
      kept.reset(new char32_t[kept_size]);
    }
    room = kept.get();
  } else {
    own.reset(new char32_t[s.size()]);
    room = own.get();
  }
  char32_t* o = room;
  for (std::size_t i = 0; i < s.size();) *o++ = decode_one(s, i);
  return std::u32string(room, static_cast<std::size_t>(o - room));
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  char buf[4];
  out.append(buf, encode_one(cp, buf));
}

std::string to_utf8(std::u32string_view s) {
  // Encoded in place into room for the longest form, then cut to size:
  // appending per character costs a capacity check and a call each.
  std::string out(s.size() * 4, '\0');
  char* p = out.data();
  for (char32_t cp : s) p += encode_one(cp, p);
  out.resize(static_cast<std::size_t>(p - out.data()));
  return out;
}

bool is_valid_utf8(std::string_view s) {
  // Writers check every string before writing it, so this runs over every
  // byte of every output: runs of ASCII are skipped eight bytes at a time,
  // and multi-byte forms (three-byte Chinese first) are checked in place (no
  // overlong forms, no surrogates, nothing above U+10FFFF), not decoded.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  auto cont = [&](std::size_t k) { return (p[k] & 0xC0) == 0x80; };
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      std::uint64_t x;
      if (i + 8 <= n && (std::memcpy(&x, p + i, 8), (x & 0x8080808080808080ULL) == 0))
        i += 8;
      else
        ++i;
    } else if ((b & 0xF0) == 0xE0) {
      if (i + 2 >= n || !cont(i + 1) || !cont(i + 2)) return false;
      if ((b == 0xE0 && p[i + 1] < 0xA0) || (b == 0xED && p[i + 1] >= 0xA0))
        return false;  // overlong, or a surrogate
      i += 3;
    } else if (b >= 0xC2 && b <= 0xDF) {
      if (i + 1 >= n || !cont(i + 1)) return false;
      i += 2;
    } else if (b >= 0xF0 && b <= 0xF4) {
      if (i + 3 >= n || !cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return false;
      if ((b == 0xF0 && p[i + 1] < 0x90) || (b == 0xF4 && p[i + 1] >= 0x90))
        return false;  // overlong, or above U+10FFFF
      i += 4;
    } else {
      return false;  // a continuation byte alone, C0/C1 (overlong), F5-FF
    }
  }
  return true;
}

bool is_xml_text(std::string_view s) {
  // Outside valid UTF-8, is_xml_char() refuses only C0 controls (bytes below
  // 0x20) and U+FFFE/U+FFFF (EF BF BE, EF BF BF); surrogates are not valid
  // UTF-8 at all.
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 && b != '\t' && b != '\n') return false;
    if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE)
      return false;
  }
  return is_valid_utf8(s);
}

std::size_t length(std::string_view s) {
  // Code points are the bytes that are not continuation bytes (10xxxxxx),
  // counted eight at a time: a continuation byte has its top bit set and the
  // next one clear.
  std::size_t continuation = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    // 1 in the low bit of each continuation byte, then summed by a multiply
    // (no popcount instruction is assumed).
    const std::uint64_t marks = (x & ~(x << 1) & 0x8080808080808080ULL) >> 7;
    continuation += static_cast<std::size_t>((marks * 0x0101010101010101ULL) >> 56);
  }
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++continuation;
  return s.size() - continuation;
}

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

bool is_cjk_punct(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F && c != 0x3000) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0x2026 || c == 0x2014 || c == 0x00B7;
}

bool is_cjk(char32_t c) {
  return is_han(c) || is_cjk_punct(c) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0xFF00 && c <= 0xFFEF && c != 0xFF10);
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

std::string trim(std::string_view s) {
  // Scans the UTF-8 from both ends instead of decoding the whole string.
  std::size_t b = 0, e = s.size();
  while (b < e) {
    std::size_t next = b;
    if (!is_space(decode_one(s, next))) break;
    b = next;
  }
  while (e > b) {
    std::size_t start = previous_start(s, e), at = start;
    char32_t c = decode_one(s, at);
    if (at != e || !is_space(c)) break;
    e = start;
  }
  return std::string(s.substr(b, e - b));
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view x) {
  return s.size() >= x.size() && s.substr(s.size() - x.size()) == x;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

}  // namespace docpipe::text
