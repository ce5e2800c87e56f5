#include "figure_context.hpp"

namespace docpipe::xlsx {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offset `chars` code points before `pos` (or 0).
std::size_t back(std::string_view s, std::size_t pos, std::size_t chars) {
  while (pos > 0 && chars > 0) {
    --pos;
    while (pos > 0 && is_continuation(s[pos])) --pos;
    --chars;
  }
  return pos;
}

// Byte offset `chars` code points after `pos` (or the end).
std::size_t forward(std::string_view s, std::size_t pos, std::size_t chars) {
  while (pos < s.size() && chars > 0) {
    ++pos;
    while (pos < s.size() && is_continuation(s[pos])) ++pos;
    --chars;
  }
  return pos;
}

}  // namespace

std::string figure_context(std::string_view sentence, std::string_view figure, std::size_t nth,
                           std::size_t context) {
  if (context == 0 || figure.empty()) return std::string(sentence);
  std::size_t at = sentence.find(figure);
  for (; at != std::string_view::npos && nth > 0; --nth)
    at = sentence.find(figure, at + figure.size());
  if (at == std::string_view::npos) return std::string(sentence);
  const std::size_t from = back(sentence, at, context);
  const std::size_t to = forward(sentence, at + figure.size(), context);
  std::string out = from > 0 ? "…" : "";
  out.append(sentence.substr(from, to - from));
  if (to < sentence.size()) out += "…";
  return out;
}

}  // namespace docpipe::xlsx
