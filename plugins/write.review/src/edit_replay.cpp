#include "edit_replay.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <list>

#include "docpipe/char_diff.hpp"
#include "docpipe/text.hpp"

namespace docpipe::review {

namespace {

struct Char {
  char32_t c;
  int added_by = kNoEdit;
  int removed_by = kNoEdit;
  // Undoing the edits from the last, a character is present in the state
  // being undone exactly when no edit processed so far added it.
  bool present() const { return added_by == kNoEdit; }
};

struct WorkBlock {
  std::vector<Char> chars;
  int added_by = kNoEdit;
  int removed_by = kNoEdit;
  int result_block = -1;
  std::u32string present_text() const {
    std::u32string s;
    for (const auto& ch : chars)
      if (ch.present()) s += ch.c;
    return s;
  }
};

using Blocks = std::list<WorkBlock>;

// Which edit removed or added a character of a change: `op` < 0 for a
// character of the text before (at that index), > 0 for one of the text after.
using Blame = std::function<int(int op, std::size_t index)>;

// Undoes one change inside a block: its present text is `after`; the diff
// against `before` says which present characters were added and which
// removed ones go back between them.
void undo_change(WorkBlock& b, const std::vector<text::DiffPiece>& pieces, const Blame& blame) {
  std::vector<Char> out;
  out.reserve(b.chars.size() + 16);
  std::size_t k = 0, in_before = 0, in_after = 0;
  // Copies characters the state no longer has up to the next present one.
  auto skip_absent = [&] {
    while (k < b.chars.size() && !b.chars[k].present()) out.push_back(b.chars[k++]);
  };
  for (const auto& piece : pieces) {
    if (piece.op < 0) {
      for (char32_t c : piece.text) out.push_back(Char{c, kNoEdit, blame(-1, in_before++)});
      continue;
    }
    for (std::size_t n = 0; n < piece.text.size(); ++n) {
      skip_absent();
      Char ch = b.chars[k++];
      if (piece.op > 0) ch.added_by = blame(1, in_after);
      out.push_back(ch);
      ++in_after;
      if (piece.op == 0) ++in_before;
    }
  }
  while (k < b.chars.size()) out.push_back(b.chars[k++]);
  b.chars = std::move(out);
}

// Undoes one edit's change; returns the diff, which the page shows again.
std::vector<text::DiffPiece> undo_change(WorkBlock& b, const std::u32string& before,
                                         const std::u32string& after, int edit) {
  auto pieces = text::diff_chars(before, after);
  undo_change(b, pieces, [edit](int, std::size_t) { return edit; });
  return pieces;
}

// A stage that changes many places of a block at once may record each with
// a little context (clean.despin: "健全完美团的" -> "健全完善团的"), taken from
// the text before and the text after all its changes, so the windows of
// neighbouring changes overlap and none of them is the block's text at any
// moment. Such a run of edits is undone together: each window is found in
// the block in order, the text before is rebuilt window by window (an
// overlap is as long on both sides, the text between two changes being the
// same), and each changed character is blamed on the window it lies in.
struct Window {
  int edit;
  std::size_t at_after, at_before;  // where the window starts in after / before
  std::u32string before, after;
};

bool undo_windows(WorkBlock& b, const std::vector<const Edit*>& edits, int first) {
  const std::u32string now = b.present_text();
  std::vector<Window> w;
  std::u32string before;
  std::size_t cursor = 0, from = 0;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    Window x{first + static_cast<int>(i), 0, 0, text::to_u32(edits[i]->before),
             text::to_u32(edits[i]->after)};
    const auto at = now.find(x.after, from);
    if (at == std::u32string::npos) return false;
    x.at_after = at;
    from = at + 1;
    if (at >= cursor) {
      before += now.substr(cursor, at - cursor);
      x.at_before = before.size();
      before += x.before;
    } else {
      const std::size_t overlap = cursor - at;
      if (overlap > x.before.size() || before.size() < overlap ||
          before.compare(before.size() - overlap, overlap, x.before, 0, overlap) != 0)
        return false;
      x.at_before = before.size() - overlap;
      before += x.before.substr(overlap);
    }
    cursor = std::max(cursor, at + x.after.size());
    w.push_back(std::move(x));
  }
  before += now.substr(std::min(cursor, now.size()));
  // The window whose middle is nearest: changes sit in the middle of theirs.
  auto blame = [&](int op, std::size_t index) {
    int best = w.front().edit;
    double best_d = -1;
    for (const auto& x : w) {
      const double start = static_cast<double>(op < 0 ? x.at_before : x.at_after);
      const double len = static_cast<double>(op < 0 ? x.before.size() : x.after.size());
      const double d = std::abs(static_cast<double>(index) + 0.5 - (start + len / 2));
      if (best_d < 0 || d < best_d) best_d = d, best = x.edit;
    }
    return best;
  };
  undo_change(b, text::diff_chars(before, now), blame);
  return true;
}

// `diff` receives the edit's own diff when it was a change of a whole block.
bool undo_edit(const Edit& e, int index, Blocks& all, std::vector<Blocks::iterator>& present,
               std::vector<text::DiffPiece>& diff) {
  if (e.block < 0 || e.block > static_cast<int>(present.size())) return false;
  const auto at = static_cast<std::size_t>(e.block);
  const std::u32string before = text::to_u32(e.before), after = text::to_u32(e.after);
  if (after.empty() && before.empty()) return true;
  // A block removed whole (or emptied, when the block is still there empty).
  if (after.empty()) {
    if (at < present.size() && present[at]->present_text().empty() && !present[at]->chars.empty()) {
      undo_change(*present[at], before, after, index);
      return true;
    }
    WorkBlock gone;
    gone.removed_by = index;
    for (char32_t c : before) gone.chars.push_back(Char{c, kNoEdit, index});
    auto pos = at < present.size() ? present[at] : all.end();
    present.insert(present.begin() + static_cast<std::ptrdiff_t>(at), all.insert(pos, gone));
    return true;
  }
  if (at >= present.size()) return false;
  WorkBlock& b = *present[at];
  const std::u32string now = b.present_text();
  // A block added whole: it leaves the state, its characters stay on the page.
  if (before.empty() && now == after) {
    for (auto& ch : b.chars)
      if (ch.present()) ch.added_by = index;
    b.added_by = index;
    present.erase(present.begin() + static_cast<std::ptrdiff_t>(at));
    return true;
  }
  if (now == after) {
    diff = undo_change(b, before, after, index);
    return true;
  }
  // A change recorded for a part of the block (a word, a table cell).
  const auto pos = now.find(after);
  if (pos == std::u32string::npos) return false;
  std::u32string whole_before = now;
  whole_before.replace(pos, after.size(), before);
  undo_change(b, whole_before, now, index);
  return true;
}

// An edit of part of a block: its `after` is not the block's whole text.
bool is_fragment(const Edit& e, const std::vector<Blocks::iterator>& present) {
  if (e.block < 0 || static_cast<std::size_t>(e.block) >= present.size() || e.before.empty() ||
      e.after.empty())
    return false;
  return present[static_cast<std::size_t>(e.block)]->present_text() != text::to_u32(e.after);
}

// The first of the edits before `last` (inclusive) that a stage recorded
// together for parts of one block: same stage, rule and block, all parts.
std::size_t fragment_run(const std::vector<Edit>& edits, std::size_t last,
                         const std::vector<Blocks::iterator>& present) {
  if (!is_fragment(edits[last], present)) return last;
  std::size_t first = last;
  while (first > 0) {
    const Edit &e = edits[first - 1], &l = edits[last];
    if (e.stage != l.stage || e.rule != l.rule || e.block != l.block || e.before.empty() ||
        e.after.empty())
      break;
    --first;
  }
  return first;
}

}  // namespace

std::string block_display_text(const Block& b) {
  if (b.kind == BlockKind::table && !b.rows.empty()) return table_text(b.rows);
  return b.text;
}

Replay replay_edits(const Document& doc) {
  Blocks all;
  std::vector<Blocks::iterator> present;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    WorkBlock w;
    w.result_block = static_cast<int>(i);
    for (char32_t c : text::to_u32(block_display_text(doc.blocks[i]))) w.chars.push_back(Char{c});
    present.push_back(all.insert(all.end(), std::move(w)));
  }
  Replay r;
  r.placed.assign(doc.edits.size(), false);
  r.diffs.resize(doc.edits.size());
  for (std::size_t i = doc.edits.size(); i-- > 0;) {
    const std::size_t first = fragment_run(doc.edits, i, present);
    if (first != i || is_fragment(doc.edits[i], present)) {
      std::vector<const Edit*> run;
      for (std::size_t k = first; k <= i; ++k) run.push_back(&doc.edits[k]);
      if (undo_windows(*present[static_cast<std::size_t>(doc.edits[i].block)], run,
                       static_cast<int>(first))) {
        for (std::size_t k = first; k <= i; ++k) r.placed[k] = true;
        i = first;
        continue;
      }
    }
    r.placed[i] = undo_edit(doc.edits[i], static_cast<int>(i), all, present, r.diffs[i]);
  }
  for (auto& w : all) {
    ReplayedBlock out{{}, w.added_by, w.removed_by, w.result_block};
    for (const auto& ch : w.chars) {
      if (out.spans.empty() || out.spans.back().added_by != ch.added_by ||
          out.spans.back().removed_by != ch.removed_by)
        out.spans.push_back(Span{{}, ch.added_by, ch.removed_by});
      text::append_utf8(out.spans.back().text, ch.c);
    }
    r.blocks.push_back(std::move(out));
  }
  return r;
}

std::size_t Replay::unplaced() const {
  return static_cast<std::size_t>(std::count(placed.begin(), placed.end(), false));
}

std::string Replay::original_text() const {
  std::string out;
  bool first = true;
  for (const auto& b : blocks) {
    if (b.added_by != kNoEdit) continue;
    if (!first) out += '\n';
    first = false;
    for (const auto& s : b.spans)
      if (s.added_by == kNoEdit) out += s.text;
  }
  return out;
}

std::string Replay::result_text() const {
  std::string out;
  bool first = true;
  for (const auto& b : blocks) {
    if (b.removed_by != kNoEdit) continue;
    if (!first) out += '\n';
    first = false;
    for (const auto& s : b.spans)
      if (s.removed_by == kNoEdit) out += s.text;
  }
  return out;
}

}  // namespace docpipe::review
