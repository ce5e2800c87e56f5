#include <gtest/gtest.h>

#include "outline_rules.hpp"
#include "test_docs.hpp"

using namespace docpipe;
using namespace docpipe::structure;
using docpipe::structure::testing::doc_of;
using docpipe::structure::testing::has_diagnostic;

TEST(Outline, LevelsFromMarkers) {
  auto d = doc_of({"一、坚持党建带团建,夯实工作基础", "(一)坚持党建带团建,加强团组织自身建设",
                   "一是召开了全委会议。会议强调了使命。",
                   "1、进一步加强青少年思想政治引领。开展夏令营活动。", "（1）组织集中培训"});
  build_outline(d);
  ASSERT_EQ(d.blocks.size(), 5u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(d.blocks[0].marker, "一、");
  EXPECT_EQ(d.blocks[1].level, 2);
  EXPECT_EQ(d.blocks[1].marker, "(一)");
  EXPECT_EQ(d.blocks[2].kind, BlockKind::paragraph);  // 一是… stays a paragraph
  EXPECT_EQ(d.blocks[3].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[3].level, 3);
  EXPECT_EQ(d.blocks[3].text,
            "1、进一步加强青少年思想政治引领。开展夏令营活动。");  // level 3 kept whole
  EXPECT_EQ(d.blocks[4].level, 4);
}

TEST(Outline, RunInHeadingSplitAtFirstFullStop) {
  auto d =
      doc_of({"一、上半年工作总结",
              "(一)聚焦主责主业,思想政治引领实现新提升。一是开展红色教育。二是抓实思想引领。"});
  auto st = build_outline(d);
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(st.run_in_splits, 1);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[1].text, "(一)聚焦主责主业,思想政治引领实现新提升。");
  EXPECT_EQ(d.blocks[2].kind, BlockKind::paragraph);
  EXPECT_EQ(d.blocks[2].text, "一是开展红色教育。二是抓实思想引领。");
  ASSERT_FALSE(d.edits.empty());  // the split is recorded
  EXPECT_EQ(d.edits[0].rule, "outline.run_in_heading");
}

TEST(Outline, NumberedSentencesInAListAreNotHeadings) {
  auto d = doc_of({"一、主要做法",
                   "我们主要开展了以下工作:", "1、组织团员青年开展学习活动,参与人数达500人;",
                   "2、举办了青年创业大赛。", "3、开展志愿服务。"});
  build_outline(d);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[2].kind, BlockKind::list_item);
  EXPECT_EQ(d.blocks[3].kind, BlockKind::list_item);
  EXPECT_EQ(d.blocks[4].kind, BlockKind::list_item);
  EXPECT_EQ(d.blocks[2].marker, "1、");
}

TEST(Outline, ClauseEndingInSemicolonIsAListItem) {
  auto d = doc_of({"二、工作成效", "1、新建团支部12个;"});
  build_outline(d);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::list_item);
}

TEST(Outline, OverlongFirstSentenceIsNotAHeading) {
  auto d =
      doc_of({"(二)组织全县团员开展网上学习青年大学习,组织联青服务站青年之家集中统一活动,"
              "邀请团市委副书记讲党课,举办主题活动,网上观看人数创历史新高,在全市排名第一位。"});
  build_outline(d);
  EXPECT_NE(d.blocks[0].kind, BlockKind::heading);
}

TEST(Outline, SkippedLevelIsAllowed) {
  auto d = doc_of({"一、坚持青年为本。", "1、开展志愿服务活动。为进一步发扬志愿精神,组织了活动。",
                   "2、服务生态文明建设。常态开展活动。", "二、坚定理想信念。"});
  auto st = build_outline(d);
  EXPECT_EQ(st.numbering_gaps, 0);
  EXPECT_EQ(d.blocks[1].level, 3);
  EXPECT_EQ(d.blocks[2].level, 3);
  EXPECT_FALSE(has_diagnostic(d, "outline numbering"));
}

TEST(Outline, NumberingGapIsReported) {
  auto d = doc_of({"一、甲工作", "二、乙工作", "四、丁工作"});
  auto st = build_outline(d);
  EXPECT_EQ(st.numbering_gaps, 1);
  EXPECT_TRUE(has_diagnostic(d, "四、 follows 二、 (expected 三、)"));
}

TEST(Outline, StyledHeadingKeepsKindAndGetsMarker) {
  auto d = doc_of({"（一）加强组织建设", "工作总结"});
  d.blocks[0].kind = BlockKind::heading;
  d.blocks[0].level = 1;
  d.blocks[1].kind = BlockKind::heading;
  d.blocks[1].level = 2;
  build_outline(d);
  EXPECT_EQ(d.blocks[0].level, 2);
  EXPECT_EQ(d.blocks[0].marker, "（一）");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[1].level, 2);
}

TEST(Outline, ItemRunIntoHeadingLineIsSplitOff) {
  auto d = doc_of({"四、下半年工作计划 1、进一步加强青少年思想政治引领。开展夏令营活动。"});
  build_outline(d);
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].text, "四、下半年工作计划");
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[1].level, 3);
  EXPECT_EQ(d.blocks[1].text, "1、进一步加强青少年思想政治引领。开展夏令营活动。");
}

// --- Real-page kinds: markdown, unnumbered section titles, run-together text.

namespace {
const char* const kLong =
    "围绕中心工作,组织团员青年参与社区治理、文明创建和志愿服务,全年开展各类活动六十余场,"
    "参与青年三千余人次。";

docpipe::structure::OutlineOptions with_boundaries() {
  docpipe::structure::OutlineOptions o;
  o.boundaries.heading_end_words = {"情况", "回顾", "措施"};
  o.boundaries.sentence_openers = {"为进一步", "近年来"};
  o.boundaries.continuing_chars = U"的和与及、，,";
  o.boundaries.announce_words = {"如下"};
  return o;
}
}  // namespace

TEST(Outline, MarkdownHeadingsLoseTheirMarks) {
  auto d = doc_of({"## 街道2024年工作计划", "### 工作目标", kLong, "### 一、主要任务", kLong});
  build_outline(d);
  EXPECT_EQ(d.blocks[0].text, "街道2024年工作计划");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[1].text, "工作目标");
  EXPECT_EQ(d.blocks[1].level, 1);
  EXPECT_EQ(d.blocks[3].level, 1);
  EXPECT_EQ(d.blocks[3].marker, "一、");
}

TEST(Outline, UnnumberedSectionTitlesInAnUnnumberedReport) {
  auto d =
      doc_of({kLong, "深化思想引领，筑牢信仰之基", kLong, "夯实基层基础，激发组织活力", kLong});
  build_outline(d);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[1].level, 1);
  EXPECT_EQ(d.blocks[3].kind, BlockKind::heading);
}

TEST(Outline, AnUnnumberedSectionTitleJustBeforeAPagesCut) {
  // The page was cut a few words into the section the title opens.
  auto d = doc_of({kLong, "“体制外”的20万和“体制内”的1.9万", "此消彼长的一对数据要"});
  build_outline(d);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::heading);
  // A short last line that ends a sentence is no cut fragment: the line
  // before it is no section title.
  auto whole = doc_of({kLong, "深化思想引领筑牢信仰之基", "特此报告。"});
  build_outline(whole);
  EXPECT_EQ(whole.blocks[1].kind, BlockKind::paragraph);
}

TEST(Outline, NumberedSentencesOneAfterAnotherAreAList) {
  // A Word or LibreOffice numbered list of sentences: all items, none a heading.
  auto d = doc_of({"一、主要做法", "1.认真学习党的二十大精神,组织专题学习十二次。",
                   "2.开展主题团日活动,覆盖全部基层团支部。",
                   "3.做好团员发展工作,全年发展团员六十名。", kLong});
  build_outline(d);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  for (std::size_t i = 1; i <= 3; ++i) EXPECT_EQ(d.blocks[i].kind, BlockKind::list_item) << i;
  // A numbered sentence with its section's body after it is a heading.
  auto titled =
      doc_of({"一、主要做法", "1.重视对基层干部的培训。", kLong, "2.建立健全工作机制。", kLong});
  build_outline(titled);
  EXPECT_EQ(titled.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(titled.blocks[3].kind, BlockKind::heading);
}

TEST(Outline, ShortLinesThatAreNotSectionTitles) {
  // A line cut inside a sentence, a roster label, a date, and every short
  // line of a report that numbers its sections stay paragraphs.
  auto d = doc_of(
      {kLong, "随着全镇经济社会的快速发展和", kLong, "成员名单：", kLong, "2023年12月", kLong});
  build_outline(d);
  for (const auto& b : d.blocks) EXPECT_EQ(b.kind, BlockKind::paragraph) << b.text;
  auto numbered = doc_of({"一、主要做法", kLong, "深化思想引领，筑牢信仰之基", kLong});
  build_outline(numbered);
  EXPECT_EQ(numbered.blocks[2].kind, BlockKind::paragraph);
}

TEST(Outline, HeadingsRunTogetherWithText) {
  auto d = doc_of(
      {"全年各项工作稳步推进。一、基本情况全镇共有团员一千二百余名,分布在三十个村和社区团支部,"
       "其中农村团员占六成。二、主要措施为进一步加强组织建设,镇团委开展了团组织规范化建设。"});
  auto st = build_outline(d, with_boundaries());
  (void)st;
  ASSERT_EQ(d.blocks.size(), 5u);
  EXPECT_EQ(d.blocks[0].text, "全年各项工作稳步推进。");
  EXPECT_EQ(d.blocks[1].text, "一、基本情况");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[2].text,
            "全镇共有团员一千二百余名,分布在三十个村和社区团支部,其中农村团员占六成。");
  EXPECT_EQ(d.blocks[3].text, "二、主要措施");
  EXPECT_EQ(d.blocks[4].text, "为进一步加强组织建设,镇团委开展了团组织规范化建设。");
}

TEST(Outline, EnumerationInsideASentenceStays) {
  // After a colon or a semicolon 一、二、 enumerate inside the sentence.
  const char* s =
      "会议对团支部书记提出三点要求:一、提高站位,当好引领者;二、加强沟通,善于总结;三、加强学习。";
  auto d = doc_of({kLong, s});
  build_outline(d, with_boundaries());
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[1].text, s);
}

TEST(Outline, InlineMarkerOutOfSequenceStays) {
  // 三、 after a sentence end, with no 一、 or 二、 before it, is no heading.
  const char* s = "活动分三个阶段进行。三、四月份完成摸底,五月份集中整改。";
  auto d = doc_of({s});
  build_outline(d, with_boundaries());
  ASSERT_EQ(d.blocks.size(), 1u);
}

TEST(Outline, FirstSectionAfterAnAnnouncement) {
  auto d = doc_of(
      {"今年以来,团县委围绕中心工作,扎实推进各项工作,现将工作情况报告如下:一、基本情况全县共有"
       "基层团组织三百余个,团员一万二千余名,分布在各乡镇和县直单位,团员结构不断优化。"});
  build_outline(d, with_boundaries());
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[1].text, "一、基本情况");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::heading);
}

TEST(Outline, ATableOfContentsIsDroppedNotReadAsHeadings) {
  auto d = doc_of({"目 录", "一、实践背景\t1", "二、实践过程……2", "三、实践收获\t3", "一、实践背景",
                   "本次实践走访了多个社区。", "二、实践过程", "团队分工协作。", "三、实践收获",
                   "收获颇丰。"});
  build_outline(d);
  ASSERT_EQ(d.blocks.size(), 6u);
  EXPECT_EQ(d.blocks[0].text, "一、实践背景");
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  std::size_t toc_edits = 0;
  for (const auto& e : d.edits) toc_edits += e.rule == "outline.toc";
  EXPECT_EQ(toc_edits, 4u);
}

TEST(Outline, ABundlesNumberedListWithPageNumbersIsAContentsList) {
  auto d =
      doc_of({"1.某局2023年上半年工作总结及下半年工作谋划 2", "2.某县财政局2023年上半年工作总结 10",
              "3.某镇2023年上半年工作总结 19", "某局2023年上半年工作总结及下半年工作谋划",
              "今年以来，某局坚持围绕中心工作，扎实推进各项任务。"});
  build_outline(d);
  ASSERT_EQ(d.blocks.size(), 2u);
  // Rows of a name and a count are no contents, nor numbers that go back.
  auto t = doc_of({"一中 120", "二中 135", "三中 150", "1、参加团员 300", "2、参加青年 200",
                   "3、服务群众 100"});
  build_outline(t);
  EXPECT_EQ(t.blocks.size(), 6u);
}
