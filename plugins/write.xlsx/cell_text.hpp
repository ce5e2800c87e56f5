// Strings as a spreadsheet cell can hold them, and how wide they look.
#pragma once

#include <string>
#include <string_view>

namespace docpipe::xlsx {

// Excel's limit is 32,767 characters per cell; longer text is cut with "…".
inline constexpr std::size_t kMaxCellChars = 32000;

// Valid UTF-8 without the control characters XML cannot carry, cut to
// kMaxCellChars. libxlsxwriter copies bytes as given, so this is the only
// thing between a stray byte and a workbook Excel refuses to open.
std::string cell_text(std::string_view utf8);
// True when cell_text would return the text unchanged (one pass, no copy).
bool is_cell_safe(std::string_view utf8);

// Width in Excel column units: a CJK character (or full-width form) counts
// as two, everything else as one; the widest line of a multi-line text.
double display_width(std::string_view utf8);

}  // namespace docpipe::xlsx
