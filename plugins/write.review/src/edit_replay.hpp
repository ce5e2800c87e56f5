// Places a document's recorded edits in its original text. An Edit keeps the
// block's index and its text before and after, not offsets, so the edits are
// undone from the last to the first starting at the result: each one turns
// the block's text back from `after` into `before`, character by character
// (docpipe/char_diff.hpp), and the characters it removed or added are
// marked with its index. What is left at the end is the original text, every
// character labelled with the edit that removed it or added it.
#pragma once

#include <string>
#include <vector>

#include "docpipe/char_diff.hpp"
#include "docpipe/model.hpp"

namespace docpipe::review {

inline constexpr int kNoEdit = -1;

// A run of characters that share their fate.
struct Span {
  std::string text;
  int added_by = kNoEdit;    // not in the original: added by this edit
  int removed_by = kNoEdit;  // not in the result: removed by this edit
};

// One paragraph of the original text, or one that an edit added.
struct ReplayedBlock {
  std::vector<Span> spans;
  int added_by = kNoEdit;    // the whole block was added by this edit
  int removed_by = kNoEdit;  // the whole block was removed by this edit
  int result_block = -1;     // index of the block in the result, if it is there
};

struct Replay {
  std::vector<ReplayedBlock> blocks;
  // Per edit: whether its characters are marked in `blocks`. Edits of the
  // whole document (block -1) and edits whose `after` is not in the block
  // (a plugin that recorded something else than it did) are not.
  std::vector<bool> placed;
  // Per edit: the diff of its before and after when it changed a whole
  // block (computed to place it; the edit table shows it), else empty.
  std::vector<std::vector<text::DiffPiece>> diffs;
  std::size_t unplaced() const;
  // The original text as the reader produced it: blocks joined by '\n'.
  std::string original_text() const;
  // The result: what is left when every removal is taken out.
  std::string result_text() const;
};

// The text a block shows: a table's rows joined (docpipe::table_text).
std::string block_display_text(const Block& b);

Replay replay_edits(const Document& doc);

}  // namespace docpipe::review
