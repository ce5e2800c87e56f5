// From positioned lines to the document model: running heads, feet and page
// numbers dropped (each recorded as an edit), hard-wrapped lines joined into
// paragraphs, headings told by font size and weight.
#pragma once

#include <docpipe/model.hpp>
#include <vector>

#include "pdf_lines.hpp"

namespace docpipe::readers::pdf {

struct LayoutOptions {
  // A line is running page furniture when the same text (digits aside)
  // stands at the same height in the top or bottom band on at least this
  // share of the pages (and on two pages at least).
  double running_share = 0.5;
  // Height of the top and bottom bands, as a share of the page height.
  double margin_band = 0.12;
  // Font size, as a multiple of the body's, from which a short paragraph is
  // a heading.
  double heading_size_ratio = 1.15;
};

// Removes running heads and feet (the same line at the same place on most
// pages) and page numbers ("3", "- 3 -", "第 3 页", "3 / 12") in the top
// and bottom bands, recording each removal on `doc` as an edit
// (pdf.running_head, pdf.running_foot, pdf.page_number).
void drop_page_furniture(std::vector<Page>& pages, Document& doc, const LayoutOptions& opt = {});

// Appends the paragraphs and headings the lines make to doc.blocks.
void build_blocks(const std::vector<Page>& pages, Document& doc, const LayoutOptions& opt = {});

// "3", "- 3 -", "第3页", "第 3 页 共 12 页", "3/12", "Page 3 of 12".
bool looks_like_page_number(const std::string& line);

}  // namespace docpipe::readers::pdf
