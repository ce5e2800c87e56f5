// The rule classes clean.boilerplate learned from real collected pages: each
// with a case that must be removed and a look-alike that must stay. The
// strings are made up in the shape of the noise, not copied from any page.
#include <gtest/gtest.h>

#include "boilerplate.hpp"
#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::BoilerplateCleaner;

namespace {

const std::string kBody =
    "今年以来,团镇委在镇党委和团县委的领导下,围绕中心工作,组织青年开展志愿服务活动四十余场,"
    "各项工作取得新的进展。";
const std::string kBody2 =
    "下半年,我们将继续加强基层团组织建设,推进青年之家阵地建设,做好团员发展和教育管理工作,"
    "不断提升服务青年的能力。";

BoilerplateCleaner make(const nlohmann::json& j = nlohmann::json::object()) {
  return BoilerplateCleaner(env_for("clean.boilerplate"),
                            params(docpipe::clean::kBoilerplateSchema, j));
}

std::vector<std::string> cleaned(const std::vector<std::string>& lines,
                                 const nlohmann::json& j = nlohmann::json::object()) {
  auto doc = doc_of(lines);
  make(j).apply(doc);
  return texts(doc);
}

}  // namespace

TEST(PageChrome, DocumentShareHeaderAndPageFooters) {
  auto doc =
      doc_of({"某镇团委2022年工作总结.doc",
              "贡献者：王某 文档编号：88120 上传时间：2023-05-06 格式：DOC 页数：6", "• 12",
              "• 约 3.1千字", "某镇团委2022年工作总结.doc_第1页", "第1页 / 共6页", kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, kBody2}));
  EXPECT_EQ(edits_with(doc, "boilerplate.page_meta"), 1u);
  EXPECT_EQ(edits_with(doc, "boilerplate.page_footer"), 1u);
  EXPECT_GE(edits_with(doc, "boilerplate.doc_share"), 3u);
  // The chrome named the shared file: its title is kept for the metadata
  // stage, the topmost naming of it.
  EXPECT_EQ(doc.source.properties["shared_file_title"], "某镇团委2022年工作总结");
}

TEST(PageChrome, ShareNoticeNamesTheSharedFile) {
  auto doc =
      doc_of({"《某县2023年政府工作报告(20240127).docx》由会员分享,可在线阅读,"
              "更多相关请在某某文库上搜索。",
              kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, kBody2}));
  EXPECT_EQ(doc.source.properties["shared_file_title"], "某县2023年政府工作报告(20240127)");
  // A page without such chrome names no file.
  auto plain = doc_of({kBody, kBody2});
  make().apply(plain);
  EXPECT_EQ(plain.source.properties.count("shared_file_title"), 0u);
}

TEST(PageChrome, PageFooterGluedInsideASentenceGoesAlone) {
  auto doc =
      doc_of({"团员青年走进社区,与老人们欢聚在一起第 2 页 共 5 页过节,送上慰问品和祝福。", kBody});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, "团员青年走进社区,与老人们欢聚在一起过节,送上慰问品和祝福。");
  EXPECT_EQ(edits_with(doc, "boilerplate.page_footer"), 1u);
}

TEST(PageChrome, PageWordsInTheBodyStay) {
  // "第3页" alone in a sentence is no footer; nor is a count of pages.
  std::vector<std::string> lines = {kBody, "会议材料共印制12页,请参会人员提前阅读第3页的议程安排。",
                                    kBody2};
  EXPECT_EQ(cleaned(lines), lines);
}

TEST(PageChrome, PreviewLimitSetsTruncatedEnd) {
  auto doc = doc_of({kBody, kBody2, "已阅读3页，还剩9页未读，继续免费阅读", "下载本文档"});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, kBody2}));
  EXPECT_TRUE(doc.has_flag("truncated_end"));
}

TEST(PageChrome, SignatureAfterAPaywallNoticeStays) {
  auto doc = doc_of(
      {kBody, kBody2, "免费预览已结束，下载全文请登录", "共青团某某镇委员会", "2022年12月28日"});
  make().apply(doc);
  EXPECT_EQ(texts(doc),
            (std::vector<std::string>{kBody, kBody2, "共青团某某镇委员会", "2022年12月28日"}));
  EXPECT_TRUE(doc.has_flag("truncated_end"));
}

TEST(PageChrome, PageMetaLinesOneOrSeveralLabels) {
  auto doc =
      doc_of({"团县委召开全委会议", "发布日期：2023-03-02  信息来源：团县委办公室  浏览次数：125",
              "【字号 大 中 小】【打印】", "作者：李某", kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"团县委召开全委会议", kBody, kBody2}));
  EXPECT_EQ(doc.metadata.page.published, "2023-03-02");
  EXPECT_EQ(doc.source.properties.at("page_source"), "团县委办公室");
}

TEST(PageChrome, IssuingBodyLabelGoesToProperties) {
  auto doc =
      doc_of({"• 发文机构：某某区人民政府某某街道办事处", "• 发布日期：2024-01-05", kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, kBody2}));
  EXPECT_EQ(doc.source.properties.at("page_organization"), "某某区人民政府某某街道办事处");
}

TEST(PageChrome, ALabelledLineWithASentenceIsContent) {
  // A label with a long value that is a sentence is the report speaking.
  std::vector<std::string> lines = {
      kBody, "来源：本次活动经费来源于区财政专项资金和社会捐助，全部用于困难青少年帮扶。", kBody2};
  EXPECT_EQ(cleaned(lines), lines);
}

TEST(PageChrome, ReportDateAtTheEndIsNotPageMeta) {
  std::vector<std::string> lines = {kBody, kBody2, "时间：2019年1月2日"};
  EXPECT_EQ(cleaned(lines), lines);
}

TEST(PageChrome, SeoIntroParagraphGoesWhole) {
  auto doc = doc_of(
      {"计划是对未来工作的安排,好的计划能让工作事半功倍。下面是小编为大家收集的团委工作计划，"
       "仅供参考，希望对你有所帮助。",
       kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, kBody2}));
  EXPECT_EQ(edits_with(doc, "boilerplate.seo_intro"), 1u);
}

TEST(PageChrome, SeoIntroGluedToTheBodyLeavesTheBody) {
  auto doc = doc_of({"本文为您整理了一篇述职报告范文，欢迎阅读借鉴！" + kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, kBody2}));
}

TEST(PageChrome, ReportThatRecommendsReadingStays) {
  // One weak marker in a real sentence is not an SEO intro.
  std::vector<std::string> lines = {
      "镇团委向全镇青年推荐优秀读物二十种,供大家阅读学习,引导青年多读书、读好书。", kBody, kBody2};
  EXPECT_EQ(cleaned(lines), lines);
}

TEST(PageChrome, SectionAndPieceLabels) {
  auto doc = doc_of({"【概述】", "导语：这是一份社区工作总结。", "篇一：社区2023年工作总结", kBody,
                     "篇二：社区2022年工作总结", kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc),
            (std::vector<std::string>{"这是一份社区工作总结。", "社区2023年工作总结", kBody}));
  EXPECT_TRUE(doc.has_flag("multi_doc"));
  EXPECT_EQ(edits_with(doc, "boilerplate.next_piece"), 2u);
}

TEST(PageChrome, PieceSuffixOnATitleLine) {
  auto doc = doc_of({"街道妇联2023年工作计划【第一篇】", kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, "街道妇联2023年工作计划");
}

TEST(PageChrome, BookPartsAreNotPieces) {
  // 第一篇 followed by a heading word (a book's part) is no piece label.
  std::vector<std::string> lines = {"第一篇 总论", kBody, "第二篇 分论", kBody2};
  auto doc = doc_of(lines);
  make().apply(doc);
  EXPECT_FALSE(doc.has_flag("multi_doc"));
  EXPECT_EQ(texts(doc), lines);
}

TEST(PageChrome, AntiScrapeJunkOnItsOwnAndInFront) {
  auto doc = doc_of({"% q3 R) k! 8# Z, p{ 社区志愿者上门为独居老人打扫卫生,陪老人聊天。",
                     "x7 F- j^ 2@ M. w5 r% L9", kBody});
  make().apply(doc);
  EXPECT_EQ(texts(doc),
            (std::vector<std::string>{"社区志愿者上门为独居老人打扫卫生,陪老人聊天。", kBody}));
  EXPECT_EQ(edits_with(doc, "boilerplate.scrape_junk"), 2u);
}

TEST(PageChrome, ShortLatinWordsAndFormulasStay) {
  std::vector<std::string> lines = {"活动采用 A B C D E 五个等级评分,其中 A 为优秀。",
                                    "Go to the top of it", kBody};
  EXPECT_EQ(cleaned(lines), lines);
}

TEST(PageChrome, SourceNoticeAfterTheLastSentenceGoesAlone) {
  auto doc =
      doc_of({kBody, "全年开展志愿服务活动120场，服务群众3万人次。本文来源：www.example.com"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks.back().text, "全年开展志愿服务活动120场，服务群众3万人次。");
}

TEST(PageChrome, BreadcrumbWithSiteAndDomain) {
  auto doc = doc_of({"青年范文库(www.example.cn)/范文大全/工作总结", "某某文库()/计划总结/团委工作",
                     kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, kBody2}));
}

TEST(PageChrome, BreadcrumbEndingInTheTitleAndTrailingSeparator) {
  auto doc =
      doc_of({"首页 > 公文写作 > 工作总结 > 某镇团委二〇二二年度工作总结与二〇二三年工作打算",
              "公文网>工作总结>团委工作>", kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, kBody2}));
}

TEST(PageChrome, SlashInAHeadingIsNoBreadcrumb) {
  std::vector<std::string> lines = {"2023/2024学年团委工作总结", kBody, kBody2};
  EXPECT_EQ(cleaned(lines), lines);
}

TEST(PageChrome, ForumAndWidgetScraps) {
  auto doc = doc_of({"设为首页收藏本站", "查看: 1024|回复: 3", "某县政府工作报告全文",
                     "• TA的每日心情", "难过", "前天 08:15", "• 签到天数: 12 天",
                     "发表于 2023-2-1 09:30:11 | 只看该作者", kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"某县政府工作报告全文", kBody, kBody2}));
}

TEST(PageChrome, ChromeInTraditionalScriptAfterConversion) {
  // clean.boilerplate runs after clean.t2s in base.yaml; this is the text it
  // sees of 發佈時間：2022-10-29 07:47:16 來源：某網.
  auto doc = doc_of({"发布时间：2022-10-29 07:47:16 来源：某网", kBody, kBody2});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, kBody2}));
  EXPECT_EQ(doc.metadata.page.published, "2022-10-29T07:47:16");
}

TEST(PageChrome, ChunkNumbersOfADocumentSharePage) {
  std::string chunk1 = "1、" + kBody + kBody2 + "团员青年参与率达到百分之九十以上,综合素";
  std::string chunk2 = "2、质明显提升。" + kBody + kBody2;
  auto doc = doc_of({chunk1, chunk2});
  make().apply(doc);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_NE(doc.blocks[0].text.find("综合素质明显提升"), std::string::npos);
  EXPECT_EQ(doc.blocks[0].text.rfind("1、", 0), std::string::npos);
}

TEST(PageChrome, RealNumberedItemsAreNotChunks) {
  std::vector<std::string> lines = {"1、" + kBody + kBody2, "2、" + kBody2 + kBody};
  EXPECT_EQ(cleaned(lines), lines);
}

TEST(PageChrome, OfficeExtendsTheRulesInYaml) {
  auto lines = cleaned({"本页由某某文秘中心整理", kBody, kBody2},
                       {{"extra_chrome_phrases", {"文秘中心整理"}}});
  EXPECT_EQ(lines, (std::vector<std::string>{kBody, kBody2}));
  auto inline_removed =
      cleaned({kBody + "【内部资料】", kBody2}, {{"extra_inline_patterns", {"【内部资料】"}}});
  EXPECT_EQ(inline_removed.front(), kBody);
}

TEST(PageChrome, ContactDetailsInAnOfficialNoticeStay) {
  std::vector<std::string> lines = {kBody, kBody2,
                                    "报名咨询电话：0551-12345678，邮箱：tuanwei@example.gov.cn。"};
  EXPECT_EQ(cleaned(lines), lines);
}

TEST(PageChrome, NewsLeadOfTheSiteItselfStays) {
  // 本站讯 opens a news story of the site itself: no SEO intro.
  std::vector<std::string> lines = {
      "本站讯（通讯员 王某）为深入推进青年志愿服务,10月30日,团委组织开展了志愿服务技能竞赛。",
      kBody, kBody2};
  EXPECT_EQ(cleaned(lines), lines);
}

TEST(PageChrome, TagListGluedAfterTheTitleLineGoes) {
  auto doc = doc_of({"某街道团工委2021年工作总结 标签:品德故事 党务工作 找工作", kBody});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, "某街道团工委2021年工作总结");
  EXPECT_EQ(edits_with(doc, "boilerplate.inline_tags"), 1u);
  // A sentence that speaks of labels keeps them.
  auto kept = cleaned({"我们为每个志愿者发放了标签：姓名和编号。", kBody});
  EXPECT_EQ(kept.front(), "我们为每个志愿者发放了标签：姓名和编号。");
}

TEST(PageChrome, AWordFilesKeywordAndDateLinesAreItsOwn) {
  auto doc = doc_of({"方言保护调研报告", "关键词：城市方言；方言保护；方言传承", kBody,
                     "时间：2019年1月2日", kBody2, "2019/1/2"});
  doc.source.format = "docx";
  make().apply(doc);
  std::string removed;
  for (const auto& e : doc.edits) removed += e.rule + ": " + e.before + "\n";
  EXPECT_EQ(doc.blocks.size(), 6u) << removed;
  EXPECT_EQ(edits_with(doc, "boilerplate.tags"), 0u);
  EXPECT_EQ(edits_with(doc, "boilerplate.timestamp"), 0u);
}
