#include "lines.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::LineCleaner;

namespace {
LineCleaner make(const nlohmann::json& j = nlohmann::json::object()) {
  return LineCleaner(env_for("clean.lines"), params(docpipe::clean::kLinesSchema, j));
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

// Pairs are found with the ")" that closes them: nested pairs both convert,
// an unclosed "(" stays, and a long line of unclosed ones is left as it is
// (each was scanned to the end of the line: 1 MB took minutes).
TEST(Lines, ParenthesesConvertOnlyAsClosedPairs) {
  auto l = make();
  EXPECT_EQ(l.fix_punct("团(甲(乙)丙)丁"), "团（甲（乙）丙）丁");
  EXPECT_EQ(l.fix_punct("团(甲(乙)丙"), "团(甲（乙）丙");
  EXPECT_EQ(l.fix_punct("团(甲)乙)"), "团（甲）乙)");
  EXPECT_EQ(l.fix_punct("团(2019)年"), "团(2019)年");
  std::string unclosed;
  for (int i = 0; i < 100000; ++i) unclosed += "(团";
  EXPECT_EQ(l.fix_punct(unclosed), unclosed);
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

namespace {
// Blocks as a Word document or an HTML page gives them: each its author's own
// paragraph (or <br> line).
docpipe::Document paragraphs_of(const std::vector<std::string>& lines,
                                docpipe::Boundary boundary = docpipe::Boundary::paragraph) {
  auto doc = doc_of(lines);
  for (auto& b : doc.blocks) b.origin.boundary = boundary;
  return doc;
}
}  // namespace

TEST(Lines, SeparateWordParagraphsStaySeparate) {
  // A keyword line, cover lines, captions and a couplet: each a paragraph of
  // its own in the source, though the hard-line rule would glue some.
  const std::vector<std::string> lines{
      "关键词：城市方言；方言保护；方言传承",
      "通过走访调查，我们了解到方言在青少年中的使用越来越少，这一现象值得关注",
      "图1 社区老人讲述方言故事",
      "图2 团队成员整理录音资料",
      "春风化雨育桃李，乡音绵长润人心",
      "薪火相传承文脉，方言常新话家园",
      "建筑1801 某某",
      "指导教师：某某"};
  for (auto boundary : {docpipe::Boundary::paragraph, docpipe::Boundary::line_break}) {
    auto doc = paragraphs_of(lines, boundary);
    make({{"fullwidth_punct", false}}).apply(doc);
    EXPECT_EQ(texts(doc), lines);
    EXPECT_EQ(edits_with(doc, "lines.join"), 0u);
  }
}

TEST(Lines, WordParagraphBrokenInsideAWordIsJoined) {
  auto doc = paragraphs_of({"问卷显示，年轻人接触方言的机会越来越少，网络成为他们主要的信息获取渠",
                            "道。多数受访者认为方言值得保护。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"问卷显示，年轻人接触方言的机会越来越少，网络成"
                                                  "为他们主要的信息获取渠道。多数受访者认为方言值"
                                                  "得保护。"}));
}

TEST(Lines, WordParagraphsPastedFromAPdfAreJoinedAtTheirWrapWidth) {
  // One paragraph a line, every line cut at the same width.
  auto doc =
      paragraphs_of({"今年以来，在上级团组织的正确领导下，我们紧紧围绕中心工作，认真",
                     "开展各项活动，团员青年的思想政治素质不断提高，组织建设得到进",
                     "一步加强，志愿服务活动广泛开展，取得了较好的社会效果和良好反", "响。"});
  make().apply(doc);
  ASSERT_EQ(doc.blocks.size(), 1u) << texts(doc)[0];
}

TEST(Lines, AShortLabelledLineIsNotJoinedEvenAsAHardLine) {
  const std::vector<std::string> lines{"关键词：城市方言；方言保护；方言传承",
                                       "方言是地域文化的重要载体，也是乡愁的寄托。"};
  auto doc = doc_of(lines);
  make({{"fullwidth_punct", false}}).apply(doc);
  EXPECT_EQ(texts(doc), lines);
}

TEST(Lines, SpacesThatSeparateNamesSlogansAndArticlesStay) {
  auto l = make();
  EXPECT_EQ(l.fix_spaces("赵胜博    王磊   李佳诚  胡冰倩"), "赵胜博 王磊 李佳诚 胡冰倩");
  EXPECT_EQ(l.fix_spaces("参加人员：赵胜博 王磊 李佳诚，共三人。"),
            "参加人员：赵胜博 王磊 李佳诚，共三人。");
  EXPECT_EQ(l.fix_spaces("彰显省会担当 我们怎么干"), "彰显省会担当 我们怎么干");
  EXPECT_EQ(l.fix_spaces("第一条 为规范团费收缴工作，制定本办法。"),
            "第一条 为规范团费收缴工作，制定本办法。");
}

TEST(Lines, SpacesInsideProseAndLetterSpacingGo) {
  auto l = make();
  EXPECT_EQ(l.fix_spaces("本次调 查走访了本镇各村，共发放问卷。"),
            "本次调查走访了本镇各村，共发放问卷。");
  EXPECT_EQ(l.fix_spaces("工 作 总 结"), "工作总结");
}

TEST(Lines, DatelineAndSpacedSpeakerLineStandAlone) {
  // A government work report's head: dateline, speaker, salutation. None of
  // them ends a sentence; none is a wrap.
  auto doc =
      doc_of({"——2022年2月8日在某县第五届人民代表大会第二次会议上", "某县人民政府县长  王  某",
              "各位代表:", "现在,我代表县人民政府,向大会报告工作,请予审议。"});
  make({{"fullwidth_punct", false}, {"spaces", false}}).apply(doc);
  EXPECT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(edits_with(doc, "lines.join"), 0u);
  // A long line broken mid-sentence after them is still joined.
  auto wrapped = doc_of({"——某某", "在县委的坚强领导下,全县上下攻坚克难、砥砺奋进,较好地完成了",
                         "各项目标任务,经济恢复趋稳向好。"});
  make({{"fullwidth_punct", false}, {"spaces", false}}).apply(wrapped);
  EXPECT_EQ(wrapped.blocks.size(), 2u);
}
