#include "cell_text.hpp"

#include <algorithm>
#include <docpipe/text.hpp>

namespace docpipe::xlsx {

std::string cell_text(std::string_view utf8) {
  std::u32string cps = text::to_u32(utf8);
  std::u32string out;
  out.reserve(std::min(cps.size(), kMaxCellChars + 1));
  for (char32_t c : cps) {
    if (out.size() == kMaxCellChars) {
      out.push_back(U'…');
      break;
    }
    bool allowed = c == U'\t' || c == U'\n' || (c >= 0x20 && c < 0xD800) ||
                   (c >= 0xE000 && c < 0xFFFE) || (c >= 0x10000 && c <= 0x10FFFF);
    if (allowed) out.push_back(c);
  }
  return text::to_utf8(out);
}

double display_width(std::string_view utf8) {
  double widest = 0, line = 0;
  for (char32_t c : text::to_u32(utf8)) {
    if (c == U'\n') {
      widest = std::max(widest, line);
      line = 0;
      continue;
    }
    line += (text::is_cjk(c) || (c >= 0x2E80 && c <= 0xFFEF)) ? 2.0 : 1.0;
  }
  return std::max(widest, line);
}

}  // namespace docpipe::xlsx
