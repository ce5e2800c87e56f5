// Text helpers for the DOCX body: making strings safe for XML, and reading
// the parts of a paragraph that the layout treats differently (a run-in
// heading, the organization and date of a signature).
#pragma once

#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/text.hpp>
#include <string>
#include <string_view>

namespace docpipe::docx {

// Drops what XML 1.0 cannot carry (C0 controls other than tab/newline,
// U+FFFE/U+FFFF) and replaces invalid UTF-8 with U+FFFD.
std::string xml_safe(std::string_view utf8);

// Width in body characters as a CJK layout measures it: CJK = 1, other = 1/2.
double display_chars(std::string_view utf8);

using docpipe::kit::run_in_heading_end;  // shared with the workbook's outline

struct SignatureLines {
  std::string organization;
  std::string date;  // as written, e.g. "2020年5月29日"; may be empty
};
// Splits "共青团西湖区委 2020年5月29日" into organization and the trailing date.
SignatureLines split_signature(std::string_view utf8);

// "2020-05-29" -> "2020年5月29日"; empty if the input is not YYYY-MM-DD.
std::string chinese_date(std::string_view iso);

}  // namespace docpipe::docx
