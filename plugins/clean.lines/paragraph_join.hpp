// When two blocks are one paragraph that the source broke in two (lines.join).
//
// How much evidence is needed depends on how the source ended the first block
// (Origin::boundary): a hard line of a text file is often a wrap, so the old
// rule holds there (a long line with no sentence end, followed by Chinese
// that is not a new item); a Word paragraph or an HTML block is the author's
// own boundary and is joined only when the break cannot be a paragraph end:
// the next block's first clause is a fragment (信息获取渠 / 道。), it starts
// with punctuation that continues a sentence, or the first block stops
// exactly at the width the document's other broken lines stop at (text pasted
// from a PDF, one paragraph a line). Label, cover, caption, list and verse
// lines are short or labelled and are never joined under a strong boundary.
#pragma once

#include <cstddef>
#include <docpipe/model.hpp>
#include <string>
#include <vector>

namespace docpipe::clean {

struct JoinLimits {
  std::size_t min_chars_paragraph = 20;   // source paragraphs: shorter ones stay apart
  std::size_t max_fragment_chars = 3;     // a next first clause this short is a fragment
  std::size_t max_label_line_chars = 40;  // "关键词：…" lines up to this long are labels
};

// Display width in half-width columns (Han and full-width forms count two).
std::size_t display_width(const std::u32string& u);

// The width most broken lines of the document stop at, 0 when there is none:
// at least three paragraph blocks that end without a sentence end share it
// (within a column and a half).
std::size_t wrap_width(const std::vector<Block>& blocks, const JoinLimits& limits);

// Whether a line of this text stops at the document's wrap width.
bool at_wrap_width(const std::u32string& u, std::size_t wrap);

// "关键词：…", "指导教师：…", "时间：…": a short label and a colon open the line.
bool is_label_line(const std::u32string& u, const JoinLimits& limits);

// "——2023年3月30日在…上", "—— 某某": a subtitle or attribution line.
bool starts_with_dash(const std::u32string& u);

// A line of at most `max_chars` characters whose words are set apart by runs
// of two or more spaces (交口县人民政府县长  李  刚): a name or cover line
// laid out by hand, not a wrapped sentence.
bool is_spaced_layout_line(const std::u32string& u, std::size_t max_chars);

// Evidence beyond the hard-line rule that the break between `cur` and `next`
// is inside a paragraph; `last_line` is the source line `cur` ends with (cur
// itself unless earlier lines were joined to it), `wrap` the document's
// wrap_width().
bool strong_break_evidence(const std::u32string& cur, const std::u32string& last_line,
                           const std::u32string& next, std::size_t wrap, const JoinLimits& limits);

}  // namespace docpipe::clean
