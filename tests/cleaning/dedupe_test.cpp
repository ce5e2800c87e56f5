#include "dedupe.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::Deduplicator;

namespace {
Deduplicator make() {
  return Deduplicator(env_for("clean.dedupe"), params(docpipe::clean::kDedupeSchema));
}
const std::string kLead =
    "今年以来,团市委围绕中心、服务大局,紧扣青年需求,扎实推进各项工作,较好地完成了全年目标任务。";
}  // namespace

TEST(Dedupe, RepeatedTitleAndTeaserGo) {
  auto doc = doc_of({"某某团市委2021年工作总结", "今年以来,团市委围绕中心、服务大局,紧扣青年需…",
                     "某某团市委2021年工作总结", kLead, "一、主要工作"});
  make().apply(doc);
  EXPECT_EQ(texts(doc),
            (std::vector<std::string>{"某某团市委2021年工作总结", kLead, "一、主要工作"}));
  EXPECT_EQ(edits_with(doc, "dedupe.title"), 1u);
  EXPECT_EQ(edits_with(doc, "dedupe.teaser"), 1u);
  EXPECT_TRUE(doc.has_flag("duplicates_removed"));
}

TEST(Dedupe, TeaserWithAWrongLastWordStillMatches) {
  auto doc = doc_of({"今年以来,团市委围绕中心、服务大局,紧扣青年需要。", kLead});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{kLead}));
}

TEST(Dedupe, RedactedTitleCopyGoesTheFullOneStays) {
  auto doc =
      doc_of({"共青团**区委2021年上半年工作总结", "共青团东湖区委2021年上半年工作总结", kLead});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"共青团东湖区委2021年上半年工作总结", kLead}));
}

TEST(Dedupe, DifferentTitlesAndShortRepeatedHeadingsStay) {
  const std::vector<std::string> lines{
      "共青团东湖区委2021年工作总结",
      "共青团南湖区委2021年工作总结",
      "（一）工作措施",
      kLead,
      "（二）工作措施",
      "今年以来,团县委围绕乡村振兴开展工作,组织青年志愿者深入农村。"};
  auto doc = doc_of(lines);
  make().apply(doc);
  EXPECT_EQ(texts(doc), lines);
  EXPECT_FALSE(doc.has_flag("duplicates_removed"));
}

TEST(Dedupe, RepeatedParagraphGoes) {
  auto doc = doc_of({kLead, "一、主要工作", kLead + " "});
  make().apply(doc);
  EXPECT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(edits_with(doc, "dedupe.paragraph"), 1u);
}

TEST(Dedupe, TitleMatchingRules) {
  EXPECT_TRUE(
      Deduplicator::same_title("共青团XX区委2022年度工作总结", "共青团XX区委2022年度工作总结"));
  EXPECT_TRUE(Deduplicator::same_title("共青团**区委工作总结", "共青团南湖区委工作总结"));
  EXPECT_FALSE(Deduplicator::same_title("共青团**区委工作总结", "共青团南湖区委工作计划"));
  EXPECT_FALSE(Deduplicator::same_title("一、主要工作", "二、主要工作"));
}
