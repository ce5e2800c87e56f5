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

// How a paragraph style makes text look, as far as a title is concerned
// (-1 / 0 = not said by this style; the basedOn chain may say it).
struct StyleLook {
  int centered = -1;    // w:jc center
  int bold = -1;        // w:b
  int half_points = 0;  // w:sz
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
  // The look a style gives through its basedOn chain (defaults filled in).
  StyleLook look(const std::string& style_id) const;
  // Font size of text that says nothing else (w:docDefaults), half-points.
  int default_half_points() const { return default_half_points_; }

 private:
  struct Style {
    std::string name;  // lower-cased w:name
    std::string based_on;
    int outline_level = -1;  // w:outlineLvl 0..8, 9 = body text
    StyleNumbering numbering;
    StyleLook look;
  };
  const Style* find(const std::string& id) const;
  std::map<std::string, Style> styles_;
  std::string default_paragraph_;
  int default_half_points_ = 21;  // 10.5 pt (五号), the size of Chinese body text
};

}  // namespace docpipe::readers
