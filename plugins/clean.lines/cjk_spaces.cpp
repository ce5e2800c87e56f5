#include "cjk_spaces.hpp"

#include <cctype>
#include <docpipe/text.hpp>

namespace docpipe::clean {
namespace t = docpipe::text;

namespace {

bool word_char(char32_t c) { return t::is_han(c) || (c < 0x80 && std::isalnum(int(c))); }

// The run of word characters ending just before `end` / starting at `begin`.
std::size_t token_before(const std::u32string& u, std::size_t end) {
  std::size_t b = end;
  while (b > 0 && word_char(u[b - 1])) --b;
  return b;
}
std::size_t token_after(const std::u32string& u, std::size_t begin) {
  std::size_t e = begin;
  while (e < u.size() && word_char(u[e])) ++e;
  return e;
}

bool is_cn_ordinal_char(char32_t c) {
  return std::u32string_view(U"0123456789一二三四五六七八九十百零〇两").find(c) !=
         std::u32string_view::npos;
}

// 第一条, 第3章, 第十二节 ...: an article or chapter number.
bool is_article_number(std::u32string_view tok) {
  if (tok.size() < 3 || tok.front() != U'第') return false;
  if (std::u32string_view(U"条章节款篇编部").find(tok.back()) == std::u32string_view::npos)
    return false;
  for (std::size_t i = 1; i + 1 < tok.size(); ++i)
    if (!is_cn_ordinal_char(tok[i])) return false;
  return true;
}

// Items of a list: the gap's neighbours and at least one more item beyond
// them, all short and separated by spaces.
bool in_short_item_list(const std::u32string& u, std::size_t begin, std::size_t end,
                        std::size_t max_item) {
  std::size_t lb = token_before(u, begin), re = token_after(u, end);
  if (begin - lb > max_item || re - end > max_item) return false;
  auto item_beyond_left = [&] {
    std::size_t k = lb;
    if (k == 0 || !t::is_space(u[k - 1])) return false;
    while (k > 0 && t::is_space(u[k - 1])) --k;
    std::size_t b = token_before(u, k);
    return b < k && k - b <= max_item;
  };
  auto item_beyond_right = [&] {
    std::size_t k = re;
    if (k >= u.size() || !t::is_space(u[k])) return false;
    while (k < u.size() && t::is_space(u[k])) ++k;
    std::size_t e = token_after(u, k);
    return e > k && e - k <= max_item;
  };
  return item_beyond_left() || item_beyond_right();
}

}  // namespace

bool has_sentence_punct(const std::u32string& u) {
  for (char32_t c : u)
    if (c == U'，' || c == U'。' || c == U'；' || c == U'！' || c == U'？' || c == U',' ||
        c == U';')
      return true;
  return false;
}

bool keeps_cjk_space(const std::u32string& u, std::size_t begin, std::size_t end, bool prose,
                     const SpaceLimits& limits) {
  std::size_t lb = token_before(u, begin), re = token_after(u, end);
  // 工 作 总 结: one character on each side is letter-spacing.
  if (begin - lb == 1 && re - end == 1) return false;
  if (is_article_number(std::u32string_view(u).substr(lb, begin - lb))) return true;
  if (in_short_item_list(u, begin, end, limits.max_list_item_chars)) return true;
  return !prose && u.size() <= limits.max_spaced_line_chars;
}

}  // namespace docpipe::clean
