#include <gtest/gtest.h>

#include <docpipe/error.hpp>
#include <filesystem>
#include <fstream>

#include "glossary.hpp"

using namespace docpipe;
using docpipe::terms::Glossary;

namespace {
Document doc_of(std::vector<std::string> texts) {
  Document d;
  for (auto& t : texts) {
    Block b;
    b.kind = BlockKind::paragraph;
    b.text = std::move(t);
    d.blocks.push_back(std::move(b));
  }
  return d;
}
}  // namespace

TEST(Glossary, ReplacesLongestFirstInOnePass) {
  Glossary g;
  g.add("国家林业局", "国家林业和草原局");
  g.add("林业局", "林草局");
  g.add("A", "B");
  g.add("B", "C");  // a replacement is not replaced again
  EXPECT_EQ(g.replace("国家林业局和县林业局"), "国家林业和草原局和县林草局");
  EXPECT_EQ(g.replace("AB"), "BC");
}

TEST(Glossary, LeavesAnOldNameInsideItsNewName) {
  Glossary g;
  g.add("团委", "共青团委员会");
  EXPECT_EQ(g.replace("团委和共青团委员会"), "共青团委员会和共青团委员会");
}

TEST(Glossary, RecordsOneEditPerTermAndBlock) {
  Glossary g;
  g.add("国家工商行政管理总局", "国家市场监督管理总局");
  g.add("微信公众号", "微信公众平台");
  auto d = doc_of({"配合国家工商行政管理总局,通过微信公众号和微信公众号发布。", "无关段落。"});
  g.apply(d);
  d.attribute_to_stage({}, "clean.terms");
  EXPECT_EQ(d.blocks[0].text, "配合国家市场监督管理总局,通过微信公众平台和微信公众平台发布。");
  EXPECT_EQ(d.blocks[1].text, "无关段落。");
  ASSERT_EQ(d.edits.size(), 2u);
  EXPECT_EQ(d.edits[0].rule, "term: 国家工商行政管理总局 → 国家市场监督管理总局");
  EXPECT_EQ(d.edits[0].stage, "clean.terms");
  EXPECT_EQ(d.edits[1].rule, "term: 微信公众号 → 微信公众平台");
  EXPECT_EQ(d.edits[1].after, d.blocks[0].text);
  EXPECT_EQ(d.edits[1].before, d.edits[0].after);
}

TEST(Glossary, ReadsFilesAndNamesTheBadLine) {
  auto dir = std::filesystem::temp_directory_path() / "docpipe-terms-test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "good.txt") << "# office terms\n\n老名称 => 新名称\n";
    std::ofstream(dir / "bad.txt") << "老名称 => 新名称\n没有箭头\n";
  }
  Glossary g;
  g.add_file(TERMS_GLOSSARY_FILE);  // the shipped one: comments only
  EXPECT_EQ(g.size(), 0u);
  g.add_file(dir / "good.txt");
  EXPECT_EQ(g.replace("老名称"), "新名称");
  try {
    g.add_file(dir / "bad.txt");
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt:2: expected 'old => new'"), std::string::npos)
        << e.what();
  }
  std::filesystem::remove_all(dir);
}
