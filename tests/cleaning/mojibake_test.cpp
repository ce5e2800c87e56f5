#include "mojibake.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::MojibakeRepairer;

namespace {
MojibakeRepairer make() {
  return MojibakeRepairer(env_for("clean.mojibake"), params(docpipe::clean::kMojibakeSchema));
}
}  // namespace

TEST(Mojibake, MonthDayNamesGetTheirMiddleDotBack) {
  auto doc = doc_of({"开展3?5学雷锋活动和6？1“六一”关爱行动,12?9纪念活动。"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, "开展3·5学雷锋活动和6·1“六一”关爱行动,12·9纪念活动。");
  EXPECT_EQ(edits_with(doc, "mojibake.middle_dot"), 3u);
  EXPECT_EQ(doc.edits[0].before, "3?5");
  EXPECT_EQ(doc.edits[0].after, "3·5");
  EXPECT_TRUE(doc.has_flag("mojibake"));
}

TEST(Mojibake, AmbiguousQuestionMarksAreKept) {
  const std::vector<std::string> lines{"比例为3?5", "共13?45人参加", "版本1.3?5次"};
  auto doc = doc_of(lines);
  make().apply(doc);
  EXPECT_EQ(texts(doc), lines);
  EXPECT_FALSE(doc.has_flag("mojibake"));
}

TEST(Mojibake, ReplacementCharactersAreReportedNotGuessed) {
  const std::string s = "团区委\xEF\xBF\xBD织开展活动";
  auto doc = doc_of({s});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, s);
  EXPECT_TRUE(doc.has_flag("mojibake"));
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_EQ(doc.diagnostics[0].level, docpipe::Level::warning);
}
