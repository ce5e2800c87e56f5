#include "lines.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::LineCleaner;

namespace {
LineCleaner make(const nlohmann::json& j = nlohmann::json::object()) {
  return LineCleaner(env_for("clean.lines"), params(j));
}
}  // namespace

TEST(Lines, HeadingRunTogetherWithItemIsSplit) {
  auto doc = doc_of({"三、明年工作打算 1、持续深化思想引领。组织开展主题团日活动。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"三、明年工作打算",
                                                  "1、持续深化思想引领。组织开展主题团日活动。"}));
  EXPECT_EQ(edits_with(doc, "lines.split_heading"), 2u);
}

TEST(Lines, TitleGluedToFirstParagraphIsSplit) {
  auto doc =
      doc_of({"某某团县委2021年工作总结 2021年以来,团县委紧紧围绕中心工作,扎实推进各项工作。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc),
            (std::vector<std::string>{"某某团县委2021年工作总结",
                                      "2021年以来，团县委紧紧围绕中心工作，扎实推进各项工作。"}));
}

TEST(Lines, SentencesWithSpacesAreNotSplit) {
  auto doc = doc_of({"1、召开“担当作为 我们怎么干”动员大会,部署全年工作。"});
  make({{"fullwidth_punct", false}, {"spaces", false}}).apply(doc);
  EXPECT_EQ(doc.blocks.size(), 1u);
}

TEST(Lines, LineBrokenMidSentenceIsJoined) {
  auto doc = doc_of({"二是加强队伍建设。成立了志愿者艺术团、应急", "志愿者等三支专业服务队伍。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc),
            (std::vector<std::string>{
                "二是加强队伍建设。成立了志愿者艺术团、应急志愿者等三支专业服务队伍。"}));
  EXPECT_EQ(edits_with(doc, "lines.join"), 2u);
}

TEST(Lines, HeadingsItemsAndSignaturesAreNotJoined) {
  const std::vector<std::string> lines{
      "（二）突出服务带动,志愿者工作影响力不断扩大", "一是建立服务基地,加强阵地建设。",
      "四、展望未来,开创共青团工作新局面", "站在新的历史起点上,团区委将继续努力",
      "共青团某某区委 2021年5月9日"};
  auto doc = doc_of(lines);
  make({{"fullwidth_punct", false}}).apply(doc);
  EXPECT_EQ(texts(doc), lines);
}

TEST(Lines, StraySpacesBetweenChineseGo) {
  auto l = make();
  EXPECT_EQ(l.fix_spaces("三、 着力夯实基础"), "三、着力夯实基础");
  EXPECT_EQ(l.fix_spaces("传达会议 精神。\u00a0 1月16日上午"), "传达会议精神。1月16日上午");
  EXPECT_EQ(l.fix_spaces("积极响应号召, 2020年1月"), "积极响应号召,2020年1月");
}

TEST(Lines, SpacesAroundLatinAndDigitsStay) {
  auto l = make();
  EXPECT_EQ(l.fix_spaces("共青团某某区委 2020年5月29日"), "共青团某某区委 2020年5月29日");
  EXPECT_EQ(l.fix_spaces("使用 Microsoft Word 编辑"), "使用 Microsoft Word 编辑");
  EXPECT_EQ(l.fix_spaces("团委\u00a0\u00a0 Office"), "团委 Office");
  EXPECT_EQ(l.fix_spaces("姓名\t 职务"), "姓名\t职务");
}

TEST(Lines, AsciiPunctuationBetweenChineseBecomesFullWidth) {
  auto l = make();
  EXPECT_EQ(l.fix_punct("团区委,团县委;少工委:发言?好!"), "团区委，团县委；少工委：发言？好！");
  EXPECT_EQ(l.fix_punct("乡镇及村(社区)团委"), "乡镇及村（社区）团委");
  // Between Chinese and a number too.
  EXPECT_EQ(l.fix_punct("响应号召,2020年1月10日起开展"), "响应号召，2020年1月10日起开展");
  EXPECT_EQ(l.fix_punct("参加120人,其中团员80人;另有"), "参加120人，其中团员80人；另有");
}

TEST(Lines, DigitsLatinUrlsAndLineStartMarkersUntouched) {
  auto l = make();
  for (const std::string s : {"(一)聚焦主责主业", "共1,000人", "见http://a.cn/x?y=1,z", "A,B两组",
                              "比分3:2。", "成立(2019)"})
    EXPECT_EQ(l.fix_punct(s), s);
}

TEST(Lines, UnnumberedTitleWithoutPunctuationIsNotJoined) {
  const std::vector<std::string> lines{"坚持党建带团建推动基层团组织建设",
                                       "今年以来,团县委坚持党建带团建,扎实推进基层组织建设。"};
  auto doc = doc_of(lines);
  make({{"fullwidth_punct", false}}).apply(doc);
  EXPECT_EQ(texts(doc), lines);
}
