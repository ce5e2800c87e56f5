#include "change_excerpt.hpp"

#include <algorithm>
#include <docpipe/text.hpp>

namespace docpipe::xlsx {

namespace {

// How far past the first difference each side may run before the two texts
// agree again, and how many characters must agree to call it agreement.
constexpr std::size_t kMaxHunk = 24;
constexpr std::size_t kResync = 4;

bool agree(const std::u32string& a, std::size_t i, const std::u32string& b, std::size_t j) {
  const std::size_t left_a = a.size() - i, left_b = b.size() - j;
  if (left_a == 0 || left_b == 0) return left_a == left_b;  // both end here
  const std::size_t n = std::min({kResync, left_a, left_b});
  // Agreement near the end only counts when both sides end together.
  if (n < kResync && left_a != left_b) return false;
  return std::equal(a.begin() + static_cast<long>(i), a.begin() + static_cast<long>(i + n),
                    b.begin() + static_cast<long>(j));
}

std::string slice(const std::u32string& s, std::size_t from, std::size_t to) {
  std::string out = from > 0 ? "…" : "";
  out += text::to_utf8(std::u32string_view(s).substr(from, to - from));
  if (to < s.size()) out += "…";
  return out;
}

}  // namespace

std::pair<std::string, std::string> change_excerpt(std::string_view before, std::string_view after,
                                                   std::size_t context) {
  if (before.empty() || after.empty()) return {std::string(before), std::string(after)};
  const std::u32string a = text::to_u32(before), b = text::to_u32(after);
  std::size_t p = 0;
  while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
  if (p == a.size() && p == b.size()) return {std::string(before), std::string(after)};

  // The first hunk: the smallest skip on each side after which they agree.
  std::size_t end_a = 0, end_b = 0;
  bool found = false;
  for (std::size_t total = 1; total <= 2 * kMaxHunk && !found; ++total)
    for (std::size_t i = 0; i <= std::min(total, kMaxHunk) && !found; ++i) {
      const std::size_t j = total - i;
      if (j > kMaxHunk || p + i > a.size() || p + j > b.size()) continue;
      if (agree(a, p + i, b, p + j)) {
        end_a = p + i;
        end_b = p + j;
        found = true;
      }
    }
  if (!found) {  // a long rewrite: everything up to the common ending
    std::size_t s = 0;
    while (s < a.size() - p && s < b.size() - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
    end_a = a.size() - s;
    end_b = b.size() - s;
  }
  const std::size_t from = p > context ? p - context : 0;
  return {slice(a, from, std::min(a.size(), end_a + context)),
          slice(b, from, std::min(b.size(), end_b + context))};
}

}  // namespace docpipe::xlsx
