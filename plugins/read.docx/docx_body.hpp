// Walking word/document.xml's body into blocks: paragraphs with their visible
// text (tracked changes accepted, field results kept), headings, numbered
// paragraphs, tables, text boxes, image descriptions and the footnotes and
// endnotes the body refers to.
//
// No walk here recurses on the input's nesting: wrappers (w:sdt, w:customXml,
// w:ins, w:smartTag, runs, hyperlinks...) are looked through with an explicit
// stack, text boxes are queued and read after their paragraph, notes after
// the body. The one nesting that recurses, tables in table cells, stops at
// kMaxTableDepth: deeper tables are read as plain text with a diagnostic.
#pragma once

#include <docpipe/model.hpp>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "docx_numbering.hpp"
#include "docx_styles.hpp"

namespace docpipe::readers {

class DocxBody {
 public:
  // Tables nested deeper than this inside table cells are read as plain
  // text (their cells' text in document order) with a warning.
  static constexpr int kMaxTableDepth = 32;

  // file names the input in diagnostics.
  DocxBody(std::string file, const DocxStyles& styles, DocxNumbering& numbering)
      : file_(std::move(file)), styles_(styles), numbering_(numbering) {}
  // The w:footnotes / w:endnotes elements of word/footnotes.xml and
  // word/endnotes.xml (either may be empty).
  void set_notes(const pugi::xml_node& footnotes, const pugi::xml_node& endnotes);
  // Appends the body's blocks to doc.blocks, then one `note` block per
  // footnote or endnote referred to, in the order of the references.
  void read(const pugi::xml_node& body, Document& doc);

 private:
  void block_level(const pugi::xml_node& parent);
  void paragraph(const pugi::xml_node& p);
  // Before the first body paragraph, marks a centred, large or bold
  // paragraph " (prominent)": a cover page's or a first line's title.
  void mark_front_matter(const pugi::xml_node& p, const std::string& style, int level, Block& b);
  void table(const pugi::xml_node& tbl);
  // Visible text of a paragraph's content (runs, hyperlinks, fields...).
  void inline_text(const pugi::xml_node& n, std::string& out);
  // A w:drawing / w:pict / w:object: queues its text boxes, keeps the
  // descriptions of pictures without text.
  void drawing(const pugi::xml_node& n);
  // Plain text of a table cell: paragraphs on lines, nested tables flattened.
  std::string cell_text(const pugi::xml_node& tc);
  // Every w:t / w:tab / paragraph break below n, in document order.
  static std::string flat_text(const pugi::xml_node& n);
  std::string paragraph_text_with_label(const pugi::xml_node& p, std::string* marker,
                                        int* num_level, bool* bullet);
  // "[n]" for a footnote/endnote reference; queues the note.
  std::string note_reference(const pugi::xml_node& ref, bool endnote);
  void notes();

  static constexpr std::size_t kMaxTitleChars = 60;  // longer is body text
  bool front_matter_ = true;
  std::string file_;
  const DocxStyles& styles_;
  DocxNumbering& numbering_;
  Document* doc_ = nullptr;
  // Complex fields (w:fldChar begin/separate/end) may span runs and
  // paragraphs; inside the instruction part text is hidden. One entry per
  // open field: true once its separator was seen (the result is shown).
  std::vector<bool> fields_;
  // Text boxes met in the paragraph or table being read; read as blocks
  // right after it.
  std::vector<pugi::xml_node> boxes_;
  // Descriptions (wp:docPr descr) of the pictures of the current paragraph.
  std::vector<std::string> descriptions_;
  std::map<std::string, pugi::xml_node> footnotes_, endnotes_;
  struct NoteRef {
    pugi::xml_node node;
    bool endnote;
    int number;
  };
  std::vector<NoteRef> note_refs_;
  // The number each referenced note was given, by its node: a file with
  // tens of thousands of references looked each one up in note_refs_.
  std::unordered_map<const void*, int> note_numbers_;
  std::set<std::pair<bool, std::string>> notes_seen_;
  int table_depth_ = 0;
  bool deep_tables_reported_ = false;
  int paragraph_index_ = 0;
  int table_index_ = 0;
};

}  // namespace docpipe::readers
