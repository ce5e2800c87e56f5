#include "boilerplate.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::BoilerplateCleaner;

namespace {

const std::string kBody =
    "2021年以来,团县委在县委和团市委的正确领导下,紧紧围绕中心工作,扎实推进各项工作,取得了明显成效,"
    "现将工作情况报告如下。";

BoilerplateCleaner make(const nlohmann::json& j = nlohmann::json::object()) {
  return BoilerplateCleaner(env_for("clean.boilerplate"),
                            params(docpipe::clean::kBoilerplateSchema, j));
}

}  // namespace

TEST(Boilerplate, HeadChromeGoesToPageMetadata) {
  auto doc = doc_of({"青年公文网", "首页 » 计划总结 » 团委工作 / 正文",
                     "发布时间：2021/03/05 08:12", "某某团县委2021年工作总结", kBody});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"某某团县委2021年工作总结", kBody}));
  EXPECT_EQ(doc.metadata.page.site, "青年公文网");
  EXPECT_EQ(doc.metadata.page.published, "2021-03-05T08:12:00");
  EXPECT_EQ(edits_with(doc, "boilerplate.breadcrumb"), 1u);
  EXPECT_EQ(edits_with(doc, "boilerplate.site_name"), 1u);
  EXPECT_EQ(edits_with(doc, "boilerplate.timestamp"), 1u);
  EXPECT_TRUE(doc.has_flag("boilerplate_removed"));
}

TEST(Boilerplate, LegitimateShortHeadingAtTopStays) {
  // Ends like a site name (之家) but nothing else on the page is chrome.
  auto doc = doc_of({"共青团青年之家", "工作总结", kBody});
  make().apply(doc);
  EXPECT_EQ(doc.blocks.size(), 3u);
  EXPECT_FALSE(doc.metadata.page.site);
  EXPECT_FALSE(doc.has_flag("boilerplate_removed"));
  EXPECT_TRUE(doc.edits.empty());
}

TEST(Boilerplate, BareDocumentDateAndSignatureStay) {
  auto doc = doc_of({"2021年12月30日", kBody, "共青团某某县委 2021年12月30日", "2021年12月30日"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks.size(), 4u);
}

TEST(Boilerplate, TailTagsAndSidebarWords) {
  auto doc =
      doc_of({kBody, "共青团某某县委 2021年12月30日", "标签：共青团\u00a0\u00a0 县委 | 工作计划",
              "上一篇：团委2020年工作要点", "站内搜索", "热门文章  最新文章",
              "Copyright © 2019 某某网 版权所有 京ICP备12345678号"});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, "共青团某某县委 2021年12月30日"}));
  EXPECT_EQ(doc.metadata.page.tags, (std::vector<std::string>{"共青团", "县委", "工作计划"}));
  EXPECT_EQ(edits_with(doc, "boilerplate.pager"), 1u);
  EXPECT_EQ(edits_with(doc, "boilerplate.navigation"), 2u);
  EXPECT_EQ(edits_with(doc, "boilerplate.copyright"), 1u);
}

TEST(Boilerplate, PaywallTailRemovedAndFlaggedTruncated) {
  auto doc =
      doc_of({kBody, kBody + "二", "免费预览已结束,获取完整版请联系。", "👉 ab12345 👈 立即领取"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks.size(), 2u);
  EXPECT_TRUE(doc.has_flag("truncated_end"));
  EXPECT_EQ(edits_with(doc, "boilerplate.paywall"), 1u);
  EXPECT_EQ(edits_with(doc, "boilerplate.paywall_tail"), 1u);
  bool evidence = false;
  for (const auto& d : doc.diagnostics)
    evidence |= d.message.find("免费预览已结束") != std::string::npos;
  EXPECT_TRUE(evidence);
}

TEST(Boilerplate, PaywallWordsInsideTheBodyStay) {
  std::vector<std::string> lines(12, kBody);
  lines[1] = "为方便群众,区团委在官网开设专栏,需要全文材料的团员可到团委办公室查阅。";
  auto doc = doc_of(lines);
  make({{"tail_lines", 3}}).apply(doc);
  EXPECT_EQ(doc.blocks.size(), 12u);
  EXPECT_FALSE(doc.has_flag("truncated_end"));
}

TEST(Boilerplate, ContactLineNeedsAnAccountOrEmoji) {
  auto doc = doc_of({kBody, "联系团委办公室了解详情。"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks.size(), 2u);
  auto doc2 = doc_of({kBody, "咨询请联系QQ 123456789"});
  make().apply(doc2);
  EXPECT_EQ(doc2.blocks.size(), 1u);
  EXPECT_EQ(edits_with(doc2, "boilerplate.contact"), 1u);
}

TEST(Boilerplate, OfficePatternsFromParameters) {
  auto doc = doc_of({kBody, "本文由某某文库整理发布"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks.size(), 2u);
  auto doc2 = doc_of({kBody, "本文由某某文库整理发布"});
  make({{"extra_patterns", {"^本文由.{1,12}整理"}}}).apply(doc2);
  EXPECT_EQ(doc2.blocks.size(), 1u);
  EXPECT_EQ(edits_with(doc2, "boilerplate.pattern"), 1u);
}

TEST(Boilerplate, LongLinesAreNeverChrome) {
  auto doc = doc_of({"首页 > 团委 > 要闻 " + kBody, kBody});
  make().apply(doc);
  EXPECT_EQ(doc.blocks.size(), 2u);
}

TEST(Boilerplate, TailTimestampAndSiteNameNeedTailChrome) {
  auto doc = doc_of(
      {kBody, "共青团某某县委 2021年12月30日", "发布时间：2022-01-04 09:30:00", "青年范文之家"});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kBody, "共青团某某县委 2021年12月30日"}));
  EXPECT_EQ(doc.metadata.page.published, "2022-01-04T09:30:00");
  EXPECT_EQ(doc.metadata.page.site, "青年范文之家");
  // Without other chrome the same last line is left alone.
  auto plain = doc_of({kBody, "青年范文之家"});
  make().apply(plain);
  EXPECT_EQ(plain.blocks.size(), 2u);
}

TEST(Boilerplate, WeakPaywallHintNeedsAContactLine) {
  // A real closing sentence of a notice that mentions the full version.
  auto doc = doc_of({kBody, "请各单位于月底前报送完整版材料。"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks.size(), 2u);
  EXPECT_FALSE(doc.has_flag("truncated_end"));
  auto ad = doc_of({kBody, "获取全文及原创代写服务", "微信：abc_12345 😀"});
  make().apply(ad);
  EXPECT_EQ(ad.blocks.size(), 1u);
  EXPECT_TRUE(ad.has_flag("truncated_end"));
}

TEST(Boilerplate, SpamInjectedIntoAHijackedPageGoes) {
  auto doc = doc_of({"国产一级a片免费看高清,亚洲熟女中文字幕在线视频,黄三级高清在线播放",
                     "某某街道团工委工作总结", kBody});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"某某街道团工委工作总结", kBody}));
  EXPECT_EQ(edits_with(doc, "boilerplate.spam"), 1u);
  // One such word alone is no spam: a report may warn against gambling.
  auto warning = doc_of({"开展禁毒和反赌博宣传,提醒青少年远离网上赌场", kBody});
  make().apply(warning);
  EXPECT_EQ(warning.blocks.size(), 2u);
  // An office's own words count too.
  auto office = doc_of({"某某娱乐注册送彩金,某某娱乐开户即送", kBody});
  make({{"extra_spam_phrases", {"注册送彩金", "开户即送"}}}).apply(office);
  EXPECT_EQ(texts(office), (std::vector<std::string>{kBody}));
}
