#include "docx_body.hpp"

#include <algorithm>
#include <docpipe/text.hpp>
#include <functional>

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

}  // namespace

void DocxBody::read(const pugi::xml_node& body, Document& doc) { block_level(body, doc); }

void DocxBody::block_level(const pugi::xml_node& parent, Document& doc) {
  for (auto n : parent.children()) {
    if (n.type() != pugi::node_element) continue;
    auto name = local(n);
    if (name == "p") {
      paragraph(n, doc);
    } else if (name == "tbl") {
      table(n, doc);
    } else if (name == "sdt") {
      block_level(child(n, "sdtContent"), doc);  // content controls: keep what they hold
    } else if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") {
      block_level(n, doc);
    } else if (name == "AlternateContent") {
      block_level(child(n, "Fallback"), doc);
    }
    // w:del, w:moveFrom (rejected text), w:sectPr, bookmarks: nothing visible.
  }
}

void DocxBody::inline_text(const pugi::xml_node& parent, std::string& out) {
  for (auto n : parent.children()) {
    if (n.type() != pugi::node_element) continue;
    auto name = local(n);
    if (name == "r") {
      inline_text(n, out);
    } else if (name == "t") {
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
    } else if (name == "hyperlink" || name == "fldSimple" || name == "ins" || name == "moveTo" ||
               name == "smartTag" || name == "customXml" || name == "dir" || name == "bdo" ||
               name == "oMath" || name == "oMathPara" || name == "e" || name == "num" ||
               name == "den" || name == "sub" || name == "sup") {
      inline_text(n, out);  // containers whose content is visible text
    } else if (name == "sdt") {
      inline_text(child(n, "sdtContent"), out);
    } else if (name == "AlternateContent") {
      inline_text(child(n, "Fallback"), out);
    }
    // Skipped: w:del/w:delText and w:moveFrom (tracked deletions), w:instrText
    // (field codes), footnote/comment references, drawings, w:rPr/w:pPr.
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
  inline_text(p, body);
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

void DocxBody::paragraph(const pugi::xml_node& p, Document& doc) {
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
  if (b.text.empty()) return;

  int level = styles_.heading_level(style);
  if (auto ol = child(ppr, "outlineLvl")) {
    int v = std::atoi(val(ol).c_str());
    level = v <= 8 ? v + 1 : 0;  // 9 = body text
  }
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
  doc.blocks.push_back(std::move(b));
}

std::string DocxBody::cell_text(const pugi::xml_node& tc) {
  std::vector<std::string> lines;
  std::function<void(const pugi::xml_node&)> walk = [&](const pugi::xml_node& parent) {
    for (auto n : parent.children()) {
      auto name = local(n);
      if (name == "p") {
        auto t = text::trim(paragraph_text_with_label(n, nullptr, nullptr, nullptr));
        if (!t.empty()) lines.push_back(t);
      } else if (name == "tbl") {
        // Nested table: one line per row, cells separated by tabs.
        for (auto tr : n.children()) {
          if (local(tr) != "tr") continue;
          std::string row;
          for (auto c : tr.children()) {
            if (local(c) != "tc") continue;
            if (!row.empty()) row += '\t';
            auto inner = cell_text(c);
            for (auto& ch : inner)
              if (ch == '\n') ch = ' ';
            row += inner;
          }
          if (!text::trim(row).empty()) lines.push_back(row);
        }
      } else if (name == "sdt") {
        walk(child(n, "sdtContent"));
      } else if (name == "customXml" || name == "ins" || name == "moveTo") {
        walk(n);
      }
    }
  };
  walk(tc);
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

void DocxBody::table(const pugi::xml_node& tbl, Document& doc) {
  ++table_index_;
  Block b;
  b.kind = BlockKind::table;
  b.origin.locator = "w:body/w:tbl[" + std::to_string(table_index_) + "]";
  std::vector<pugi::xml_node> rows;
  std::function<void(const pugi::xml_node&)> collect_rows = [&](const pugi::xml_node& parent) {
    for (auto n : parent.children()) {
      auto name = local(n);
      if (name == "tr") {
        // A row deleted with tracked changes on is gone.
        if (!child(child(n, "trPr"), "del")) rows.push_back(n);
      } else if (name == "sdt") {
        collect_rows(child(n, "sdtContent"));
      } else if (name == "customXml") {
        collect_rows(n);
      }
    }
  };
  collect_rows(tbl);
  for (const auto& tr : rows) {
    std::vector<std::string> cells;
    std::function<void(const pugi::xml_node&)> collect_cells = [&](const pugi::xml_node& parent) {
      for (auto tc : parent.children()) {
        auto name = local(tc);
        if (name == "sdt") {
          collect_cells(child(tc, "sdtContent"));
          continue;
        }
        if (name == "customXml") {
          collect_cells(tc);
          continue;
        }
        if (name != "tc") continue;
        auto tcpr = child(tc, "tcPr");
        int span = 1;
        if (auto gs = child(tcpr, "gridSpan")) span = std::max(1, std::atoi(val(gs).c_str()));
        auto vm = child(tcpr, "vMerge");
        bool continuation = vm && val(vm) != "restart";
        // A vertically merged continuation shows nothing of its own: the
        // text belongs to the cell that started the merge.
        cells.push_back(continuation ? std::string() : cell_text(tc));
        for (int i = 1; i < span && i < 64; ++i) cells.emplace_back();
      }
    };
    collect_cells(tr);
    bool any = false;
    for (const auto& c : cells) any |= !c.empty();
    if (any) b.rows.push_back(std::move(cells));
  }
  if (!b.rows.empty()) doc.blocks.push_back(std::move(b));
}

}  // namespace docpipe::readers
