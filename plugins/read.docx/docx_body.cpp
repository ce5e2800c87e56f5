#include "docx_body.hpp"

#include <algorithm>
#include <docpipe/text.hpp>

#include "docx_look.hpp"
#include "docx_xml.hpp"

namespace docpipe::readers {
using namespace ooxml;
namespace {

bool in_instruction(const std::vector<bool>& fields) {
  for (bool shown : fields)
    if (!shown) return true;
  return false;
}

// Word separates a label from the text with a tab or space. A Chinese typist
// writes "一、标题" and "1.标题" with nothing between, so the separator becomes
// nothing before Chinese text and one space before Latin text ("1. Item").
std::string join_label(const std::string& label, const std::string& suffix,
                       const std::string& body) {
  if (label.empty() || suffix.empty()) return label;
  auto l = text::to_u32(label);
  auto b = text::to_u32(text::trim(body));
  if (text::is_cjk(l.back()) || (!b.empty() && text::is_cjk(b.front()))) return label;
  return label + " ";
}

// mc:AlternateContent: its fallback (what every consumer understands), else
// its first choice.
pugi::xml_node alternative(const pugi::xml_node& n) {
  if (auto f = child(n, "Fallback")) return f;
  return child(n, "Choice");
}

// Calls visit(n) for the element children of parent, looking through
// wrappers: open(n) returns the node whose children stand for n (n itself,
// its w:sdtContent, its mc:Fallback) or an empty node when n is no wrapper.
// An explicit stack, not recursion: 100,000 nested w:customXml are a long
// loop, not a stack overflow. Nodes that visit() leaves in *more are walked
// next (their children, in order), then the walk goes on after n.
template <class Open, class Visit>
void walk(const pugi::xml_node& parent, Open open, Visit visit,
          std::vector<pugi::xml_node>* more = nullptr) {
  std::vector<pugi::xml_node> stack{parent.first_child()};
  while (!stack.empty()) {
    auto n = stack.back();
    if (!n) {
      stack.pop_back();
      continue;
    }
    stack.back() = n.next_sibling();
    if (n.type() != pugi::node_element) continue;
    if (auto inner = open(n)) {
      stack.push_back(inner.first_child());
      continue;
    }
    visit(n);
    if (more && !more->empty()) {
      for (auto it = more->rbegin(); it != more->rend(); ++it) stack.push_back(it->first_child());
      more->clear();
    }
  }
}

// Wrappers around block-level content (paragraphs and tables).
pugi::xml_node block_wrapper(const pugi::xml_node& n) {
  auto name = local(n);
  if (name == "sdt") return child(n, "sdtContent");  // content controls: keep what they hold
  if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") return n;
  if (name == "AlternateContent") return alternative(n);
  // w:del, w:moveFrom (rejected text), w:sectPr, bookmarks: nothing visible.
  return {};
}

// Wrappers around runs whose content is visible text.
pugi::xml_node inline_wrapper(const pugi::xml_node& n) {
  auto name = local(n);
  if (name == "r" || name == "hyperlink" || name == "fldSimple" || name == "ins" ||
      name == "moveTo" || name == "smartTag" || name == "customXml" || name == "dir" ||
      name == "bdo" || name == "oMath" || name == "oMathPara" || name == "e" || name == "num" ||
      name == "den" || name == "sub" || name == "sup")
    return n;
  if (name == "sdt") return child(n, "sdtContent");
  if (name == "AlternateContent") return alternative(n);
  return {};
}

// Wrappers around table rows and cells.
pugi::xml_node row_wrapper(const pugi::xml_node& n) {
  auto name = local(n);
  if (name == "sdt") return child(n, "sdtContent");
  if (name == "customXml") return n;
  return {};
}

// The next node after n in document order below root, skipping n's
// children when descend is false; empty at the end.
pugi::xml_node next_in_order(pugi::xml_node n, const pugi::xml_node& root, bool descend) {
  if (descend && n.first_child()) return n.first_child();
  while (n != root && !n.next_sibling()) n = n.parent();
  return n == root ? pugi::xml_node() : n.next_sibling();
}

std::string join_lines(const std::vector<std::string>& lines, const char* sep) {
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += sep;
    out += l;
  }
  return out;
}

}  // namespace

void DocxBody::set_notes(const pugi::xml_node& footnotes, const pugi::xml_node& endnotes) {
  for (auto [root, map] : {std::pair{footnotes, &footnotes_}, std::pair{endnotes, &endnotes_}})
    for (auto n : root.children()) {
      std::string type = val(n, "type");
      // Separators are the lines Word draws above the notes, not notes.
      if (type.empty() || type == "normal") (*map)[val(n, "id")] = n;
    }
}

void DocxBody::read(const pugi::xml_node& body, Document& doc) {
  doc_ = &doc;
  front_matter_ = true;
  block_level(body);
  notes();
  doc_ = nullptr;
}

void DocxBody::block_level(const pugi::xml_node& parent) {
  // Text boxes met in a paragraph or table are read right after it.
  walk(
      parent, block_wrapper,
      [&](const pugi::xml_node& n) {
        auto name = local(n);
        if (name == "p")
          paragraph(n);
        else if (name == "tbl")
          table(n);
      },
      &boxes_);
}

void DocxBody::inline_text(const pugi::xml_node& parent, std::string& out) {
  walk(parent, inline_wrapper, [&](const pugi::xml_node& n) {
    auto name = local(n);
    if (name == "t") {
      if (!in_instruction(fields_)) out += n.text().get();
    } else if (name == "tab" || name == "ptab") {
      if (!in_instruction(fields_)) out += '\t';
    } else if (name == "br" || name == "cr") {
      if (!in_instruction(fields_)) out += '\n';
    } else if (name == "noBreakHyphen") {
      out += '-';
    } else if (name == "fldChar") {
      std::string type = val(n, "fldCharType");
      if (type == "begin")
        fields_.push_back(false);
      else if (type == "separate" && !fields_.empty())
        fields_.back() = true;
      else if (type == "end" && !fields_.empty())
        fields_.pop_back();
    } else if (name == "footnoteReference" || name == "endnoteReference") {
      out += note_reference(n, name == "endnoteReference");
    } else if (name == "drawing" || name == "pict" || name == "object") {
      drawing(n);
    }
    // Skipped: w:del/w:delText and w:moveFrom (tracked deletions), w:instrText
    // (field codes), comment references, w:rPr/w:pPr.
  });
}

void DocxBody::drawing(const pugi::xml_node& root) {
  std::vector<std::string> descriptions;
  bool box = false;
  for (auto n = root.first_child(); n;) {
    bool descend = n.type() == pugi::node_element;
    if (descend) {
      auto name = local(n);
      if (name == "txbxContent") {  // wps:txbx and v:textbox hold one
        boxes_.push_back(n);
        box = true;
        descend = false;
      } else if (name == "Choice" && child(n.parent(), "Fallback")) {
        descend = false;  // the same shape again; the fallback is read
      } else if (name == "docPr") {
        auto d = text::trim(attr(n, "descr").value());
        if (!d.empty()) descriptions.push_back(d);
      }
    }
    n = next_in_order(n, root, descend);
  }
  // A text box's shape description repeats what the box says.
  if (!box) descriptions_.insert(descriptions_.end(), descriptions.begin(), descriptions.end());
}

std::string DocxBody::flat_text(const pugi::xml_node& root) {
  std::string out;
  for (auto n = root.first_child(); n; n = next_in_order(n, root, true)) {
    if (n.type() != pugi::node_element) continue;
    auto name = local(n);
    if (name == "t")
      out += n.text().get();
    else if (name == "tab")
      out += '\t';
    else if ((name == "p" || name == "tr") && !out.empty() && out.back() != '\n')
      out += '\n';
  }
  return text::trim(out);
}

std::string DocxBody::note_reference(const pugi::xml_node& ref, bool endnote) {
  std::string id = val(ref, "id");
  auto& notes = endnote ? endnotes_ : footnotes_;
  auto it = notes.find(id);
  const char* what = endnote ? "endnote" : "footnote";
  if (it == notes.end()) {
    doc_->diagnose(Level::warning, file_ + ": the body refers to " + what + " w:id=\"" + id +
                                       "\", which word/" + what + "s.xml does not have");
    return "";
  }
  const auto [seen, added] = note_numbers_.try_emplace(it->second.internal_object(),
                                                       static_cast<int>(note_refs_.size()) + 1);
  if (!added) return "[" + std::to_string(seen->second) + "]";
  const int number = seen->second;
  note_refs_.push_back({it->second, endnote, number});
  return "[" + std::to_string(number) + "]";
}

void DocxBody::notes() {
  // Index loop: a note may refer to another note, which is appended.
  for (std::size_t i = 0; i < note_refs_.size(); ++i) {
    auto ref = note_refs_[i];
    std::string body = cell_text(ref.node);
    for (const auto& box : boxes_) {
      auto t = flat_text(box);
      if (!t.empty()) body += (body.empty() ? "" : "\n") + t;
    }
    boxes_.clear();
    Block b;
    b.kind = BlockKind::note;
    b.marker = "[" + std::to_string(ref.number) + "]";
    b.text = b.marker + " " + body;
    b.origin.locator = std::string(ref.endnote ? "word/endnotes.xml" : "word/footnotes.xml") +
                       " w:id=" + val(ref.node, "id");
    if (!body.empty()) doc_->blocks.push_back(std::move(b));
  }
}

std::string DocxBody::paragraph_text_with_label(const pugi::xml_node& p, std::string* marker,
                                                int* num_level, bool* bullet) {
  auto ppr = child(p, "pPr");
  std::string style = val(child(ppr, "pStyle"));
  if (style.empty()) style = styles_.default_paragraph_style();

  // Numbering: the paragraph's own numPr wins over its style's.
  StyleNumbering num = styles_.numbering(style);
  if (auto np = child(ppr, "numPr")) {
    if (auto id = child(np, "numId")) num.num_id = val(id);
    if (auto il = child(np, "ilvl")) num.ilvl = std::atoi(val(il).c_str());
  }
  std::string body;
  descriptions_.clear();
  inline_text(p, body);
  // A picture alone in its paragraph: its description is the text there is.
  if (text::trim(body).empty() && !descriptions_.empty()) body = join_lines(descriptions_, " ");
  descriptions_.clear();
  std::string label_text;
  if (!num.num_id.empty() && num.num_id != "0") {
    // Numbering is counted only for paragraphs that are shown.
    ListLabel label = numbering_.next(num.num_id, num.ilvl < 0 ? 0 : num.ilvl);
    if (num_level) *num_level = (num.ilvl < 0 ? 0 : num.ilvl) + 1;
    if (label.bullet) {
      if (bullet) *bullet = true;
    } else if (!label.text.empty()) {
      if (marker) *marker = label.text;
      label_text = join_label(label.text, label.suffix, body);
    }
  }
  return label_text + body;
}

void DocxBody::paragraph(const pugi::xml_node& p) {
  ++paragraph_index_;
  auto ppr = child(p, "pPr");
  std::string style = val(child(ppr, "pStyle"));
  if (style.empty()) style = styles_.default_paragraph_style();

  Block b;
  int num_level = 0;
  bool bullet = false;
  std::string raw = paragraph_text_with_label(p, &b.marker, &num_level, &bullet);
  b.text = text::trim(raw);
  b.origin.locator = "w:body/w:p[" + std::to_string(paragraph_index_) + "]";
  b.origin.boundary = Boundary::paragraph;
  if (b.text.empty()) return;

  int level = styles_.heading_level(style);
  if (auto ol = child(ppr, "outlineLvl")) {
    int v = std::atoi(val(ol).c_str());
    level = v <= 8 ? v + 1 : 0;  // 9 = body text
  }
  mark_front_matter(p, style, level, b);
  if (styles_.name(style).rfind("toc ", 0) == 0) b.origin.locator += " (TOC)";
  if (level > 0) {
    b.kind = BlockKind::heading;
    b.level = level;
    if (styles_.is_title(style)) b.origin.locator += " (Title)";
  } else if (bullet) {
    b.kind = BlockKind::list_item;
    b.level = num_level;
  } else {
    // A numbered paragraph reads like a typed one ("一、…"); the structure
    // stage decides whether it is a heading.
    b.kind = BlockKind::paragraph;
  }
  doc_->blocks.push_back(std::move(b));
}

void DocxBody::mark_front_matter(const pugi::xml_node& p, const std::string& style, int level,
                                 Block& b) {
  if (!front_matter_) return;
  auto u = text::to_u32(b.text);
  bool sentence = !u.empty() && (u.back() == U'。' || u.back() == U'！' || u.back() == U'？');
  if (u.size() > kMaxTitleChars || sentence) {
    front_matter_ = false;  // the body has begun
    return;
  }
  if (level == 0 &&
      looks_like_title(paragraph_look(p, styles_, style), styles_.default_half_points()))
    b.origin.locator += " (prominent)";
}

std::string DocxBody::cell_text(const pugi::xml_node& tc) {
  std::vector<std::string> lines;
  auto open = [](const pugi::xml_node& n) -> pugi::xml_node {
    auto name = local(n);
    if (name == "sdt") return child(n, "sdtContent");
    if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") return n;
    return {};
  };
  walk(tc, open, [&](const pugi::xml_node& n) {
    auto name = local(n);
    if (name == "p") {
      auto t = text::trim(paragraph_text_with_label(n, nullptr, nullptr, nullptr));
      if (!t.empty()) lines.push_back(t);
    } else if (name == "tbl" && table_depth_ >= kMaxTableDepth) {
      if (!deep_tables_reported_)
        doc_->diagnose(Level::warning,
                       file_ + ": table " + std::to_string(table_index_) +
                           " has tables nested more than " + std::to_string(kMaxTableDepth) +
                           " deep; the deeper ones are read as plain text, without their rows");
      deep_tables_reported_ = true;
      auto t = flat_text(n);
      if (!t.empty()) lines.push_back(t);
    } else if (name == "tbl") {
      // Nested table: one line per row, cells separated by tabs.
      ++table_depth_;
      walk(n, row_wrapper, [&](const pugi::xml_node& tr) {
        if (local(tr) != "tr") return;
        std::string row;
        walk(tr, row_wrapper, [&](const pugi::xml_node& c) {
          if (local(c) != "tc") return;
          if (!row.empty()) row += '\t';
          auto inner = cell_text(c);
          std::replace(inner.begin(), inner.end(), '\n', ' ');
          row += inner;
        });
        if (!text::trim(row).empty()) lines.push_back(row);
      });
      --table_depth_;
    }
  });
  return join_lines(lines, "\n");
}

void DocxBody::table(const pugi::xml_node& tbl) {
  ++table_index_;
  Block b;
  b.kind = BlockKind::table;
  b.origin.locator = "w:body/w:tbl[" + std::to_string(table_index_) + "]";
  walk(tbl, row_wrapper, [&](const pugi::xml_node& tr) {
    // A row deleted with tracked changes on is gone.
    if (local(tr) != "tr" || child(child(tr, "trPr"), "del")) return;
    std::vector<std::string> cells;
    walk(tr, row_wrapper, [&](const pugi::xml_node& tc) {
      if (local(tc) != "tc") return;
      auto tcpr = child(tc, "tcPr");
      int span = 1;
      if (auto gs = child(tcpr, "gridSpan")) span = std::max(1, std::atoi(val(gs).c_str()));
      auto vm = child(tcpr, "vMerge");
      bool continuation = vm && val(vm) != "restart";
      // A vertically merged continuation shows nothing of its own: the
      // text belongs to the cell that started the merge.
      cells.push_back(continuation ? std::string() : cell_text(tc));
      for (int i = 1; i < span && i < 64; ++i) cells.emplace_back();
    });
    bool any = false;
    for (const auto& c : cells) any |= !c.empty();
    if (any) b.rows.push_back(std::move(cells));
  });
  // b.text stays empty: the cleaning stages edit texts, not cells; the
  // JSON writes a table's text from its rows (docs/outputs.md).
  if (!b.rows.empty()) doc_->blocks.push_back(std::move(b));
}

}  // namespace docpipe::readers
