#include <gtest/gtest.h>

#include "docpipe/text.hpp"
#include "figure_finder.hpp"
#include "test_docs.hpp"

using namespace docpipe;
using namespace docpipe::structure;

namespace {

const FigureFinder& finder() {
  static const FigureFinder f(FigureWords::from_file(STRUCTURE_FIGURES_DATA_FILE));
  return f;
}

const Metric* find_text(const std::vector<Metric>& ms, const std::string& t) {
  for (const auto& m : ms)
    if (m.text == t) return &m;
  return nullptr;
}

}  // namespace

TEST(Figures, MagnitudesDecimalsAndUnits) {
  auto ms = finder().find(
      "组织全县团员开展网上学习“青年大学习”57.2万人次,阅读量14.25万人次,新增关注用户数846人,"
      "岗位数1983个,发放贷款金额不低于83万元,共1,200名志愿者,平均年龄28.3岁,覆盖率达100%。");
  auto* a = find_text(ms, "57.2万人次");
  ASSERT_TRUE(a);
  EXPECT_DOUBLE_EQ(a->value, 572000);
  EXPECT_EQ(a->unit, "人次");
  ASSERT_TRUE(find_text(ms, "14.25万人次"));
  EXPECT_DOUBLE_EQ(find_text(ms, "14.25万人次")->value, 142500);
  EXPECT_DOUBLE_EQ(find_text(ms, "846人")->value, 846);
  EXPECT_EQ(finder().find("8.23万人次观看")[0].value, 82300);  // exact, no float residue
  EXPECT_DOUBLE_EQ(find_text(ms, "1983个")->value, 1983);
  auto* money = find_text(ms, "不低于83万元");
  ASSERT_TRUE(money);
  EXPECT_DOUBLE_EQ(money->value, 830000);
  EXPECT_EQ(money->unit, "元");
  EXPECT_EQ(money->attributes.at("qualifier"), "不低于");
  EXPECT_DOUBLE_EQ(find_text(ms, "1,200名")->value, 1200);
  EXPECT_DOUBLE_EQ(find_text(ms, "28.3岁")->value, 28.3);
  EXPECT_EQ(find_text(ms, "达100%")->unit, "%");
}

TEST(Figures, QualifiersAndChineseNumerals) {
  auto ms = finder().find(
      "组织300余名青年志愿者,开展各类活动近百项,近四成志愿者来自社会,组建了十四支突击队。");
  auto* a = find_text(ms, "300余名");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->attributes.at("qualifier"), "余");
  EXPECT_DOUBLE_EQ(a->value, 300);
  auto* b = find_text(ms, "近百项");
  ASSERT_TRUE(b);
  EXPECT_DOUBLE_EQ(b->value, 100);
  EXPECT_EQ(b->attributes.at("qualifier"), "近");
  ASSERT_TRUE(find_text(ms, "十四支"));
  EXPECT_DOUBLE_EQ(find_text(ms, "十四支")->value, 14);
  // An exact figure has an empty qualifier, so its JSON still has the key.
  EXPECT_EQ(find_text(ms, "十四支")->attributes.at("qualifier"), "");
}

TEST(Figures, YearsDatesAndOrdinalsAreNotFigures) {
  auto ms = finder().find(
      "2020年1月10日,召开了四届四次全委会议和第五次全体会议,学习党的十九大精神,"
      "在第57个学雷锋纪念日之际开展活动,文号团发〔2020〕12号。");
  EXPECT_TRUE(ms.empty()) << ms.front().text;
}

TEST(Figures, NamesInQuotesAndIdiomaticOneAreNotFigures) {
  auto ms =
      finder().find("开展了“五个一”活动,做到“两个维护”,组织了一次主题队课,每一个团支部都参加。");
  EXPECT_TRUE(ms.empty()) << ms.front().text;
}

TEST(Figures, NumbersInSetPhrasesAreNotFigures) {
  // 中央八项规定 is a name, not "8 项"; a real count of 项 beside it stays.
  auto ms = finder().find("严格落实中央八项规定精神,坚持四个自信,落实三会一课制度。");
  EXPECT_TRUE(ms.empty()) << ms.front().text;
  ms = finder().find("严格执行八项规定,全年完成八项任务。");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].text, "八项");
}

TEST(Figures, SentenceAndHeadingPath) {
  Document d = docpipe::structure::testing::doc_of({"一、上半年工作", "(一)强化舆论引导。",
                                                    "上半年推送内容161篇。阅读量14.25万人次。",
                                                    "二、下半年计划", "发放贷款不低于1000万元。"});
  d.blocks[0].kind = d.blocks[1].kind = d.blocks[3].kind = BlockKind::heading;
  d.blocks[0].level = d.blocks[3].level = 1;
  d.blocks[1].level = 2;
  finder().apply(d);
  ASSERT_EQ(d.metrics.size(), 3u);
  EXPECT_EQ(d.metrics[0].sentence, "上半年推送内容161篇。");
  EXPECT_EQ(d.metrics[1].sentence, "阅读量14.25万人次。");
  ASSERT_EQ(d.metrics[1].heading_path.size(), 2u);
  EXPECT_EQ(d.metrics[1].heading_path[1], "(一)强化舆论引导。");
  ASSERT_EQ(d.metrics[2].heading_path.size(), 1u);
  EXPECT_EQ(d.metrics[2].heading_path[0], "二、下半年计划");
  EXPECT_DOUBLE_EQ(d.metrics[2].value, 1e7);
  EXPECT_EQ(d.metrics[2].block, 4);
}

TEST(Figures, HeadingPathNamesAWholeItemHeadingByItsTitleOnly) {
  Document d = docpipe::structure::testing::doc_of(
      {"一、服务青年", "1、开展志愿服务活动。组织300余名青年志愿者参与。"});
  d.blocks[0].kind = d.blocks[1].kind = BlockKind::heading;
  d.blocks[0].level = 1;
  d.blocks[1].level = 3;
  finder().apply(d);
  ASSERT_EQ(d.metrics.size(), 1u);
  ASSERT_EQ(d.metrics[0].heading_path.size(), 2u);
  EXPECT_EQ(d.metrics[0].heading_path[1], "1、开展志愿服务活动。");
}

TEST(Figures, AHostileTextOfFiguresStopsAtTheLimitWithAWarning) {
  const FigureFinder capped(FigureWords::from_file(STRUCTURE_FIGURES_DATA_FILE), 50);
  std::string many;
  for (int i = 0; i < 400; ++i) many += "开展活动12场，参与青年300人次，";
  auto d = docpipe::structure::testing::doc_of({many, "服务群众8000余人。"});
  capped.apply(d);
  EXPECT_EQ(d.metrics.size(), 50u);
  EXPECT_TRUE(docpipe::structure::testing::has_diagnostic(d, "figures: stopped at 50 quantities"));
}

// A paragraph with no sentence end (broken or hostile text): each figure's
// sentence stops within a few hundred characters of it, at a clause mark,
// instead of being the whole paragraph (a 1 MB line took gigabytes).
TEST(Figures, SentenceOfAFigureInAParagraphWithoutSentenceEndsIsBounded) {
  std::string para;
  for (int i = 0; i < 3000; ++i)
    para += "今年以来，团区委组织开展志愿服务活动120场，参与青年3.5万人次，";
  const auto ms = finder().find(para);
  ASSERT_GE(ms.size(), 1000u);
  for (const auto& m : ms) {
    ASSERT_LE(m.sentence.size(), 1300u);
    ASSERT_NE(m.sentence.find(m.text), std::string::npos) << m.sentence;
    ASSERT_TRUE(docpipe::text::is_valid_utf8(m.sentence));
  }
  // Cut after a clause mark: the sentence starts with a whole clause.
  EXPECT_EQ(ms[500].sentence.rfind("今年以来", 0), 0u) << ms[500].sentence;
  // An ordinary sentence is still whole.
  const auto one = finder().find("上半年，全区共开展主题团日活动12场。下半年继续。");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].sentence, "上半年，全区共开展主题团日活动12场。");
}
