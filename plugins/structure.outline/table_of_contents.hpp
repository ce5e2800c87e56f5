// Tables of contents. A report exported from Word often keeps its table of
// contents as text: entries that end in a page number after a tab or a dot
// leader (一、实践背景⇥3, 第一章 总则……1), or paragraphs in a TOC style
// (read.docx marks them " (TOC)"), or -- three or more in a row, their page
// numbers never going back -- text, a space and a page number
// (1.县财政局…工作谋划 10, a 文库 page's list of the reports it bundles).
// Read as headings they would make a second
// outline, so a run of two or more entries -- with a short "目录" line just
// above it -- is dropped, each line recorded as an edit (outline.toc).
#pragma once

#include <cstddef>
#include <docpipe/model.hpp>

namespace docpipe::structure {

// Whether one line reads as a table-of-contents entry.
bool is_toc_entry(const Block& b);

// Drops the document's table-of-contents runs; returns the lines dropped.
std::size_t drop_tables_of_contents(Document& doc);

}  // namespace docpipe::structure
