// read.pdf's layout rules on made-up lines (no PDF needed): wrapped lines
// joined, paragraphs split by short lines, indents, gaps and numbered
// headings, running heads and page numbers dropped with an edit each,
// headings by size and weight.
#include "pdf_layout.hpp"

#include <gtest/gtest.h>

using docpipe::BlockKind;
using docpipe::Document;
using namespace docpipe::readers::pdf;

namespace {

// A line of 10 pt text at the left margin (x 50), `chars` characters wide.
Line line(int page, double y, const std::string& text, double width_chars, double x0 = 50,
          double size = 10, bool bold = false) {
  Line l;
  l.page = page;
  l.x0 = x0;
  l.x1 = x0 + width_chars * size;
  l.y0 = y;
  l.y1 = y + size * 1.3;
  l.font_size = size;
  l.bold = bold;
  l.text = text;
  return l;
}

Page page_of(std::vector<Line> lines) {
  Page p;
  p.width = 600;
  p.height = 800;
  for (std::size_t i = 0; i < lines.size(); ++i) lines[i].index = static_cast<int>(i);
  p.lines = std::move(lines);
  return p;
}

std::vector<std::string> texts(const Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks) out.push_back(b.text);
  return out;
}

}  // namespace

TEST(PdfLayout, WrappedLinesJoinAndShortLinesEndParagraphs) {
  std::vector<Page> pages = {page_of({
      line(0, 100, "一年来，团区委在区委和团市委的正确领导下，全面贯彻落实", 50),
      line(0, 115, "党的十九大精神。", 8),
      line(0, 130, "一、坚持党建带团建", 10),
      line(0, 145, "会议强调了新时代下共青团工作的使命与责任，要求全体团干部", 50),
      line(0, 160, "切实把思想和行动统一到决策部署上来，确保各项工作落实到位。", 49.5),
      line(0, 175, "（二）抓好基层团组织规范化建设", 16),
  })};
  Document d;
  build_blocks(pages, d);
  EXPECT_EQ(texts(d), (std::vector<std::string>{
                          "一年来，团区委在区委和团市委的正确领导下，全面贯彻落实党的十九大精神。",
                          "一、坚持党建带团建",
                          "会议强调了新时代下共青团工作的使命与责任，要求全体团干部切实把思想和"
                          "行动统一到决策部署上来，确保各项工作落实到位。",
                          "（二）抓好基层团组织规范化建设"}));
  EXPECT_EQ(d.blocks[0].origin.locator, "page 1 line 1-2");
  for (const auto& b : d.blocks) EXPECT_EQ(b.origin.boundary, docpipe::Boundary::paragraph);
}

TEST(PdfLayout, IndentsGapsAndPagesDecideParagraphs) {
  std::vector<Page> pages = {
      page_of({line(0, 100, "第一段开头缩进两个字符，这一行排满了整个版心的宽度，没有结束", 48, 70),
               line(0, 115, "第一段的第二行也排满了整个版心的宽度，而且段落在下一页继续", 50),
               line(0, 150, "空行之后的第二段。", 50)}),
      page_of({line(1, 60, "接续上一页的文字，在这里结束。", 15),
               line(1, 75, "缩进开始的第三段。", 9, 70)}),
  };
  Document d;
  build_blocks(pages, d);
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[0].text,
            "第一段开头缩进两个字符，这一行排满了整个版心的宽度，没有结束"
            "第一段的第二行也排满了整个版心的宽度，而且段落在下一页继续");
  EXPECT_EQ(d.blocks[1].text, "空行之后的第二段。接续上一页的文字，在这里结束。");
  EXPECT_EQ(d.blocks[1].origin.locator, "page 1 line 3 to page 2 line 1");
  EXPECT_EQ(d.blocks[2].text, "缩进开始的第三段。");
}

TEST(PdfLayout, LatinWrapsKeepASpace) {
  std::vector<Page> pages = {
      page_of({line(0, 100, "The report was written", 50), line(0, 115, "in English.", 11)})};
  Document d;
  build_blocks(pages, d);
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].text, "The report was written in English.");
}

TEST(PdfLayout, HeadingsBySizeAndWeight) {
  std::vector<Page> pages = {page_of({
      line(0, 60, "某街道二〇二三年度工作总结", 13, 200, 22, true),
      line(0, 100, "正文第一段，字号与正文相同，不是标题。", 19),
      line(0, 130, "基层治理持续加强", 8, 50, 16, true),
      line(0, 160, "网格管理更加精细", 8, 50, 10, true),
      line(0, 175, "全街道划分网格48个，配备专职网格员96名。", 21),
  })};
  Document d;
  build_blocks(pages, d);
  ASSERT_EQ(d.blocks.size(), 5u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(d.blocks[0].origin.locator, "page 1 line 1 (prominent)");  // the title, before the body
  EXPECT_EQ(d.blocks[2].origin.locator, "page 1 line 3");              // a heading inside it
  EXPECT_EQ(d.blocks[1].kind, BlockKind::paragraph);
  EXPECT_EQ(d.blocks[2].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[2].level, 2);
  EXPECT_EQ(d.blocks[3].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[3].level, 3);
  EXPECT_EQ(d.blocks[4].kind, BlockKind::paragraph);
}

TEST(PdfLayout, RunningHeadsFeetAndPageNumbersAreDroppedWithEdits) {
  std::vector<Page> pages;
  for (int p = 0; p < 3; ++p)
    pages.push_back(
        page_of({line(p, 20, "共青团工作资料汇编（内部）", 13, 230, 9),
                 line(p, 100, "正文第" + std::to_string(p + 1) + "页的内容。", 9),
                 line(p, 760, "第 " + std::to_string(p + 1) + " 页 共 3 页", 9, 260, 9)}));
  Document d;
  drop_page_furniture(pages, d);
  d.attribute_to_stage({}, "read.pdf");
  for (const auto& p : pages) {
    ASSERT_EQ(p.lines.size(), 1u);
    EXPECT_NE(p.lines[0].text.find("正文"), std::string::npos);
  }
  ASSERT_EQ(d.edits.size(), 6u);
  int heads = 0, numbers = 0;
  for (const auto& e : d.edits) {
    EXPECT_EQ(e.stage, "read.pdf");
    EXPECT_TRUE(e.after.empty());
    heads += e.rule == "pdf.running_head";
    numbers += e.rule == "pdf.page_number";
  }
  EXPECT_EQ(heads, 3);
  EXPECT_EQ(numbers, 3);
}

TEST(PdfLayout, BodyLinesInTheMarginBandStayUnlessRepeated) {
  // The first body line of each page sits in the top band but differs from
  // page to page: it is text, not a running head.
  std::vector<Page> pages;
  for (int p = 0; p < 3; ++p)
    pages.push_back(page_of({line(p, 40,
                                  "第" +
                                      std::string(p == 0   ? "一"
                                                  : p == 1 ? "二"
                                                           : "三") +
                                      "页开头的正文，各页不同。",
                                  12)}));
  Document d;
  drop_page_furniture(pages, d);
  for (const auto& p : pages) EXPECT_EQ(p.lines.size(), 1u);
  EXPECT_TRUE(d.edits.empty());
}

TEST(PdfLayout, PageNumberShapes) {
  for (const char* s :
       {"3", "- 3 -", "第3页", "第 3 页 共 12 页", "3/12", "Page 3 of 12", "— 12 —"})
    EXPECT_TRUE(looks_like_page_number(s)) << s;
  for (const char* s : {"2023年", "一、总体情况", "3.5万人", "", "共青团"})
    EXPECT_FALSE(looks_like_page_number(s)) << s;
}

TEST(PdfLines, SpacesNextToChineseOnlyWhereTyped) {
  // Gaps as LibreOffice sets them at 12 pt: 2.7 pt of layout between "2023"
  // and "年", 3.7 pt where the text has a space.
  auto word = [](std::string t, double x0, double x1, bool space) {
    Word w;
    w.text = std::move(t);
    w.x0 = x0, w.x1 = x1, w.y0 = 100, w.y1 = 115.6;
    w.font_size = 12;
    w.space_after = space;
    return w;
  };
  auto lines = group_lines(
      0, {word("2023", 97.9, 124.66, true), word("年上半年工作总结", 127.4, 313.13, true),
          word("2020", 316.8, 343.56, true), word("年以来", 346.3, 382.3, true),
          word("Latin", 385, 410, true), word("words", 413, 440, false)});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "2023年上半年工作总结 2020年以来Latin words");
  EXPECT_EQ(lines[0].cells.size(), 1u);
  // A gap of more than 1.5 em starts a cell (a table column).
  lines = group_lines(0, {word("指标", 73.8, 97.8, false), word("目标", 223, 247, false)});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].cells.size(), 2u);
  EXPECT_EQ(lines[0].text, "指标 目标");
}
