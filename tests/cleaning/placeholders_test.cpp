#include "placeholders.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::PlaceholderCounter;

namespace {
PlaceholderCounter make(const nlohmann::json& j = nlohmann::json::object()) {
  return PlaceholderCounter(env_for("clean.placeholders"),
                            params(docpipe::clean::kPlaceholdersSchema, j));
}
}  // namespace

TEST(Placeholders, AreCountedKeptAndFlagged) {
  const std::vector<std::string> lines{"共青团XX区委在xx区召开会议,学习***总书记讲话",
                                       "x月x日举行201x年度表彰,新建X个团支部,**同志发言"};
  auto doc = doc_of(lines);
  make().apply(doc);
  EXPECT_EQ(texts(doc), lines);
  EXPECT_TRUE(doc.edits.empty());
  EXPECT_TRUE(doc.has_flag("placeholders_present"));
  EXPECT_EQ(doc.metadata.extra["placeholders"], "7");
}

TEST(Placeholders, FindsEachShapeOnce) {
  auto p = make();
  EXPECT_EQ(p.find("x月x日"), (std::vector<std::string>{"x月x日"}));
  EXPECT_EQ(p.find("201x年"), (std::vector<std::string>{"201x"}));
  EXPECT_EQ(p.find("共XX人"), (std::vector<std::string>{"XX"}));
}

TEST(Placeholders, LatinWordsAndNumbersAreNotPlaceholders) {
  auto doc = doc_of({"开发了APP和Xbox游戏,采购x86服务器,2019年投入3×4米展板,Excel统计"});
  make().apply(doc);
  EXPECT_FALSE(doc.has_flag("placeholders_present"));
}

TEST(Placeholders, OfficePatterns) {
  auto doc = doc_of({"某某同志作报告"});
  make().apply(doc);
  EXPECT_FALSE(doc.has_flag("placeholders_present"));
  make({{"extra_patterns", {"某某"}}}).apply(doc);
  EXPECT_TRUE(doc.has_flag("placeholders_present"));
}
