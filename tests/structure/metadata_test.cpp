#include <gtest/gtest.h>

#include <docpipe/text.hpp>

#include "metadata_rules.hpp"
#include "test_docs.hpp"

using namespace docpipe;
using namespace docpipe::structure;
using docpipe::structure::testing::doc_of;

namespace {

const MetadataExtractor& extractor() {
  static const MetadataExtractor x(MetadataConfig::from_data_dir(STRUCTURE_METADATA_DATA_DIR));
  return x;
}

}  // namespace

TEST(Period, Shapes) {
  PeriodParser p;
  auto a = p.parse("共青团XX区委2022年度工作总结");
  EXPECT_EQ(a.year, 2022);
  EXPECT_EQ(a.span, "annual");
  EXPECT_EQ(a.label, "2022年度");
  auto b = p.parse("2020年上半年工作总结");
  EXPECT_EQ(b.year, 2020);
  EXPECT_EQ(b.span, "H1");
  EXPECT_EQ(b.label, "2020年上半年");
  EXPECT_EQ(p.parse("团委下半年工作计划").span, "H2");
  EXPECT_EQ(p.parse("2021年第三季度工作总结").span, "Q3");
  auto m = p.parse("2021年5月份工作总结");
  EXPECT_EQ(m.span, "month");
  EXPECT_EQ(m.month, 5);
  auto u = p.parse("一年来,团区委在区委的领导下");
  EXPECT_FALSE(u.year);
  EXPECT_EQ(u.span, "annual");
  EXPECT_EQ(p.parse("2023XX团委关于上半年工作总结").year, 2023);
}

TEST(Period, NothingNamed) {
  PeriodParser p;
  auto x = p.parse("团区委工作汇报");
  EXPECT_FALSE(x.year);
  EXPECT_EQ(x.span, "unknown");
  EXPECT_FALSE(p.parse("组织12345人参加").year);  // not a year: too many digits
}

TEST(Period, Dates) {
  PeriodParser p;
  EXPECT_EQ(p.find_date("共青团西湖区委 2020年5月29日")->iso, "2020-05-29");
  EXPECT_EQ(p.find_date("二〇二〇年五月二十九日")->iso, "2020-05-29");
  EXPECT_EQ(p.find_date("2019年12月3日")->iso, "2019-12-03");
  EXPECT_FALSE(p.find_date("2020年上半年"));
  EXPECT_FALSE(p.find_date("x月x日"));
}

TEST(Redaction, Matching) {
  EXPECT_TRUE(is_redacted("共青团**区委2020年上半年工作总结"));
  EXPECT_TRUE(is_redacted("共青团XX区委"));
  EXPECT_FALSE(is_redacted("共青团西湖区委"));
  EXPECT_TRUE(
      matches_redacted("共青团**区委2020年上半年工作总结", "共青团西湖区委2020年上半年工作总结"));
  EXPECT_FALSE(
      matches_redacted("共青团**区委2020年上半年工作总结", "共青团西湖区委2021年上半年工作总结"));
  EXPECT_FALSE(matches_redacted("共青团西湖区委", "共青团西湖区委"));
}

TEST(Metadata, TitleMovedOutWithEdit) {
  auto d = doc_of({"共青团XX区委2022年度工作总结",
                   "2022年以来,共青团XX区委在区委区政府的坚强领导下,各项工作圆满完成。",
                   "一、持续深化思想引领"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.title, "共青团XX区委2022年度工作总结");
  EXPECT_EQ(d.metadata.organization, "共青团XX区委");
  EXPECT_EQ(d.metadata.doc_type, "工作总结");
  EXPECT_EQ(d.metadata.period.year, 2022);
  EXPECT_EQ(d.metadata.period.span, "annual");
  ASSERT_EQ(d.blocks.size(), 2u);
  ASSERT_EQ(d.edits.size(), 1u);
  EXPECT_EQ(d.edits[0].rule, "title.to_metadata");
  EXPECT_EQ(d.edits[0].before, "共青团XX区委2022年度工作总结");
}

TEST(Metadata, TitlelessReportGetsNoTitle) {
  auto d =
      doc_of({"一年来,团区委在区委和团市委的正确领导下,全面贯彻落实党的十九大精神,作出积极贡献。",
              "一、坚持党建带团建,夯实工作基础"});
  extractor().apply(d);
  EXPECT_FALSE(d.metadata.title);
  EXPECT_EQ(d.metadata.organization, "团区委");
  EXPECT_FALSE(d.metadata.period.year);
  EXPECT_EQ(d.metadata.period.span, "annual");
  EXPECT_EQ(d.metadata.doc_type, "工作总结");
  EXPECT_EQ(d.blocks.size(), 2u);
  EXPECT_TRUE(d.edits.empty());
}

TEST(Metadata, RedactedSiteTitleGivesWayToTheRealOne) {
  auto d = doc_of({"共青团**区委2020年上半年工作总结", "2020-10-21 00:32:44",
                   "共青团西湖区委2020年上半年工作总结 "
                   "2020年以来,共青团西湖区委在区委的领导下,现将工作情况汇报如下:",
                   "一、坚持青年为本。", "共青团西湖区委 2020年5月29日"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.title, "共青团西湖区委2020年上半年工作总结");
  EXPECT_EQ(d.metadata.organization, "共青团西湖区委");
  EXPECT_EQ(d.metadata.period.span, "H1");
  EXPECT_EQ(d.metadata.date, "2020-05-29");
  EXPECT_EQ(d.blocks.back().kind, BlockKind::signature);
  // The redacted line is dropped, the glued paragraph keeps its text.
  EXPECT_EQ(d.blocks[0].text, "2020-10-21 00:32:44");
  EXPECT_TRUE(text::starts_with(d.blocks[1].text, "2020年以来"));
}

TEST(Metadata, PageTitleWithoutSiteSuffix) {
  auto d = doc_of({"今年以来,团县委围绕中心、服务大局,积极开展各项工作。"});
  d.source.properties["html_title"] = "团县委2021年工作计划_某某范文网";
  extractor().apply(d);
  EXPECT_EQ(d.metadata.title, "团县委2021年工作计划");
  EXPECT_EQ(d.metadata.doc_type, "工作计划");
  EXPECT_EQ(d.blocks.size(), 1u);  // nothing in the body was the title
}

TEST(Metadata, DateInsideABodySentenceIsNotASignature) {
  auto d = doc_of({"团区委工作总结", "2020年1月10日,团区委正式启动春运志愿服务活动。"});
  extractor().apply(d);
  EXPECT_FALSE(d.metadata.date);
  EXPECT_NE(d.blocks.back().kind, BlockKind::signature);
}

TEST(Metadata, TwoLineSignature) {
  auto d = doc_of({"团县委2021年工作总结", "今年以来,团县委积极开展各项工作。", "共青团某某县委",
                   "二〇二一年十二月二十日"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.date, "2021-12-20");
  EXPECT_EQ(d.blocks[d.blocks.size() - 2].kind, BlockKind::signature);
  EXPECT_EQ(d.blocks.back().kind, BlockKind::signature);
}

TEST(Metadata, OrganizationShapes) {
  const auto& x = extractor();
  EXPECT_EQ(x.find_org("2023XX团委关于上半年工作总结"), "XX团委");
  EXPECT_EQ(x.find_org("2017年团区委上半年工作总结"), "团区委");
  EXPECT_EQ(x.find_org("今年以来,团县委按照县委县政府要求"), "团县委");
  EXPECT_FALSE(x.find_org("各项工作圆满完成"));
}

// --- Real-page kinds: titles with SEO additions, bodies by their core word.

TEST(Metadata, ReportTitleNearestTheBodyWithoutSeoAdditions) {
  auto d = doc_of({"团支部年度工作总结范文（精选6篇）", "团支部年度工作总结范文（精选6篇）",
                   "某某中学高一(3)班团支部年度工作总结",
                   "本学年,我班团支部在校团委的指导下,认真开展各项活动,团员意识明显增强。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.title, "某某中学高一(3)班团支部年度工作总结");
  ASSERT_EQ(d.blocks.size(), 1u);
}

TEST(Metadata, TitleSuffixesStripped) {
  auto one = [](const std::vector<std::string>& lines) {
    auto d = doc_of(lines);
    extractor().apply(d);
    return d.metadata.title.value_or("");
  };
  const std::string body = "一年来,在镇党委的领导下,镇团委围绕中心、服务大局,各项工作取得新成效。";
  EXPECT_EQ(one({"镇团委工作总结（通用9篇）", body}), "镇团委工作总结");
  EXPECT_EQ(one({"镇团委工作总结2", body}), "镇团委工作总结");
  EXPECT_EQ(one({"镇团委工作总结范文模板", body}), "镇团委工作总结");
  EXPECT_EQ(one({"镇团委工作总结.docx", body}), "镇团委工作总结");
  EXPECT_EQ(one({"[河南] 镇团委工作总结", body}), "镇团委工作总结");
  // A title that merely ends in a number that is part of it keeps it.
  EXPECT_EQ(one({"团县委2023年工作要点", body}), "团县委2023年工作要点");
}

TEST(Metadata, TitleSplitOverTwoLines) {
  auto d = doc_of({"**镇团委20xx年上半年", "工作总结",
                   "20xx年上半年,镇团委在镇党委的领导下,紧紧围绕中心工作开展各项活动。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.title, "**镇团委20xx年上半年工作总结");
  EXPECT_EQ(d.blocks.size(), 1u);
}

TEST(Metadata, NewsHeadlineWithoutDocumentType) {
  auto d = doc_of(
      {"青春建功新时代 团员争当排头兵",
       "近日,团县委组织全县百余名团员青年走进乡村,开展志愿服务和政策宣讲活动,受到群众好评。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.title, "青春建功新时代 团员争当排头兵");
}

TEST(Metadata, OrganizationByCoreWordAndName) {
  const auto& x = extractor();
  EXPECT_EQ(x.find_org("20xx年,桃源镇团委在镇党委的领导下"), "桃源镇团委");
  EXPECT_EQ(x.find_org("一年来,××镇妇联紧紧围绕中心工作"), "××镇妇联");
  EXPECT_EQ(x.find_org("现在,我代表某某县人民政府,向大会报告工作"), "某某县人民政府");
  EXPECT_EQ(x.find_org("今年以来,**街道团工委坚持"), "**街道团工委");
  // A bare core that needs a name (局, 办事处) is no body; nor are verbs.
  EXPECT_FALSE(x.find_org("各局积极配合,圆满完成任务"));
  // 在…的指导下 names the body that guides the writer, not the writer.
  EXPECT_FALSE(x.find_org("在上级团委的指导下"));
}

TEST(Metadata, TheBodyThatLeadsTheWriterIsNotTheWriter) {
  const auto& x = extractor();
  EXPECT_EQ(x.find_org("在团县委和学校党委的领导下,我校团委扎实开展工作"), "校团委");
  EXPECT_EQ(x.find_org("按照团市委的统一部署,某某镇团委开展了主题教育"), "某某镇团委");
  // Without a lead word before it the body is the writer.
  EXPECT_EQ(x.find_org("团县委在县委的领导下开展工作"), "团县委");
  // A pattern's match is passed by too, and the next name is taken.
  EXPECT_EQ(x.find_org("在共青团某某学院委员会的带领下,我大学生艺术团联合会承办了活动"),
            "大学生艺术团联合会");
}

TEST(Metadata, ANameStartsAfterTheClauseThatPlacesASpeech) {
  EXPECT_EQ(
      extractor().find_org("——2022年2月8日在某县第五届人民代表大会第二次会议上某县人民政府县长"),
      "某县人民政府");
}

TEST(Metadata, APatternsMatchRunningOverAStopWordIsNoName) {
  // 共青团…委 would reach from 共青团 over 工作在上级 to 团委.
  EXPECT_EQ(extractor().find_org("我校共青团工作在上级团委和学校党支部的正确领导下,校团委全体委员"),
            "校团委");
}

TEST(Metadata, ABareNameGivesWayToTheLongerOneThatStartsASentence) {
  auto d = doc_of({"妇联工作总结", "维护妇女合法权益是妇联的基本职能,我们始终放在首位。",
                   "区妇联高度重视维权工作,始终坚持一手抓发展、一手抓维权。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.organization, "区妇联");
  // 团委 -> 团市委: the text spells out the level.
  auto level = doc_of({"团委上半年工作总结", "上半年,各级团组织真抓实干,各项工作都有了新的突破。",
                       "加强思想道德建设。团市委认真贯彻文件精神,推动网上学习。"});
  extractor().apply(level);
  EXPECT_EQ(level.metadata.organization, "团市委");
  // Inside a sentence a longer name may be another body.
  auto other =
      doc_of({"团委工作总结", "本年度,团委开展了多项活动,我们还配合街道团委做好宣传工作。"});
  extractor().apply(other);
  EXPECT_EQ(other.metadata.organization, "团委");
}

TEST(Metadata, NewsOfAnEventHasNoReportingPeriod) {
  auto titled = doc_of({"学院团委组织开展2025年度团支部书记述职大会",
                        "学院团委于12月29日至30日组织召开年度团支书述职大会,全体团支书参加。"});
  extractor().apply(titled);
  EXPECT_EQ(titled.metadata.doc_type, "新闻报道");  // not a 述职报告
  EXPECT_FALSE(titled.metadata.period.year.has_value());
  EXPECT_EQ(titled.metadata.period.span, "unknown");
  auto untitled =
      doc_of({"为全面总结2023年工作, 1月23日上午,团某某市委召开2023年度基层团组织书记述职评议会。",
              "会上,各区团委书记进行了述职。"});
  extractor().apply(untitled);
  EXPECT_EQ(untitled.metadata.doc_type, "新闻报道");
  EXPECT_EQ(untitled.metadata.period.span, "unknown");
  // A year that opens the title (as the page gave it) dates the piece.
  auto dated = doc_of({"3月5日上午,某某社区组织开展学雷锋志愿服务活动,三十余名志愿者参加。"});
  dated.metadata.title = "2021年某某社区志愿服务简报(第3期)";
  extractor().apply(dated);
  EXPECT_EQ(dated.metadata.period.year, 2021);
  EXPECT_EQ(dated.metadata.period.span, "unknown");
}

TEST(Period, AYearInATitleThatNamesNoReportIsNoYearsReport) {
  auto piece = doc_of({"社区志愿者们每周走访孤寡老人,帮助打扫卫生、代购物品。"});
  piece.metadata.title = "2020年某某社区志愿者风采";  // as the page gave it
  extractor().apply(piece);
  EXPECT_EQ(piece.metadata.period.year, 2020);
  EXPECT_EQ(piece.metadata.period.span, "unknown");
  auto plan = doc_of({"社区2025工作计划", "为做好今年的社区工作,特制定本计划。"});
  extractor().apply(plan);
  EXPECT_EQ(plan.metadata.period.span, "annual");
}

TEST(Metadata, OrganizationAsTheReportWritesIt) {
  // The page title says 团区委; the opening names the body in full.
  auto d = doc_of(
      {"团区委2023年工作总结",
       "2023年,共青团某某市某某区委在区委的坚强领导下,围绕中心服务大局,各项工作取得新成效。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.organization, "共青团某某市某某区委");
}

TEST(Period, HalfYearWordsAndYearFromTheOpening) {
  PeriodParser p;
  EXPECT_EQ(p.parse("街道2022年半年度工作总结").span, "H1");
  EXPECT_EQ(p.parse("团支部本学年工作总结").span, "annual");
  auto d = doc_of({"街道团工委上半年工作总结",
                   "2015 年上半年,街道团工委按照工作主线深入开展各项工作,取得较好成效。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.period.year, 2015);
  EXPECT_EQ(d.metadata.period.span, "H1");
}

TEST(Metadata, SectionHeadingUnderTheTitleIsNoSecondTitle) {
  auto d = doc_of(
      {"2019年团校工作总结", "整体情况总结",
       "县第一中学团校本年度共举办培训四期,参训学员二百余人,课程涵盖团的基础知识和理想信念教育。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.title, "2019年团校工作总结");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].text, "整体情况总结");
}

TEST(Metadata, ShortFormGivesWayToTheNameTheTextGives) {
  auto d = doc_of({"2022年,我镇团委在镇党委的领导下,围绕中心工作,扎实推进各项工作。",
                   "XX镇团委下辖团支部26个,共有团员800余名,其中农村团员500余名。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.organization, "XX镇团委");
}

TEST(Metadata, NumericClosingDateWithOrWithoutALabel) {
  for (const char* line : {"2019/1/2", "2019.1.2", "时间： 2019/1/2", "日期:2019-01-02"}) {
    auto d = doc_of({"2018年团支部工作总结",
                     "一年来,团支部认真开展各项工作,组织生活规范有序,团员意识不断增强。", line});
    extractor().apply(d);
    EXPECT_EQ(d.metadata.date, "2019-01-02") << line;
  }
}

TEST(Metadata, AWordCoverPagesTitleIsFoundPastTheSchoolAbove) {
  auto d = doc_of({"某某职业技术学院", "暑期社会实践报告", "班级：建筑1801",
                   "本次实践我们走访了多个社区，了解了方言的使用情况，收获颇丰。"});
  d.blocks[0].origin.locator = "w:body/w:p[1] (prominent)";
  d.blocks[1].origin.locator = "w:body/w:p[2] (prominent)";
  extractor().apply(d);
  EXPECT_EQ(d.metadata.title, "暑期社会实践报告");
  auto e = doc_of({"关于方言传承的几点思考", "方言是地域文化的载体，我们应当珍视它，传承它。"});
  e.blocks[0].origin.locator = "w:body/w:p[1] (prominent)";
  extractor().apply(e);
  EXPECT_EQ(e.metadata.title, "关于方言传承的几点思考");
}

TEST(Period, AnEventDateInTheOpeningIsNoPeriod) {
  auto d = doc_of({"我于2011年6月参加工作，一直在团委从事青年工作，现将思想情况汇报如下。",
                   "一是加强理论学习。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.period.span, "unknown");
  EXPECT_FALSE(d.metadata.period.year.has_value());
}

TEST(Metadata, TheOpeningsShortNameGivesWayToTheTitlesFullOne) {
  auto d = doc_of({"街道共青团委2021年工作总结",
                   "今年来,我街道团委在街道党工委的领导下,围绕中心工作,扎实推进各项工作。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.organization, "街道共青团委");
}

namespace {

// A document-share page's text, with the shared file's name the chrome gave.
Document shared_file_page(const char* text, const char* file_title) {
  auto d = doc_of({text});
  if (*file_title) d.source.properties["shared_file_title"] = file_title;
  extractor().apply(d);
  return d;
}

constexpr const char* kGovReport =
    "某县2023年政府工作报告各位代表:现在,我代表某县人民政府,向大会作工作报告,请各位代表予以审议。";

}  // namespace

TEST(Metadata, ASharedFilesTitleGluedToItsTextIsPartedFromIt) {
  auto d = shared_file_page(kGovReport, "某县2023年政府工作报告(20240127)");
  EXPECT_EQ(d.metadata.title, "某县2023年政府工作报告");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].text,
            "各位代表:现在,我代表某县人民政府,向大会作工作报告,请各位代表予以审议。");
  // Collection labels and the title's copy between the title and the text go.
  auto labelled = shared_file_page(
      "街道创文工作总结精选3篇街道创文工作总结精选篇1近两年来,街道积极响应号召,"
      "连续三年将文明创建列为重点工作。",
      "街道创文工作总结精选3篇");
  EXPECT_EQ(labelled.metadata.title, "街道创文工作总结");
  EXPECT_EQ(labelled.blocks[0].text, "近两年来,街道积极响应号召,连续三年将文明创建列为重点工作。");
  // Without the shared file's name a glued line is left as it is.
  auto unnamed = shared_file_page(kGovReport, "");
  EXPECT_FALSE(unnamed.metadata.title.has_value());
  EXPECT_EQ(unnamed.blocks[0].text, kGovReport);
}

TEST(Metadata, ADatelineUnderTheTitleDatesTheReportAndTheSpeakerOpensIt) {
  auto d = doc_of({"2022年某县政府工作报告", "——2022年2月8日在某县第五届人民代表大会第二次会议上",
                   "某县人民政府县长 王某", "各位代表:",
                   "现在,我代表县人民政府,向大会报告工作,请予审议,并请县政协委员提出意见。"});
  extractor().apply(d);
  EXPECT_EQ(d.metadata.date, "2022-02-08");
  EXPECT_EQ(d.metadata.organization, "某县人民政府");
  // A dated sentence in the body is no dateline.
  auto body = doc_of({"2022年某县政府工作报告",
                      "2022年2月8日在县人民代表大会上,代表们审议通过了政府工作报告和各项决议。"});
  extractor().apply(body);
  EXPECT_FALSE(body.metadata.date.has_value());
}
