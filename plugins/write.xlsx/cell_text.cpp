#include "cell_text.hpp"

#include <algorithm>
#include <docpipe/text.hpp>

namespace docpipe::xlsx {

// True when the text can go into a cell as it is: valid UTF-8, no control
// character XML refuses, no U+FFFE/U+FFFF, short enough. Almost every cell
// is, and the check is one pass without allocating.
bool is_cell_safe(std::string_view utf8) {
  return utf8.size() <= kMaxCellChars && text::is_xml_text(utf8);
}

std::string cell_text(std::string_view utf8) {
  if (is_cell_safe(utf8)) return std::string(utf8);
  std::u32string cps = text::to_u32(utf8);
  std::u32string out;
  out.reserve(std::min(cps.size(), kMaxCellChars + 1));
  for (char32_t c : cps) {
    if (out.size() == kMaxCellChars) {
      out.push_back(U'…');
      break;
    }
    if (text::is_xml_char(c)) out.push_back(c);
  }
  return text::to_utf8(out);
}

double display_width(std::string_view utf8) {
  // Decodes in place (the text is valid UTF-8: it went through cell_text)
  // instead of converting every cell to UTF-32 first.
  double widest = 0, line = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    auto b = static_cast<unsigned char>(utf8[i]);
    char32_t c;
    std::size_t n;
    if (b < 0x80) {
      c = b;
      n = 1;
    } else if (b < 0xE0) {
      c = b & 0x1F;
      n = 2;
    } else if (b < 0xF0) {
      c = b & 0x0F;
      n = 3;
    } else {
      c = b & 0x07;
      n = 4;
    }
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += n;
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
