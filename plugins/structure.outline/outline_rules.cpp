#include "outline_rules.hpp"

#include <algorithm>
#include <array>
#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>

#include "table_of_contents.hpp"

namespace docpipe::structure {

namespace {

constexpr const char* kRunInRule = "outline.run_in_heading";

// A clause that ends like this continues an enumeration: it is a list item.
bool is_clause_end(char32_t c) {
  return c == U'；' || c == U';' || c == U'，' || c == U',' || c == U'、';
}
bool is_colon(char32_t c) { return c == U'：' || c == U':'; }

char32_t last_char(std::string_view s) {
  auto u = text::to_u32(text::trim(s));
  return u.empty() ? 0 : u.back();
}

// Splits after the marker: the heading phrase up to and including the first
// sentence end, and the rest (empty for a one-sentence line).
struct LeadSplit {
  std::string lead;  // marker + phrase
  std::string rest;
  std::size_t lead_chars = 0;
  bool item_follows = false;  // rest starts with a deeper numbered item
};

LeadSplit split_lead(const std::string& text, const kit::HeadingMarker& m) {
  std::u32string u = text::to_u32(text);
  std::size_t body_start = text::to_u32(std::string_view(text).substr(0, m.end)).size();
  std::size_t cut = u.size();
  for (std::size_t i = body_start; i < u.size(); ++i)
    if (kit::is_sentence_stop(u[i])) {
      cut = i + 1;
      break;
    }
  // A deeper item run into the heading line after a space
  // (四、下半年工作计划 1、进一步…) ends the heading there.
  bool item = false;
  for (std::size_t i = body_start; i < cut; ++i) {
    if (!text::is_space(u[i])) continue;
    auto next = kit::match_heading_marker(text::to_utf8(std::u32string_view(u).substr(i + 1)));
    if (next && next->level > m.level) {
      cut = i;
      item = true;
      break;
    }
  }
  LeadSplit s;
  s.item_follows = item;
  s.lead = text::trim(text::to_utf8(std::u32string_view(u).substr(0, cut)));
  s.rest = text::trim(text::to_utf8(std::u32string_view(u).substr(cut)));
  s.lead_chars = text::length(s.lead);
  return s;
}

bool classifiable(const Block& b) {
  return b.kind == BlockKind::paragraph || b.kind == BlockKind::list_item ||
         b.kind == BlockKind::heading;
}

// The block before i that carries text, or nullptr.
const Block* previous_text_block(const Document& doc, std::size_t i) {
  while (i > 0) {
    --i;
    if (!doc.blocks[i].text.empty()) return &doc.blocks[i];
  }
  return nullptr;
}

const Block* next_text_block(const Document& doc, std::size_t i) {
  while (++i < doc.blocks.size())
    if (!doc.blocks[i].text.empty()) return &doc.blocks[i];
  return nullptr;
}

enum class Verdict { heading, run_in, list_item };

Verdict classify(const Document& doc, std::size_t i, const kit::HeadingMarker& m,
                 const LeadSplit& s, const OutlineOptions& opt) {
  const auto max = static_cast<std::size_t>(opt.max_heading_chars);
  bool one_sentence = s.rest.empty();
  bool run_in_level = std::find(opt.run_in_levels.begin(), opt.run_in_levels.end(), m.level) !=
                      opt.run_in_levels.end();
  if (s.lead_chars > max) return Verdict::list_item;  // the first sentence is too long for a title
  if (s.item_follows) return Verdict::run_in;
  if (m.level <= 2)
    return one_sentence ? Verdict::heading : (run_in_level ? Verdict::run_in : Verdict::heading);

  // Levels 3 and 4 double as list numbering inside paragraphs: context decides.
  const Block* prev = previous_text_block(doc, i);
  bool after_colon = prev && prev->kind != BlockKind::heading && is_colon(last_char(prev->text));
  bool continues_list = false;
  if (prev && prev->kind == BlockKind::list_item) {
    auto pm = kit::match_heading_marker(prev->text);
    continues_list = pm && pm->level == m.level;
  }
  bool clause = one_sentence && is_clause_end(last_char(s.lead));
  if (clause) return Verdict::list_item;
  // Numbered sentences one right after another (1、认真学习…。 2、组织…。)
  // are a list: a section title has its body between it and the next one
  // (or in its own paragraph after its first sentence: 1、开展活动。为…).
  const Block* next = next_text_block(doc, i);
  if (one_sentence && next && next->kind == BlockKind::paragraph &&
      kit::is_sentence_stop(last_char(doc.blocks[i].text))) {
    auto nm = kit::match_heading_marker(next->text);
    if (nm && nm->level == m.level && nm->ordinal == m.ordinal + 1) return Verdict::list_item;
  }
  if ((after_colon || continues_list) && one_sentence) return Verdict::list_item;
  if (continues_list && !after_colon) return Verdict::list_item;
  return (!one_sentence && run_in_level) ? Verdict::run_in : Verdict::heading;
}

// Checks that numbers at each level run 1, 2, 3… under their parent.
int check_numbering(Document& doc) {
  std::array<int, 5> last{};  // last ordinal seen per level 1..4
  int gaps = 0;
  for (const auto& b : doc.blocks) {
    if (b.kind != BlockKind::heading || b.marker.empty()) continue;
    auto m = kit::match_heading_marker(b.text);
    if (!m || m->level < 1 || m->level > 4) continue;
    int expected = last[m->level] + 1;
    if (m->ordinal != expected) {
      ++gaps;
      std::string msg = last[m->level] == 0
                            ? "outline numbering: level " + std::to_string(m->level) +
                                  " starts at " + m->marker + " (expected " +
                                  kit::marker_for(m->level, 1) +
                                  "); the document may start mid-outline"
                            : "outline numbering: " + m->marker + " follows " +
                                  kit::marker_for(m->level, last[m->level]) + " (expected " +
                                  kit::marker_for(m->level, expected) + ")";
      doc.diagnose(Level::warning, msg);
    }
    last[m->level] = m->ordinal;
    for (int l = m->level + 1; l <= 4; ++l) last[l] = 0;
  }
  return gaps;
}

// Markdown headings (### 标题) from AI-written pages: the marks go and the
// line is a heading. Levels rank the distinct mark counts after the first
// heading line (often the title, one # fewer than the sections).
int mark_markdown_headings(Document& doc) {
  std::vector<std::pair<std::size_t, std::size_t>> found;  // block, number of #
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const std::string& t = doc.blocks[i].text;
    if (doc.blocks[i].kind != BlockKind::paragraph) continue;
    std::size_t hashes = 0;
    while (hashes < t.size() && t[hashes] == '#') ++hashes;
    if (hashes == 0 || hashes > 6 || hashes >= t.size() || t[hashes] != ' ') continue;
    if (text::trim(std::string_view(t).substr(hashes)).empty()) continue;
    found.emplace_back(i, hashes);
  }
  if (found.empty()) return 0;
  std::vector<std::size_t> counts;
  for (std::size_t k = found.size() > 1 ? 1 : 0; k < found.size(); ++k)
    counts.push_back(found[k].second);
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  for (auto [i, hashes] : found) {
    auto rank = std::lower_bound(counts.begin(), counts.end(), hashes) - counts.begin();
    Block& b = doc.blocks[i];
    doc.set_block_text(i, text::trim(std::string_view(b.text).substr(hashes)),
                       "outline.markdown_heading");
    b.kind = BlockKind::heading;
    b.level = std::clamp(static_cast<int>(rank) + 1, 1, 4);
  }
  return static_cast<int>(found.size());
}

bool has_numbered_top_heading(const Document& doc) {
  return std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const Block& b) {
    return b.kind == BlockKind::heading && !b.marker.empty() && b.level == 1;
  });
}

// Section titles written without a number (坚持为党育人，强化思想引领力) in a
// report that numbers none of its sections: a short line that does not end
// like a sentence, between the report's paragraphs, before a body paragraph.
int mark_unnumbered_headings(Document& doc, const OutlineOptions& opt) {
  if (has_numbered_top_heading(doc)) return 0;
  int marked = 0;
  const auto max = static_cast<std::size_t>(opt.max_unnumbered_heading_chars);
  bool body_seen = false;  // lines above the first paragraph are the title's
  for (std::size_t i = 0; i + 1 < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    const Block& next = doc.blocks[i + 1];
    bool was_body_seen = body_seen;
    if (text::length(b.text) > max) body_seen = true;
    if (!was_body_seen) continue;
    if (b.kind != BlockKind::paragraph || next.kind != BlockKind::paragraph) continue;
    auto u = text::to_u32(text::trim(b.text));
    if (u.size() < 4 || u.size() > max) continue;
    // The next line must be body text, or the fragment a page cut short
    // ends on (…的一对数据要): a section title just before the cut.
    const auto next_u = text::to_u32(text::trim(next.text));
    const bool next_is_cut_end =
        i + 2 == doc.blocks.size() && !next_u.empty() && !kit::is_sentence_end(next_u.back());
    if (text::length(next.text) <= max && !next_is_cut_end) continue;
    char32_t last = u.back();
    if (kit::is_sentence_stop(last) || is_clause_end(last) || is_colon(last) || last == U'…' ||
        last == U'—')
      continue;
    // A line cut inside a sentence ends on a particle (…改革开放的).
    if (std::u32string_view(U"的了和与及在对为把被将从向是").find(last) !=
        std::u32string_view::npos)
      continue;
    if (std::any_of(u.begin(), u.end(), [](char32_t c) { return c == U'。' || c == U'；'; }))
      continue;
    // A date line or a bare number is no section title.
    if (std::count_if(u.begin(), u.end(), [](char32_t c) { return c >= '0' && c <= '9'; }) * 2 >=
        static_cast<long>(u.size()))
      continue;
    b.kind = BlockKind::heading;
    b.level = 1;
    ++marked;
  }
  return marked;
}

}  // namespace

OutlineStats build_outline(Document& doc, const OutlineOptions& opt) {
  OutlineStats st;
  if (auto n = drop_tables_of_contents(doc))
    doc.diagnose(Level::info, "outline: dropped a table of contents (" + std::to_string(n) +
                                  " lines, outline.toc)");
  if (opt.markdown_headings) mark_markdown_headings(doc);
  if (opt.inline_headings) split_inline_headings(doc, opt.boundaries);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    if (!classifiable(b)) continue;
    auto m = kit::match_heading_marker(b.text);
    if (!m) {
      // A heading from a DOCX style without a written number keeps its level.
      if (b.kind == BlockKind::heading) ++st.headings;
      continue;
    }
    if (b.kind == BlockKind::heading) {
      // The reader already knew (DOCX heading style): keep it, reconcile the level.
      if (b.level > 0 && b.level != m->level)
        doc.diagnose(Level::info, "outline: style level " + std::to_string(b.level) + " of \"" +
                                      b.text + "\" replaced by marker level " +
                                      std::to_string(m->level));
      b.level = m->level;
      b.marker = m->marker;
      ++st.headings;
      continue;
    }
    LeadSplit s = split_lead(b.text, *m);
    Verdict v = classify(doc, i, *m, s, opt);
    Block& blk = doc.blocks[i];  // classify() does not resize, but keep the reference honest
    blk.marker = m->marker;
    if (v == Verdict::list_item) {
      blk.kind = BlockKind::list_item;
      blk.level = 1;
      ++st.list_items;
      continue;
    }
    blk.kind = BlockKind::heading;
    blk.level = m->level;
    ++st.headings;
    if (v == Verdict::run_in) {
      Block para;
      para.kind = BlockKind::paragraph;
      para.text = s.rest;
      para.origin = blk.origin;
      doc.set_block_text(i, s.lead, kRunInRule);
      doc.record_edit(kRunInRule, static_cast<int>(i + 1), "", para.text);
      doc.blocks.insert(doc.blocks.begin() + static_cast<std::ptrdiff_t>(i + 1), std::move(para));
      ++st.run_in_splits;
      if (!s.item_follows) ++i;  // a run-in body needs no classification; a run-in item does
    }
  }
  if (opt.unnumbered_headings) st.headings += mark_unnumbered_headings(doc, opt);
  if (opt.check_numbering) st.numbering_gaps = check_numbering(doc);
  doc.diagnose(Level::info, "outline: " + std::to_string(st.headings) + " headings, " +
                                std::to_string(st.list_items) + " numbered list items, " +
                                std::to_string(st.run_in_splits) + " run-in headings split");
  return st;
}

}  // namespace docpipe::structure
