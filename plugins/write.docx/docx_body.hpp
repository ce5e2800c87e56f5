// word/document.xml from the document model: title, blocks in order, an
// optional cleaning report, and the preset's section properties.
#pragma once

#include <docpipe/model.hpp>
#include <string>

#include "docx_preset.hpp"

namespace docpipe::docx {

struct BodyOptions {
  bool cleaning_report = false;    // append what the cleaning stages changed
  int report_excerpt_chars = 120;  // longer before/after texts are cut
  // Word's character grid (w:type="linesAndChars") instead of a line grid;
  // exact in Word and WPS, but LibreOffice spreads the characters out.
  bool char_grid = false;
};

struct Body {
  std::string xml;
  bool uses_bullets = false;  // list items without a marker: needs numbering.xml
};

Body build_body(const Document& doc, const Preset& preset, const BodyOptions& opts);

}  // namespace docpipe::docx
