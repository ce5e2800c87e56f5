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
