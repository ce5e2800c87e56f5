#include "csv_outline.hpp"

namespace csvout {

std::vector<std::vector<std::string>> outline_rows(const docpipe::Document& doc,
                                                   const std::string& status, const Options& opts) {
  const std::string title = doc.metadata.title.value_or("");
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.kind != docpipe::BlockKind::heading || b.level > opts.max_level) continue;
    rows.push_back({doc.source.path, title, status, std::to_string(i), std::to_string(b.level),
                    b.marker, b.text});
  }
  if (rows.empty()) rows.push_back({doc.source.path, title, status, "", "", "", ""});
  return rows;
}

std::string csv_field(std::string_view v, bool escape_formulas) {
  std::string s(v);
  // Spreadsheet programs run a cell that starts with = + - @ as a formula; a
  // leading apostrophe makes it text (OWASP "CSV injection").
  if (escape_formulas && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@'))
    s.insert(s.begin(), '\'');
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_line(const std::vector<std::string>& fields, bool escape_formulas) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i], escape_formulas);
  }
  out += "\r\n";
  return out;
}

}  // namespace csvout
