#include "pinyin.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::PinyinCleaner;

namespace {
PinyinCleaner make() {
  return PinyinCleaner(env_for("clean.pinyin"), params(docpipe::clean::kPinyinSchema));
}
}  // namespace

TEST(Pinyin, ToneMarkedAndNumberedGlossesRemoved) {
  auto doc = doc_of({"組(zǔ)織(zhī)廣大團(tuán)員", "全團(tuan2)帶隊(dui4)"});
  make().apply(doc);
  EXPECT_EQ(texts(doc), (std::vector<std::string>{"組織廣大團員", "全團帶隊"}));
  EXPECT_TRUE(doc.has_flag("pinyin_removed"));
  EXPECT_EQ(edits_with(doc, "pinyin.gloss"), 2u);
}

TEST(Pinyin, GlossNestedInRealBracketsKeepsTheBrackets) {
  auto doc = doc_of({"鄉鎮及村(社區(qū))團委書記"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, "鄉鎮及村(社區)團委書記");
}

TEST(Pinyin, RealParenthesesStay) {
  const std::vector<std::string> lines{"开发了青春APP(app)和小程序", "的(de)字", "表彰大会(2021)",
                                       "村(社区)团组织", "Hello (nǐ hǎo) world"};
  auto doc = doc_of(lines);
  make().apply(doc);
  EXPECT_EQ(texts(doc), lines);
  EXPECT_FALSE(doc.has_flag("pinyin_removed"));
}

TEST(Pinyin, GlossCutOffAtLineEndOnlyInGlossedDocuments) {
  auto doc = doc_of({"團(tuán)區(qū)委(wěi)精心指導(", "在團(tuán)市委指導下"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[0].text, "團區委精心指導");
  auto plain = doc_of({"参加座谈会的有团委("});
  make().apply(plain);
  EXPECT_EQ(plain.blocks[0].text, "参加座谈会的有团委(");
}
