#include "watermark.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::WatermarkCleaner;

namespace {
WatermarkCleaner make(const nlohmann::json& j = nlohmann::json::object()) {
  return WatermarkCleaner(env_for("clean.watermark"), params(docpipe::clean::kWatermarkSchema, j));
}
}  // namespace

TEST(Watermark, RejoinsTheSentenceAStampSplit) {
  auto doc = doc_of({"一是建立服务基地。建立了以养老院 www.fanwen88.net",
                     "www.fanwen88.net、儿童福利院等为主要对象的服务基地。", "二是加强队伍建设。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{
                            "一是建立服务基地。建立了以养老院、儿童福利院等为主要对象的服务基地。",
                            "二是加强队伍建设。"}));
  EXPECT_EQ(edits_with(doc, "watermark.rejoin"), 2u);
  EXPECT_TRUE(doc.has_flag("watermark_removed"));
}

TEST(Watermark, OwnLineAndInlineStampsRemoved) {
  auto doc = doc_of({"全年开展活动 http://WWW.Wendang5.COM/ 三十余次。", "WWW.WENDANG5.COM",
                     "团员人数稳步增长。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"全年开展活动三十余次。", "团员人数稳步增长。"}));
  EXPECT_EQ(edits_with(doc, "watermark.line"), 1u);
}

TEST(Watermark, RealUrlInASentenceAboutAWebsiteStays) {
  const std::string s = "青年可登录团市委官网 www.youth-city.org.cn 报名参加志愿服务。";
  auto doc = doc_of({s, "报名截止时间为5月底。"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, s);
  EXPECT_FALSE(doc.has_flag("watermark_removed"));
  EXPECT_TRUE(doc.edits.empty());
}

TEST(Watermark, GovernmentSiteMentionedOnceStays) {
  const std::string s = "相关政策见www.gqt.gov.cn,各级团组织要认真学习。";
  auto doc = doc_of({s});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, s);
}

TEST(Watermark, KeepAndAlwaysListsFromParameters) {
  auto doc = doc_of({"团委工作 abc.com 成效明显。"});
  make({{"keep_domains", {"abc.com"}}}).apply(doc);
  EXPECT_EQ(doc.blocks[0].text, "团委工作 abc.com 成效明显。");
  auto doc2 = doc_of({"请登录网站 xyz.gov.cn 查看。"});
  make({{"watermark_domains", {"xyz.gov.cn"}}}).apply(doc2);
  EXPECT_EQ(doc2.blocks[0].text, "请登录网站查看。");
}

TEST(Watermark, NumbersAndEmailAreNotDomains) {
  const std::string s = "全年服务57.2万人次,来信请寄 tw@example.com。";
  auto doc = doc_of({s});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, s);
}

// Several stamps in one line, removed in one pass: the spaces around each
// go, one stays where Latin words would run together, and a line of
// thousands of stamps keeps its Chinese text (it was cut once per stamp).
TEST(Watermark, ManyStampsInALineRemovedWithTheirSpaces) {
  auto doc = doc_of({"开展 www.fanwen88.net 活动 A1 www.fanwen88.net B2 三十次 www.fanwen88.net",
                     "团员人数稳步增长。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc)[0], "开展活动 A1 B2 三十次");
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "团 www.fanwen88.net ";
  auto big = doc_of({many});
  make().apply(big);
  EXPECT_EQ(texts(big)[0], [] {
    std::string s;
    for (int i = 0; i < 20000; ++i) s += "团";
    return s;
  }());
}
