#include "docpipe/kit/text_predicates.hpp"

#include <docpipe/text.hpp>

namespace docpipe::kit {

std::u32string fold_for_compare(std::string_view utf8) {
  std::u32string out;
  for (char32_t c : docpipe::text::to_u32(utf8)) {
    if (docpipe::text::is_space(c)) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;  // full-width ASCII forms
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    out.push_back(c);
  }
  return out;
}

bool is_sentence_stop(char32_t c) { return kSentenceStops.find(c) != std::u32string_view::npos; }

bool is_sentence_end(char32_t c) {
  if (is_sentence_stop(c)) return true;
  switch (c) {
    case U'；':
    case U'…':
    case U'.':
    case U';':
    case U'”':
    case U'’':
    case U'」':
    case U'』':
      return true;
    default:
      return false;
  }
}

bool is_continuing_punct(char32_t c) {
  switch (c) {
    case U'、':
    case U'，':
    case U',':
    case U'；':
    case U';':
    case U'：':
    case U':':
    case U'）':
    case U')':
    case U'。':
      return true;
    default:
      return false;
  }
}

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char32_t c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::size_t count_han(std::u32string_view s) {
  std::size_t n = 0;
  for (char32_t c : s) n += docpipe::text::is_han(c) ? 1 : 0;
  return n;
}

char32_t last_char(std::string_view utf8) {
  if (utf8.empty()) return 0;
  std::size_t i = utf8.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) --i;
  auto u = docpipe::text::to_u32(utf8.substr(i));
  return u.empty() ? 0 : u.front();
}

char32_t first_char(std::string_view utf8) {
  if (utf8.empty()) return 0;
  std::size_t n = 1;
  while (n < utf8.size() && (static_cast<unsigned char>(utf8[n]) & 0xC0) == 0x80) ++n;
  auto u = docpipe::text::to_u32(utf8.substr(0, n));
  return u.empty() ? 0 : u.front();
}

std::string plural(std::size_t n, const std::string& what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace docpipe::kit
