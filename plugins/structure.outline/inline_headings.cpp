#include "inline_headings.hpp"

#include <algorithm>
#include <array>
#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>

namespace docpipe::structure {
namespace {

constexpr const char* kRule = "outline.inline_heading";

bool starts_with(std::u32string_view s, std::size_t at, const std::u32string& w) {
  return at + w.size() <= s.size() && s.compare(at, w.size(), w) == 0;
}

// Where the heading that starts at `begin` (its marker ending at `text_at`)
// ends, in code points; npos when it runs into a sentence end first (the
// run-in split of the outline handles that) or no boundary shows.
std::size_t heading_end(std::u32string_view u, std::size_t text_at, int level,
                        const HeadingBoundaries& hb, const std::vector<std::u32string>& ends,
                        const std::vector<std::u32string>& openers) {
  std::size_t limit = std::min(u.size(), text_at + hb.max_heading_chars);
  // A deeper item before any sentence end is certain; a sentence end close by
  // means a run-in heading (一、…。正文), which the outline splits itself,
  // unless a sentence opener comes first.
  std::size_t sentence_end = limit;
  for (std::size_t q = text_at + 2; q < limit; ++q) {
    if (kit::is_sentence_stop(u[q])) {
      sentence_end = q;
      break;
    }
    auto deeper = kit::match_heading_marker(text::to_utf8(u.substr(q, 8)));
    if (deeper && deeper->level > level && deeper->ordinal == 1) return q;
  }
  for (std::size_t q = text_at + 2; q < sentence_end; ++q)
    for (const auto& w : openers)
      if (starts_with(u, q, w)) return q;
  if (sentence_end < limit) return std::u32string::npos;
  // No sentence end near: the last heading-end word ends the heading.
  std::size_t last_end = std::u32string::npos;
  for (std::size_t q = text_at + 2; q < limit; ++q) {
    if (hb.continuing_chars.find(u[q]) != std::u32string::npos) continue;
    for (const auto& w : ends)
      if (q >= text_at + w.size() && u.compare(q - w.size(), w.size(), w) == 0) last_end = q;
  }
  return last_end;
}

// "…报告如下：" (spaces allowed) right before position p.
bool after_announcement(std::u32string_view u, std::size_t p,
                        const std::vector<std::u32string>& announces) {
  std::size_t q = p;
  while (q > 0 && text::is_space(u[q - 1])) --q;
  if (q == 0 || (u[q - 1] != U'：' && u[q - 1] != U':')) return false;
  --q;
  for (const auto& w : announces)
    if (q >= w.size() && u.compare(q - w.size(), w.size(), w) == 0) return true;
  return false;
}

}  // namespace

int split_inline_headings(Document& doc, const HeadingBoundaries& hb) {
  std::vector<std::u32string> ends, openers, announces;
  for (const auto& w : hb.announce_words) announces.push_back(text::to_u32(w));
  for (const auto& w : hb.heading_end_words) ends.push_back(text::to_u32(w));
  for (const auto& w : hb.sentence_openers) openers.push_back(text::to_u32(w));
  std::array<int, 3> last{};  // last ordinal seen at levels 1 and 2
  // Numbers run 1…99 per level, so a real outline splits a few hundred times
  // at most; the cap keeps a hostile paragraph of markers linear.
  constexpr int kMaxSplits = 1000;
  int split = 0;
  for (std::size_t i = 0; i < doc.blocks.size() && split < kMaxSplits; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::table || b.kind == BlockKind::signature) continue;
    auto u = text::to_u32(b.text);
    // A marker at the start of the block: note it; split its heading off when
    // it runs straight into the text (一、基本情况半程镇共有…).
    if (auto m = kit::match_heading_marker(b.text); m && m->level <= 2) {
      last[m->level] = m->ordinal;
      if (m->level == 1) last[2] = 0;
      std::size_t text_at = text::to_u32(std::string_view(b.text).substr(0, m->end)).size();
      if (b.kind != BlockKind::heading && u.size() > hb.max_heading_chars) {
        std::size_t q = heading_end(u, text_at, m->level, hb, ends, openers);
        if (q != std::u32string::npos) {
          Block rest = b;
          rest.text = text::trim(text::to_utf8(std::u32string_view(u).substr(q)));
          doc.set_block_text(i, text::trim(text::to_utf8(std::u32string_view(u).substr(0, q))),
                             kRule);
          doc.record_edit(kRule, static_cast<int>(i + 1), "", rest.text);
          doc.blocks.insert(doc.blocks.begin() + static_cast<std::ptrdiff_t>(i + 1),
                            std::move(rest));
          ++split;
          continue;  // the text split off is looked at next
        }
      }
    }
    if (doc.blocks[i].kind == BlockKind::heading) continue;
    // A marker after a sentence end inside the block whose number continues
    // the outline starts a new block.
    const Block& cur = doc.blocks[i];
    u = text::to_u32(cur.text);
    for (std::size_t p = 1; p + 2 < u.size(); ++p) {
      if (!kit::is_sentence_stop(u[p - 1]) && !after_announcement(u, p, announces)) continue;
      auto m = kit::match_heading_marker(text::to_utf8(std::u32string_view(u).substr(p, 8)));
      if (!m || m->level > 2) continue;
      bool continues = m->ordinal == last[m->level] + 1;
      if (!continues) continue;
      Block rest = cur;
      rest.kind = BlockKind::paragraph;
      rest.text = text::trim(text::to_utf8(std::u32string_view(u).substr(p)));
      doc.set_block_text(i, text::trim(text::to_utf8(std::u32string_view(u).substr(0, p))), kRule);
      doc.record_edit(kRule, static_cast<int>(i + 1), "", rest.text);
      doc.blocks.insert(doc.blocks.begin() + static_cast<std::ptrdiff_t>(i + 1), std::move(rest));
      ++split;
      break;  // the new block is looked at next, marker first
    }
  }
  return split;
}

}  // namespace docpipe::structure
