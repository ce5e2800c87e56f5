// Unit tests of the outline rows and the CSV encoding.
#include "csv_outline.hpp"

#include <cstdio>
#include <string>

namespace {

int failures = 0;

template <class A, class B>
void check_eq(const A& got, const B& want, const char* what) {
  if (!(got == want)) {
    std::fprintf(stderr, "FAIL %s\n", what);
    ++failures;
  }
}

docpipe::Block heading(int level, std::string marker, std::string text) {
  docpipe::Block b;
  b.kind = docpipe::BlockKind::heading;
  b.level = level;
  b.marker = std::move(marker);
  b.text = std::move(text);
  return b;
}

}  // namespace

int main() {
  docpipe::Document doc;
  doc.source.path = "in/a.md";
  doc.metadata.title = "总结";
  doc.blocks.push_back(heading(1, "一、", "一、基本情况"));
  doc.blocks.push_back(docpipe::Block{});  // a paragraph
  doc.blocks.push_back(heading(2, "（一）", "（一）做法"));
  doc.blocks.push_back(heading(3, "1.", "1. 细节"));

  auto rows = csvout::outline_rows(doc, "ok", {.max_level = 2, .escape_formulas = true});
  check_eq(rows.size(), std::size_t(2), "headings up to max_level");
  if (rows.size() == 2) {
    check_eq(rows[1][3], std::string("2"), "block index");
    check_eq(rows[1][6], std::string("（一）做法"), "heading text");
  }
  docpipe::Document empty;
  empty.source.path = "in/b.txt";
  check_eq(csvout::outline_rows(empty, "failed", {}).size(), std::size_t(1),
           "one row without headings");

  check_eq(csvout::csv_line({"a", "b,c", "say \"hi\"", "x\ny"}, true),
           std::string("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n"), "RFC 4180 quoting");
  check_eq(csvout::csv_field("=HYPERLINK(\"x\")", true), std::string("\"'=HYPERLINK(\"\"x\"\")\""),
           "formula escaped");
  check_eq(csvout::csv_field("-5", false), std::string("-5"), "formula escape off");
  if (failures) std::fprintf(stderr, "%d failure(s)\n", failures);
  return failures ? 1 : 0;
}
