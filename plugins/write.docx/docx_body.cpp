#include "docx_body.hpp"

#include <algorithm>
#include <cmath>
#include <docpipe/text.hpp>
#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "docx_text.hpp"
#include "xml_part.hpp"

namespace docpipe::docx {

namespace {

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

class BodyBuilder {
 public:
  BodyBuilder(const Preset& preset, pugi::xml_node body) : preset_(preset), body_(body) {}

  bool uses_bullets() const { return uses_bullets_; }

  void title(const std::string& text) {
    auto p = paragraph("Title");
    add_text_runs(p, text, "Title");
  }

  void heading(const Block& b) {
    std::string style = "Heading" + std::to_string(std::clamp(b.level, 1, 4));
    auto p = paragraph(style);
    // A run-in heading keeps its body text in the same paragraph (as printed
    // reports do), but only the heading part takes the heading font.
    std::size_t cut = run_in_heading_end(b.text);
    if (cut == std::string::npos) {
      add_text_runs(p, b.text, style);
    } else {
      // Keeping a whole paragraph with the next one chains long sections
      // together and leaves half-empty pages.
      auto keep =
          p.child("w:pPr").insert_child_after("w:keepNext", p.child("w:pPr").child("w:pStyle"));
      keep.append_attribute("w:val") = "0";
      add_text_runs(p, b.text.substr(0, cut), style);
      add_text_runs(p, b.text.substr(cut), "Normal", /*plain_weight=*/true);
    }
  }

  void body_paragraph(const std::string& text, const char* style = "Normal") {
    add_text_runs(paragraph(style), text, style);
  }

  void list_item(const Block& b) {
    if (!b.marker.empty()) {
      // The marker is part of the text ("1." "（1）"), so the item needs no
      // numbering; deeper items are indented two characters per level.
      auto p = paragraph("ListParagraph");
      if (b.level > 1) {
        auto ind = p.child("w:pPr").append_child("w:ind");
        ind.append_attribute("w:leftChars") = (b.level - 1) * 200;
        ind.append_attribute("w:left") = (b.level - 1) * 2 * preset_.char_width_twips();
      }
      add_text_runs(p, b.text, "ListParagraph");
      return;
    }
    uses_bullets_ = true;
    const int ilvl = std::clamp(b.level - 1, 0, 3);
    auto p = paragraph("ListParagraph");
    auto num = p.child("w:pPr").append_child("w:numPr");
    num.append_child("w:ilvl").append_attribute("w:val") = ilvl;
    num.append_child("w:numId").append_attribute("w:val") = 1;
    // The bullet hangs: the same indent as bullets.numbering.xml, set here
    // too because the style's first-line indent (in characters) would
    // otherwise win over the numbering's hanging indent.
    auto ind = p.child("w:pPr").append_child("w:ind");
    ind.append_attribute("w:left") = 840 + 420 * ilvl;
    ind.append_attribute("w:hanging") = 420;
    ind.append_attribute("w:firstLineChars") = 0;
    add_text_runs(p, b.text, "ListParagraph");
  }

  // One signature: `lines` as split_signature read them; `metadata_date`
  // fills in a date only when the signature has none of its own.
  void signature(SignatureLines lines, const std::optional<std::string>& metadata_date) {
    if (lines.date.empty() && metadata_date) lines.date = chinese_date(*metadata_date);
    const bool first = !signature_started_;
    signature_started_ = true;
    // GB/T 9704 §7.3.5.1: the date sits four characters in from the right;
    // the organization is centred over the date.
    const int base = preset_.signature_right_chars();
    auto line = [&](const std::string& text, int right_chars, bool space_before) {
      auto p = paragraph("Signature");
      auto ppr = p.child("w:pPr");
      if (space_before) {
        auto spacing = ppr.append_child("w:spacing");
        spacing.append_attribute("w:before") = 2 * line_twips();
      }
      auto ind = ppr.append_child("w:ind");
      ind.append_attribute("w:rightChars") = right_chars;
      ind.append_attribute("w:right") = right_chars * preset_.char_width_twips() / 100;
      add_text_runs(p, text, "Signature");
    };
    int org_right = base;
    if (!lines.organization.empty() && !lines.date.empty()) {
      double diff = display_chars(lines.date) - display_chars(lines.organization);
      org_right = std::max(0, base + static_cast<int>(std::lround(diff * 50)));
    }
    if (!lines.organization.empty()) line(lines.organization, org_right, first);
    if (!lines.date.empty()) line(lines.date, base, first && lines.organization.empty());
  }

  // weights: relative column widths (equal when empty or of the wrong size).
  void table(const std::vector<std::vector<std::string>>& rows, bool header_row,
             std::vector<int> weights = {}) {
    std::size_t cols = 0;
    for (const auto& r : rows) cols = std::max(cols, r.size());
    auto tbl = body_.append_child("w:tbl");
    add_table_properties(tbl);
    if (weights.size() != cols) weights.assign(cols, 1);
    int total_weight = 0;
    for (int w : weights) total_weight += w;
    std::vector<int> widths;
    for (int w : weights) widths.push_back(preset_.text_width_twips() * w / total_weight);
    auto grid = tbl.append_child("w:tblGrid");
    for (std::size_t c = 0; c < cols; ++c)
      grid.append_child("w:gridCol").append_attribute("w:w") = widths[c];
    for (std::size_t r = 0; r < rows.size(); ++r) {
      auto tr = tbl.append_child("w:tr");
      if (r == 0 && header_row) tr.append_child("w:trPr").append_child("w:tblHeader");
      for (std::size_t c = 0; c < cols; ++c) {
        auto tc = tr.append_child("w:tc");
        auto tcw = tc.append_child("w:tcPr").append_child("w:tcW");
        tcw.append_attribute("w:w") = widths[c];
        tcw.append_attribute("w:type") = "dxa";
        auto p = paragraph_in(tc, "TableText");
        const std::string cell = c < rows[r].size() ? rows[r][c] : std::string();
        add_text_runs(p, cell, "TableText", false, r == 0 && header_row);
      }
    }
    last_was_table_ = true;
  }

  void page_break() {
    auto p = paragraph("Normal");
    p.append_child("w:r").append_child("w:br").append_attribute("w:type") = "page";
  }

  void finish(pugi::xml_node section, bool char_grid) {
    // Word wants a paragraph between a table and the end of the body, and at
    // least one paragraph in any body.
    if (last_was_table_ || !body_.first_child()) paragraph("Normal");
    auto sect = body_.append_copy(section);
    for (auto a = sect.first_attribute(); a;) {  // namespaces live on w:document
      auto next = a.next_attribute();
      if (std::string_view(a.name()).starts_with("xmlns")) sect.remove_attribute(a);
      a = next;
    }
    if (char_grid) {
      auto grid = sect.child("w:docGrid");
      if (!grid) grid = sect.append_child("w:docGrid");
      grid.remove_attribute("w:type");
      grid.prepend_attribute("w:type") = "linesAndChars";
    }
  }

 private:
  int line_twips() const { return preset_.line_twips(); }

  pugi::xml_node paragraph(const std::string& style) {
    last_was_table_ = false;
    return paragraph_in(body_, style);
  }

  // Full width, centred, ruled. Borders are set on the table too, not only
  // through the TableGrid style, so readers that ignore table styles still
  // draw a ruled table.
  static void add_table_properties(pugi::xml_node tbl) {
    auto tpr = tbl.append_child("w:tblPr");
    tpr.append_child("w:tblStyle").append_attribute("w:val") = "TableGrid";
    auto tw = tpr.append_child("w:tblW");
    tw.append_attribute("w:w") = 5000;
    tw.append_attribute("w:type") = "pct";
    tpr.append_child("w:jc").append_attribute("w:val") = "center";
    auto borders = tpr.append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
      auto e = borders.append_child(side);
      e.append_attribute("w:val") = "single";
      e.append_attribute("w:sz") = 4;
      e.append_attribute("w:space") = 0;
      e.append_attribute("w:color") = "000000";
    }
    tpr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
  }

  static pugi::xml_node paragraph_in(pugi::xml_node parent, const std::string& style) {
    auto p = parent.append_child("w:p");
    p.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = style.c_str();
    return p;
  }

  const RunLook& look(const std::string& style) {
    auto it = looks_.find(style);
    if (it == looks_.end()) it = looks_.emplace(style, preset_.run_look(style)).first;
    return it->second;
  }

  // One run per line of text; tabs and line breaks become w:tab / w:br.
  void add_text_runs(pugi::xml_node p, const std::string& raw, const std::string& style,
                     bool plain_weight = false, bool bold = false) {
    // Most text needs no cleaning: it is used in place, not copied.
    std::string cleaned;
    std::string_view text = raw;
    if (!text::is_xml_text(raw)) text = cleaned = xml_safe(raw);
    auto r = p.append_child("w:r");
    auto rpr = r.append_child("w:rPr");
    const RunLook& l = look(style);
    auto fonts = rpr.append_child("w:rFonts");
    for (const auto& [k, v] : l.fonts) fonts.append_attribute(k.c_str()) = v.c_str();
    if (plain_weight || bold) {
      const char* val = bold ? "1" : "0";
      rpr.append_child("w:b").append_attribute("w:val") = val;
      rpr.append_child("w:bCs").append_attribute("w:val") = val;
    }
    auto lang = rpr.append_child("w:lang");
    for (const auto& [k, v] : l.lang) lang.append_attribute(k.c_str()) = v.c_str();

    // Text between line breaks and tabs is copied a stretch at a time; a CR
    // (already dropped by xml_safe) would carry nothing.
    std::string chunk;
    auto flush = [&] {
      if (chunk.empty()) return;
      auto t = r.append_child("w:t");
      if (chunk.front() == ' ' || chunk.back() == ' ') t.append_attribute("xml:space") = "preserve";
      t.text().set(chunk.c_str());
      chunk.clear();
    };
    for (std::size_t from = 0;;) {
      const std::size_t at = text.find_first_of("\n\t\r", from);
      chunk.append(text.substr(from, at == std::string_view::npos ? at : at - from));
      if (at == std::string_view::npos) break;
      if (text[at] == '\n')
        flush(), r.append_child("w:br");
      else if (text[at] == '\t')
        flush(), r.append_child("w:tab");
      from = at + 1;
    }
    flush();
  }

  const Preset& preset_;
  pugi::xml_node body_;
  std::map<std::string, RunLook> looks_;
  bool uses_bullets_ = false;
  bool signature_started_ = false;
  bool last_was_table_ = false;
};

std::string excerpt(const std::string& s, int max_chars) {
  std::u32string cps = text::to_u32(s);
  if (cps.size() <= static_cast<std::size_t>(max_chars)) return s;
  return text::to_utf8(cps.substr(0, static_cast<std::size_t>(max_chars))) + "…";
}

void cleaning_report(BodyBuilder& out, const Document& doc, const BodyOptions& opts) {
  out.page_break();
  out.body_paragraph("清理报告", "ReportTitle");
  std::ostringstream summary;
  summary << "本文档由 docpipe 清理，共记录 " << doc.edits.size() << " 处修改。";
  if (!doc.flags.empty()) {
    summary << "质量标记：";
    for (std::size_t i = 0; i < doc.flags.size(); ++i) summary << (i ? "、" : "") << doc.flags[i];
    summary << "。";
  }
  out.body_paragraph(summary.str());
  if (doc.edits.empty()) return;
  std::vector<std::vector<std::string>> rows{{"阶段", "规则", "原文", "改为"}};
  for (const auto& e : doc.edits)
    rows.push_back({e.stage, e.rule, excerpt(e.before, opts.report_excerpt_chars),
                    e.after.empty() ? "（删除）" : excerpt(e.after, opts.report_excerpt_chars)});
  out.table(rows, /*header_row=*/true, {2, 2, 3, 3});
}

}  // namespace

Body build_body(const Document& doc, const Preset& preset, const BodyOptions& opts) {
  pugi::xml_document xml = new_xml_part();
  auto root = xml.append_child("w:document");
  root.append_attribute("xmlns:w") = kWordNs;
  root.append_attribute("xmlns:r") = kRelNs;
  BodyBuilder out(preset, root.append_child("w:body"));

  if (doc.metadata.title && !text::trim(*doc.metadata.title).empty())
    out.title(*doc.metadata.title);
  // A signature that carries its own date anywhere is not given the
  // metadata date a second time.
  const bool signature_dated =
      std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const Block& b) {
        return b.kind == BlockKind::signature && !split_signature(b.text).date.empty();
      });
  bool skip_next = false;
  for (const auto& b : doc.blocks) {
    if (skip_next) {
      skip_next = false;
      continue;
    }
    switch (b.kind) {
      case BlockKind::heading:
        out.heading(b);
        break;
      case BlockKind::paragraph:
        out.body_paragraph(b.text);
        break;
      case BlockKind::list_item:
        out.list_item(b);
        break;
      case BlockKind::signature: {
        // The usual two-line signature (organization line, then date line,
        // as the TXT and HTML readers give it) is one signature: the date
        // is printed once, and the organization is centred over it.
        SignatureLines lines = split_signature(b.text);
        const std::size_t i = static_cast<std::size_t>(&b - doc.blocks.data());
        if (lines.date.empty() && i + 1 < doc.blocks.size() &&
            doc.blocks[i + 1].kind == BlockKind::signature) {
          SignatureLines next = split_signature(doc.blocks[i + 1].text);
          if (next.organization.empty() && !next.date.empty()) {
            lines.date = next.date;
            skip_next = true;
          }
        }
        out.signature(lines, signature_dated ? std::nullopt : doc.metadata.date);
        break;
      }
      case BlockKind::note:
        out.body_paragraph(b.text, "Note");
        break;
      case BlockKind::table:
        if (std::any_of(b.rows.begin(), b.rows.end(), [](const auto& r) { return !r.empty(); }))
          out.table(b.rows, /*header_row=*/false);
        else
          out.body_paragraph(b.text);
        break;
    }
  }
  if (opts.cleaning_report) cleaning_report(out, doc, opts);
  out.finish(preset.section(), opts.char_grid);

  return Body{xml_part_bytes(xml), out.uses_bullets()};
}

}  // namespace docpipe::docx
