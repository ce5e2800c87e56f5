#include "paragraph_join.hpp"

#include <algorithm>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>
#include <map>

namespace docpipe::clean {
namespace t = docpipe::text;

namespace {

bool is_clause_end(char32_t c) {
  return kit::is_sentence_end(c) || c == U'，' || c == U',' || c == U'、' || c == U'：' ||
         c == U':';
}

// Columns the same visual line may differ by: a digit or Latin letter is half
// the width of a Han character.
constexpr std::size_t kWidthSlack = 3;

}  // namespace

std::size_t display_width(const std::u32string& u) {
  std::size_t w = 0;
  for (char32_t c : u) w += t::is_cjk(c) ? 2 : 1;
  return w;
}

std::size_t wrap_width(const std::vector<Block>& blocks, const JoinLimits& limits) {
  std::map<std::size_t, int> widths;
  int broken = 0;
  for (const auto& b : blocks) {
    if (b.kind != BlockKind::paragraph) continue;
    auto u = t::to_u32(b.text);
    if (u.size() < limits.min_chars_paragraph || kit::is_sentence_end(u.back())) continue;
    ++widths[display_width(u)];
    ++broken;
  }
  std::size_t best = 0;
  int best_count = 0;
  for (const auto& [w, n] : widths) {
    (void)n;
    int near = 0;
    for (auto it = widths.lower_bound(w > kWidthSlack ? w - kWidthSlack : 0);
         it != widths.end() && it->first <= w + kWidthSlack; ++it)
      near += it->second;
    if (near > best_count) best = w, best_count = near;
  }
  // Three lines stopping at one width, and most broken lines doing so.
  return best_count >= 3 && 2 * best_count >= broken ? best : 0;
}

bool is_label_line(const std::u32string& u, const JoinLimits& limits) {
  if (u.size() > limits.max_label_line_chars) return false;
  for (std::size_t i = 0; i < u.size() && i <= 8; ++i) {
    char32_t c = u[i];
    if (c == U'：' || c == U':') return i > 0;
    if (t::is_space(c) || is_clause_end(c)) return false;
  }
  return false;
}

bool strong_break_evidence(const std::u32string& cur, const std::u32string& last_line,
                           const std::u32string& next, std::size_t wrap, const JoinLimits& limits) {
  if (cur.size() < limits.min_chars_paragraph || is_label_line(cur, limits) || next.empty())
    return false;
  if (kit::is_continuing_punct(next.front()) && next.front() != U'：' && next.front() != U':')
    return true;
  std::size_t clause = 0;
  while (clause < next.size() && !is_clause_end(next[clause])) ++clause;
  if (clause < next.size() && clause <= limits.max_fragment_chars) return true;
  return at_wrap_width(last_line, wrap);
}

bool at_wrap_width(const std::u32string& u, std::size_t wrap) {
  if (wrap == 0) return false;
  auto w = display_width(u);
  return w + kWidthSlack >= wrap && w <= wrap + kWidthSlack;
}

bool starts_with_dash(const std::u32string& u) {
  std::size_t i = 0;
  while (i < u.size() && t::is_space(u[i])) ++i;
  return i < u.size() && (u[i] == U'—' || u[i] == U'－' || u[i] == U'―');
}

bool is_spaced_layout_line(const std::u32string& u, std::size_t max_chars) {
  if (u.size() > max_chars) return false;
  for (std::size_t i = 1; i + 2 < u.size(); ++i)
    if (t::is_han(u[i - 1]) && t::is_space(u[i]) && t::is_space(u[i + 1])) {
      std::size_t j = i;
      while (j < u.size() && t::is_space(u[j])) ++j;
      if (j < u.size() && t::is_han(u[j])) return true;
    }
  return false;
}

}  // namespace docpipe::clean
