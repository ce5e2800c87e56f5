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

namespace detail {

// Lengths of the longest common subsequences of the suffixes of two texts,
// lcs(i, j) for x[i..] and y[j..], kept as bit vectors (Hyyrö's bit-parallel
// LCS, "Bit-parallel LCS-length computation revisited", 2004): one vector
// over the shorter text per character of the longer, 64 cells a word. The
// same numbers as the full table of counts, in a 64th of the work and of the
// memory.
class SuffixLcs {
 public:
  SuffixLcs(const std::u32string& x, const std::u32string& y)
      : swapped_(y.size() > x.size()),
        rows_text_(swapped_ ? y : x),
        bits_text_(swapped_ ? x : y),
        words_((bits_text_.size() + 63) / 64) {
    // The texts reversed, so that a suffix is a prefix: bit k stands for
    // bits_text_[size - 1 - k], row r for the last r characters of rows_text_.
    const std::size_t nb = bits_text_.size(), nr = rows_text_.size();
    // Where each character of bits_text_ stands: one vector of words per
    // distinct character, all in one block, found through a small
    // open-addressing table (a lookup per character of both texts).
    std::size_t slots = 16;
    while (slots < 2 * nb) slots *= 2;
    constexpr char32_t kEmpty = 0xFFFFFFFF;
    std::vector<char32_t> keys(slots, kEmpty);
    std::vector<std::uint32_t> index(slots, 0);
    std::size_t distinct = 0;
    auto slot = [&](char32_t c) {
      std::size_t h = (static_cast<std::size_t>(c) * 0x9E3779B97F4A7C15ull) >> 20;
      for (h &= slots - 1; keys[h] != kEmpty && keys[h] != c; h = (h + 1) & (slots - 1)) {
      }
      return h;
    };
    std::vector<std::uint32_t> index_of_bit(nb);
    for (std::size_t k = 0; k < nb; ++k) {
      const char32_t c = bits_text_[nb - 1 - k];
      const auto h = slot(c);
      if (keys[h] == kEmpty) keys[h] = c, index[h] = static_cast<std::uint32_t>(distinct++);
      index_of_bit[k] = index[h];
    }
    std::vector<std::uint64_t> masks(distinct * words_, 0);
    for (std::size_t k = 0; k < nb; ++k)
      masks[index_of_bit[k] * words_ + k / 64] |= std::uint64_t{1} << (k % 64);
    auto find = [&](char32_t c) -> const std::uint64_t* {
      const auto h = slot(c);
      return keys[h] == kEmpty ? nullptr : &masks[index[h] * words_];
    };
    rows_.assign((nr + 1) * words_, ~std::uint64_t{0});
    for (std::size_t r = 1; r <= nr; ++r) {
      const std::uint64_t* prev = &rows_[(r - 1) * words_];
      std::uint64_t* cur = &rows_[r * words_];
      const std::uint64_t* m = find(rows_text_[nr - r]);
      if (!m) {
        std::copy(prev, prev + words_, cur);
        continue;
      }
      std::uint64_t carry = 0;
      for (std::size_t w = 0; w < words_; ++w) {
        const std::uint64_t v = prev[w], u = v & m[w];
        const std::uint64_t sum = v + u;
        const std::uint64_t total = sum + carry;
        carry = (sum < v) | (total < sum);
        cur[w] = total | (v & ~m[w]);
      }
    }
  }

  // lcs(i, j) of x[i..] and y[j..].
  std::size_t operator()(std::size_t i, std::size_t j) const {
    const std::size_t rows_suffix = swapped_ ? j : i, bits_suffix = swapped_ ? i : j;
    const std::size_t r = rows_text_.size() - rows_suffix, k = bits_text_.size() - bits_suffix;
    const std::uint64_t* row = &rows_[r * words_];
    std::size_t ones = 0;
    for (std::size_t w = 0; w < k / 64; ++w)
      ones += static_cast<std::size_t>(__builtin_popcountll(row[w]));
    if (k % 64)
      ones += static_cast<std::size_t>(
          __builtin_popcountll(row[k / 64] & ((std::uint64_t{1} << (k % 64)) - 1)));
    return k - ones;  // a 0 bit is a step of the common length
  }

 private:
  bool swapped_;
  const std::u32string& rows_text_;
  const std::u32string& bits_text_;
  std::size_t words_;
  std::vector<std::uint64_t> rows_;
};

}  // namespace detail

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
  if (x.empty() || y.empty() || x.size() * y.size() > kMaxDiffCells) {
    for (char32_t c : x) push(-1, c);
    for (char32_t c : y) push(1, c);
  } else {
    const detail::SuffixLcs lcs(x, y);
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
