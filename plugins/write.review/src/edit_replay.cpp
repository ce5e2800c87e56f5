#include "edit_replay.hpp"

#include <algorithm>
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

// Undoes one change inside a block: its present text is `after`; the diff
// against `before` says which present characters the edit added and which
// removed ones go back between them.
void undo_change(WorkBlock& b, const std::u32string& before, const std::u32string& after,
                 int edit) {
  std::vector<Char> out;
  out.reserve(b.chars.size() + before.size());
  std::size_t k = 0;
  // Copies characters the state no longer has up to the next present one.
  auto skip_absent = [&] {
    while (k < b.chars.size() && !b.chars[k].present()) out.push_back(b.chars[k++]);
  };
  for (const auto& piece : text::diff_chars(before, after)) {
    if (piece.op < 0) {
      for (char32_t c : piece.text) out.push_back(Char{c, kNoEdit, edit});
      continue;
    }
    for (std::size_t n = 0; n < piece.text.size(); ++n) {
      skip_absent();
      Char ch = b.chars[k++];
      if (piece.op > 0) ch.added_by = edit;
      out.push_back(ch);
    }
  }
  while (k < b.chars.size()) out.push_back(b.chars[k++]);
  b.chars = std::move(out);
}

bool undo_edit(const Edit& e, int index, Blocks& all, std::vector<Blocks::iterator>& present) {
  if (e.block < 0 || e.block > static_cast<int>(present.size())) return false;
  const auto at = static_cast<std::size_t>(e.block);
  const std::u32string before = text::to_u32(e.before), after = text::to_u32(e.after);
  if (after.empty() && before.empty()) return true;
  // A block removed whole (or emptied, when the block is still there empty).
  if (after.empty()) {
    if (at < present.size() && present[at]->present_text().empty() &&
        !present[at]->chars.empty()) {
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
    undo_change(b, before, after, index);
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
  for (std::size_t i = doc.edits.size(); i-- > 0;)
    r.placed[i] = undo_edit(doc.edits[i], static_cast<int>(i), all, present);
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
