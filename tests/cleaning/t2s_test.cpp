#include "t2s.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::T2sConverter;

namespace {
T2sConverter make() {
  return T2sConverter(env_for("clean.t2s"), params(docpipe::clean::kT2sSchema));
}
}  // namespace

TEST(T2s, MostlyTraditionalDocumentIsConverted) {
  auto doc = doc_of({"共青團區委堅持黨建帶團建,組織廣大團員青年深入學習。",
                     "開展團內評先評優,選樹各類青少年典型。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc),
            (std::vector<std::string>{"共青团区委坚持党建带团建,组织广大团员青年深入学习。",
                                      "开展团内评先评优,选树各类青少年典型。"}));
  EXPECT_TRUE(doc.has_flag("traditional_converted"));
  EXPECT_EQ(edits_with(doc, "t2s.convert"), 2u);
}

TEST(T2s, TraditionalQuotationInASimplifiedReportStays) {
  const std::vector<std::string> lines{
      "团区委组织青年参观纪念馆,馆内保存着当年的题词“為人民服務”,大家深受教育。",
      "今年以来,团区委坚持党建带团建,组织广大团员青年深入学习,开展志愿服务活动六十余场,"
      "服务群众三千余人次。"};
  auto doc = doc_of(lines);
  make().apply(doc);
  EXPECT_EQ(texts(doc), lines);
  EXPECT_FALSE(doc.has_flag("traditional_converted"));
}

TEST(T2s, SimplifiedDocumentMeasuresZero) {
  auto t = make();
  auto m = t.measure("团区委坚持党建带团建,著力提升组织力。");
  EXPECT_EQ(m.changed, 0u);
  EXPECT_GT(m.han, 10u);
  EXPECT_GT(t.measure("團區委堅持黨建帶團建").ratio(), 0.5);
}

TEST(T2s, ParticleZheAndPhraseFixesAfterConversion) {
  auto doc =
      doc_of({"隨著社區建設的推進,團員們發揚拚搏精神,擔任著重要角色,成效顯著,受到著名專家肯定。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc).front(),
            "随着社区建设的推进,团员们发扬拼搏精神,担任着重要角色,成效显著,受到著名专家肯定。");
  EXPECT_GE(edits_with(doc, "t2s.phrase"), 1u);
}

TEST(T2s, TaiwanUsageGetsTaiwanToMainlandPhrases) {
  auto doc = doc_of({"本校國中部學生利用網路平臺學習,並在專案中開發軟體,提升資訊素養。"});
  make().apply(doc);
  const std::string out = texts(doc).front();
  EXPECT_NE(out.find("网络"), std::string::npos) << out;
  EXPECT_NE(out.find("软件"), std::string::npos) << out;
  EXPECT_NE(out.find("项目"), std::string::npos) << out;
  EXPECT_TRUE(doc.has_flag("taiwan_vocabulary"));
  EXPECT_EQ(edits_with(doc, "t2s.taiwan"), 1u);
}

TEST(T2s, MainlandPageInTraditionalScriptKeepsMainlandWords) {
  auto doc = doc_of({"團縣委組織青年志願者支援災區重建,開展心理輔導和物資發放工作。"});
  make().apply(doc);
  EXPECT_EQ(texts(doc).front(), "团县委组织青年志愿者支援灾区重建,开展心理辅导和物资发放工作。");
  EXPECT_FALSE(doc.has_flag("taiwan_vocabulary"));
}
