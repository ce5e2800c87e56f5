// What makes a paragraph stand out as a title when no Title style names it:
// centred, bold or set larger than body text. A cover page or a report's
// first paragraph carries its title this way; the reader marks such
// paragraphs before the body with the locator suffix " (prominent)", and
// structure.metadata takes its title from them (docs/readers.md).
#pragma once

#include <pugixml.hpp>
#include <string>

#include "docx_styles.hpp"

namespace docpipe::readers {

struct ParagraphLook {
  bool centered = false;
  bool bold = false;    // every run with text is bold
  int half_points = 0;  // the largest run's font size
};

ParagraphLook paragraph_look(const pugi::xml_node& p, const DocxStyles& styles,
                             const std::string& style_id);

// Centred, and larger than body text or bold at body size: a title's look.
bool looks_like_title(const ParagraphLook& look, int body_half_points);

}  // namespace docpipe::readers
