// Walking word/document.xml's body into blocks: paragraphs with their visible
// text (tracked changes accepted, field results kept), headings, numbered
// paragraphs and tables.
#pragma once

#include <docpipe/model.hpp>
#include <pugixml.hpp>
#include <vector>

#include "docx_numbering.hpp"
#include "docx_styles.hpp"

namespace docpipe::readers {

class DocxBody {
 public:
  DocxBody(const DocxStyles& styles, DocxNumbering& numbering)
      : styles_(styles), numbering_(numbering) {}
  // Appends the body's blocks to doc.blocks.
  void read(const pugi::xml_node& body, Document& doc);

 private:
  void block_level(const pugi::xml_node& parent, Document& doc);
  void paragraph(const pugi::xml_node& p, Document& doc);
  void table(const pugi::xml_node& tbl, Document& doc);
  // Visible text of a paragraph's content (runs, hyperlinks, fields...).
  void inline_text(const pugi::xml_node& n, std::string& out);
  // Plain text of a table cell: paragraphs on lines, nested tables flattened.
  std::string cell_text(const pugi::xml_node& tc);
  std::string paragraph_text_with_label(const pugi::xml_node& p, std::string* marker,
                                        int* num_level, bool* bullet);

  const DocxStyles& styles_;
  DocxNumbering& numbering_;
  // Complex fields (w:fldChar begin/separate/end) may span runs and
  // paragraphs; inside the instruction part text is hidden. One entry per
  // open field: true once its separator was seen (the result is shown).
  std::vector<bool> fields_;
  int paragraph_index_ = 0;
  int table_index_ = 0;
};

}  // namespace docpipe::readers
