// Rows of the outline CSV and their RFC 4180 encoding, apart from the plugin
// so they are tested without a run.
#pragma once

#include <docpipe/model.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace csvout {

struct Options {
  int max_level = 9;            // deepest heading level listed
  bool escape_formulas = true;  // '=1+1' must not run as a formula in Excel
};

inline const std::vector<std::string> kHeader = {"source", "title",  "status", "block",
                                                 "level",  "marker", "heading"};

// One row per heading up to max_level; a document without headings (or one
// that failed) still gets one row, so every input is accounted for.
std::vector<std::vector<std::string>> outline_rows(const docpipe::Document& doc,
                                                   const std::string& status, const Options& opts);

// One CSV field: quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view value, bool escape_formulas);
// A CSV line ending in CRLF, as RFC 4180 and Excel expect.
std::string csv_line(const std::vector<std::string>& fields, bool escape_formulas);

}  // namespace csvout
