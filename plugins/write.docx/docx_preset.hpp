// A DOCX preset: the style sheet, settings, page setup and footers that give a
// document its look, loaded from the plugin's data files
// (<data_dir>/<preset>.styles.xml, .settings.xml, .section.xml, .footer-*.xml).
// The document body refers only to style ids every preset defines (Normal,
// Title, Heading1..4, ListParagraph, Signature, Note, TableText, ReportTitle,
// TableGrid), so adding a preset means adding data files, not code.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace docpipe::docx {

// The font slots and language tags of a style, resolved along w:basedOn and
// the document defaults. Copied onto every run so East Asian text is drawn
// (and spell-checked) right even by viewers that ignore style fonts.
struct RunLook {
  std::vector<std::pair<std::string, std::string>> fonts;  // w:ascii -> "Times New Roman", ...
  std::vector<std::pair<std::string, std::string>> lang;  // w:val -> "zh-CN", w:eastAsia -> "zh-CN"
};

struct FooterPart {
  std::string type;    // "default" (odd pages) or "even"
  std::string rel_id;  // relationship id the section refers to
  std::string xml;
};

class Preset {
 public:
  // Throws docpipe::Error naming the missing or broken data file.
  static std::shared_ptr<const Preset> load(const std::filesystem::path& data_dir,
                                            const std::string& name);

  const std::string& name() const { return name_; }
  const std::string& styles_xml() const { return styles_xml_; }
  const std::string& settings_xml() const { return settings_xml_; }
  const std::string& font_table_xml() const { return font_table_xml_; }
  const std::string& bullets_numbering_xml() const { return bullets_numbering_xml_; }
  const std::vector<FooterPart>& footers() const { return footers_; }
  // The section properties (page size, margins, grid, footer references).
  pugi::xml_node section() const { return section_.document_element(); }

  RunLook run_look(const std::string& style_id) const;
  // Width between the margins, in twips (for table grid columns).
  int text_width_twips() const;
  // Width of one body character in twips (the Normal font size).
  int char_width_twips() const;
  // Height of one body line in twips (exact line spacing, or an estimate).
  int line_twips() const;
  // Right indent of the Signature style, in hundredths of a character.
  int signature_right_chars() const;

 private:
  pugi::xml_node find_style(const std::string& id) const;
  std::string name_;
  std::string styles_xml_, settings_xml_, font_table_xml_, bullets_numbering_xml_;
  std::vector<FooterPart> footers_;
  pugi::xml_document styles_;
  pugi::xml_document section_;
};

}  // namespace docpipe::docx
