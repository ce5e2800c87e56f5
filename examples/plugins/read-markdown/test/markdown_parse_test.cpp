// Unit tests of the Markdown parser: block kinds, levels, origins, tables,
// front matter, inline markup and the UTF-8 check.
#include "markdown_parse.hpp"

#include <cstdio>
#include <docpipe/error.hpp>
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

}  // namespace

int main() {
  using docpipe::BlockKind;
  const std::string md =
      "---\n"
      "title: \"2024年度工作总结\"\n"
      "organization: 某市档案局\n"
      "---\n"
      "# 一、基本情况\n"
      "\n"
      "全年完成**档案数字化**\n"
      "12万卷。\n"
      "\n"
      "## 二、主要做法\n"
      "- 建立制度\n"
      "  - 细化[流程](https://example.com)\n"
      "1. 加强培训\n"
      "\n"
      "| 指标 | 数量 |\n"
      "|---|---:|\n"
      "| 卷数 | 12 |\n"
      "\n"
      "三、下一步计划\n"
      "---\n";
  auto doc = mdread::parse_markdown(md);
  check_eq(doc.metadata.title.value_or(""), std::string("2024年度工作总结"), "front matter title");
  check_eq(doc.metadata.extra["organization"], std::string("某市档案局"), "front matter extra");
  check_eq(doc.blocks.size(), std::size_t(8), "block count");
  if (doc.blocks.size() == 8) {
    check_eq(doc.blocks[0].kind, BlockKind::heading, "h1 kind");
    check_eq(doc.blocks[0].level, 1, "h1 level");
    check_eq(doc.blocks[0].origin.line_start, 5, "h1 line");
    // Chinese lines join without a space; emphasis markers go.
    check_eq(doc.blocks[1].text, std::string("全年完成档案数字化12万卷。"), "paragraph join");
    check_eq(doc.blocks[1].origin.line_end, 8, "paragraph last line");
    check_eq(doc.blocks[2].level, 2, "h2 level");
    check_eq(doc.blocks[3].kind, BlockKind::list_item, "bullet kind");
    check_eq(doc.blocks[4].text, std::string("细化流程"), "link text kept, target dropped");
    check_eq(doc.blocks[4].level, 2, "nested bullet level");
    check_eq(doc.blocks[5].marker, std::string("1."), "ordered marker");
    check_eq(doc.blocks[5].text, std::string("1. 加强培训"), "ordered text");
    check_eq(doc.blocks[6].kind, BlockKind::table, "table kind");
    check_eq(doc.blocks[6].rows.size(), std::size_t(2), "table rows without separator");
    check_eq(doc.blocks[6].rows[1][0], std::string("卷数"), "table cell");
    // "---" under a paragraph line makes it a level-2 heading.
    check_eq(doc.blocks[7].kind, BlockKind::heading, "setext h2 kind");
    check_eq(doc.blocks[7].level, 2, "setext h2 level");
  }
  // Setext heading and a title taken from the first level-1 heading.
  auto doc2 = mdread::parse_markdown("总结\n===\n正文 text\nmore words\n");
  check_eq(doc2.metadata.title.value_or(""), std::string("总结"), "title from setext h1");
  check_eq(doc2.blocks.size(), std::size_t(2), "setext block count");
  if (doc2.blocks.size() == 2)
    check_eq(doc2.blocks[1].text, std::string("正文 text more words"), "latin join");
  bool threw = false;
  try {
    mdread::parse_markdown("\xB9\xA4\xD7\xF7");  // GBK bytes
  } catch (const docpipe::InputError&) {
    threw = true;
  }
  check_eq(threw, true, "non-UTF-8 input is an InputError");
  if (failures) std::fprintf(stderr, "%d failure(s)\n", failures);
  return failures ? 1 : 0;
}
