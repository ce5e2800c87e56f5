// Paragraph styles from word/styles.xml: which are headings and which carry
// numbering. Headings are known by the style's name or outline level,
// followed through w:basedOn, never by styleId (Chinese Word writes ids such
// as "1", "2", "a").
#pragma once

#include <map>
#include <pugixml.hpp>
#include <string>

namespace docpipe::readers {

struct StyleNumbering {
  std::string num_id;  // "" = none, "0" = numbering switched off
  int ilvl = -1;       // -1 = not given
};

class DocxStyles {
 public:
  void load(const pugi::xml_document& styles_xml);
  // Heading level 1..9 of a paragraph style, 0 when not a heading. "Title"
  // counts as level 1.
  int heading_level(const std::string& style_id) const;
  bool is_title(const std::string& style_id) const;
  // Numbering a paragraph inherits from its style chain.
  StyleNumbering numbering(const std::string& style_id) const;
  std::string name(const std::string& style_id) const;
  const std::string& default_paragraph_style() const { return default_paragraph_; }

 private:
  struct Style {
    std::string name;  // lower-cased w:name
    std::string based_on;
    int outline_level = -1;  // w:outlineLvl 0..8, 9 = body text
    StyleNumbering numbering;
  };
  const Style* find(const std::string& id) const;
  std::map<std::string, Style> styles_;
  std::string default_paragraph_;
};

}  // namespace docpipe::readers
