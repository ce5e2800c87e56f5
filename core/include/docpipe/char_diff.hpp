// A character diff of two texts (longest common subsequence), merged into
// runs: what `docpipe explain` marks in a paragraph and where the review
// pages place an edit's highlights. An edit records a block's text before
// and after, not offsets; this says which characters inside it changed.
// Header-only, so it adds nothing to the plugin ABI.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace docpipe::text {

// One run of a diff: kept (0), removed (-1) or added (+1) text.
struct DiffPiece {
  int op = 0;
  std::u32string text;
};

// Pairs whose changed middles multiply to more than this are not searched
// for common characters: the middle counts as removed and added whole
// (the table would need this many cells).
inline constexpr std::size_t kMaxDiffCells = 4'000'000;

// The common start and end are kept as they are; the middle between them is
// diffed character by character. A removal reads before the addition that
// replaced it.
inline std::vector<DiffPiece> diff_chars(const std::u32string& a, const std::u32string& b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  std::vector<DiffPiece> out;
  auto push = [&](int op, char32_t c) {
    if (out.empty() || out.back().op != op) out.push_back({op, {}});
    out.back().text += c;
  };
  for (std::size_t i = 0; i < pre; ++i) push(0, a[i]);
  const std::u32string x = a.substr(pre, a.size() - pre - suf);
  const std::u32string y = b.substr(pre, b.size() - pre - suf);
  if (x.size() * y.size() > kMaxDiffCells) {
    for (char32_t c : x) push(-1, c);
    for (char32_t c : y) push(1, c);
  } else {
    // lcs(i, j): common subsequence length of x[i..] and y[j..], in one
    // flat table (one allocation, not one per row).
    const std::size_t w = y.size() + 1;
    std::vector<std::uint32_t> table((x.size() + 1) * w, 0);
    auto lcs = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return table[i * w + j]; };
    for (std::size_t i = x.size(); i-- > 0;)
      for (std::size_t j = y.size(); j-- > 0;)
        lcs(i, j) = x[i] == y[j] ? lcs(i + 1, j + 1) + 1 : std::max(lcs(i + 1, j), lcs(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < x.size() || j < y.size()) {
      if (i < x.size() && j < y.size() && x[i] == y[j]) {
        push(0, x[i]);
        ++i, ++j;
      } else if (i < x.size() && (j == y.size() || lcs(i + 1, j) >= lcs(i, j + 1))) {
        push(-1, x[i++]);
      } else {
        push(1, y[j++]);
      }
    }
  }
  for (std::size_t i = a.size() - suf; i < a.size(); ++i) push(0, a[i]);
  return out;
}

// Shortens the kept runs of a diff for showing it: the first keeps its last
// `context` characters, the last its first, one between two changes its
// ends when longer than twice `context`; "…" marks what was left out.
inline void shorten_kept(std::vector<DiffPiece>& pieces, std::size_t context) {
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    auto& t = pieces[k].text;
    if (pieces[k].op != 0) continue;
    const bool first = k == 0, last = k + 1 == pieces.size();
    if (first && t.size() > context) t = U"…" + t.substr(t.size() - context);
    if (last && t.size() > context) t = t.substr(0, context) + U"…";
    if (!first && !last && t.size() > 2 * context)
      t = t.substr(0, context) + U"…" + t.substr(t.size() - context);
  }
}

}  // namespace docpipe::text
