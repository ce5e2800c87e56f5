#include "html_charset.hpp"

#include <cctype>
#include <docpipe/text.hpp>

namespace docpipe::readers {
namespace {

bool text_is_non_ascii_utf8(std::string_view b) {
  bool non_ascii = false;
  for (unsigned char c : b)
    if (c >= 0x80) {
      non_ascii = true;
      break;
    }
  return non_ascii && text::is_valid_utf8(b);
}

}  // namespace

std::string declared_html_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, 64 * 1024));
  for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    std::size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + pos, end - pos);
    pos = end;
    // Covers charset="gbk", charset=gbk and content="text/html; charset=gb2312".
    std::size_t c = tag.find("charset");
    if (c == std::string_view::npos) continue;
    c += 7;
    while (c < tag.size() && (tag[c] == ' ' || tag[c] == '=' || tag[c] == '"' || tag[c] == '\''))
      ++c;
    std::size_t e = c;
    while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' ||
                              tag[e] == '_' || tag[e] == ':' || tag[e] == '.'))
      ++e;
    if (e > c) return std::string(tag.substr(c, e - c));
  }
  return "";
}

kit::EncodingGuess detect_html_encoding(std::string_view bytes) {
  kit::EncodingGuess g;
  if (kit::detect_bom(bytes, g)) return g;
  std::string label = declared_html_charset(bytes);
  std::string enc = kit::canonical_charset(label);
  if (!enc.empty() && enc != "UTF-16LE" && enc != "UTF-16BE" && enc != "UTF-16") {
    // Pages often declare one encoding and are saved in another (a crawler
    // re-encoding to UTF-8 but leaving the meta tag). Valid UTF-8 that is not
    // pure ASCII wins over a declared legacy charset.
    if (enc != "UTF-8" && text_is_non_ascii_utf8(bytes))
      return {"UTF-8", 0.95, 0, "utf8-over-declared"};
    return {enc, 1.0, 0, "declared:" + label};
  }
  return kit::detect_encoding(bytes);
}

}  // namespace docpipe::readers
