// read.docx on a Chinese report made with python-docx and edited the way
// Chinese Word writes it (fixtures/make_docx_fixtures.py), on corrupt
// packages, and on the real files of the docx-dev corpus.
#include <gtest/gtest.h>

#include <docpipe/error.hpp>

#include "docx_numbering.hpp"
#include "docx_parse.hpp"
#include "fixture_util.hpp"

using namespace readers_test;
using docpipe::BlockKind;
using docpipe::readers::parse_docx;

namespace {

docpipe::Document read_fixture(const std::string& name) {
  auto p = fixture(name);
  return parse_docx(p, slurp(p));
}

std::string error_of(const std::string& name) {
  try {
    read_fixture(name);
  } catch (const docpipe::InputError& e) {
    return e.what();
  }
  return "";
}

const docpipe::Block* find_block(const docpipe::Document& d, const std::string& text) {
  for (const auto& b : d.blocks)
    if (b.text == text) return &b;
  return nullptr;
}

TEST(DocxReader, HeadingsByStyleNameNotStyleId) {
  auto doc = read_fixture("numbered-report.docx");
  // Style ids are "a3", "1", "2" as Chinese Word writes them.
  auto* title = find_block(doc, "共青团某区委2023年工作总结");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->kind, BlockKind::heading);
  auto* h1 = find_block(doc, "一、加强思想政治引领");
  ASSERT_NE(h1, nullptr) << "chineseCounting %1、 not rendered";
  EXPECT_EQ(h1->kind, BlockKind::heading);
  EXPECT_EQ(h1->level, 1);
  EXPECT_EQ(h1->marker, "一、");
  auto* h2 = find_block(doc, "（二）创新宣传方式");
  ASSERT_NE(h2, nullptr);
  EXPECT_EQ(h2->level, 2);
  EXPECT_EQ(h2->marker, "（二）");
}

TEST(DocxReader, NumberingCountsAndRestarts) {
  auto doc = read_fixture("numbered-report.docx");
  EXPECT_NE(find_block(doc, "二、服务青年成长发展"), nullptr);
  // The level-2 counter restarts under the second level-1 heading.
  EXPECT_NE(find_block(doc, "（一）助力青年就业"), nullptr);
  auto* item = find_block(doc, "2.打造青年宣讲团。");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->marker, "2.");
}

TEST(DocxReader, TrackedChangesAcceptedAndFieldResultsKept) {
  auto doc = read_fixture("numbered-report.docx");
  // w:ins "8场" kept, w:del "5场" dropped, MERGEFIELD code hidden, result kept.
  EXPECT_NE(find_block(doc, "举办招聘会8场，提供岗位3000余个。"), nullptr);
  for (const auto& b : doc.blocks) {
    EXPECT_EQ(b.text.find("5场"), std::string::npos);
    EXPECT_EQ(b.text.find("MERGEFIELD"), std::string::npos);
  }
  EXPECT_NE(find_block(doc, "加强青少年权益保护。"), nullptr) << "w:sdt content lost";
}

TEST(DocxReader, TableWithMergedCells) {
  auto doc = read_fixture("numbered-report.docx");
  const docpipe::Block* table = nullptr;
  for (const auto& b : doc.blocks)
    if (b.kind == BlockKind::table) table = &b;
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 4u);
  EXPECT_EQ(table->rows[0], (std::vector<std::string>{"项目", "2022年", "2023年"}));
  EXPECT_EQ(table->rows[1][0], "志愿服务");
  // vMerge continuation: empty, the text belongs to the cell above.
  EXPECT_EQ(table->rows[2], (std::vector<std::string>{"", "820名", "903名"}));
  // gridSpan 2: the text, then an empty spanned column.
  EXPECT_EQ(table->rows[3], (std::vector<std::string>{"合计说明", "数据截至12月", ""}));
}

TEST(DocxReader, CorePropertiesAreSourceEvidenceOnly) {
  auto doc = read_fixture("numbered-report.docx");
  EXPECT_EQ(doc.source.properties["title"], "元数据标题（不可信）");
  EXPECT_EQ(doc.source.properties["creator"], "团区委办公室");
  EXPECT_FALSE(doc.metadata.title.has_value());
  EXPECT_EQ(doc.source.format, "docx");
}

TEST(DocxReader, CorruptInputsGiveClearErrorsNamingTheFile) {
  struct Case {
    const char* file;
    const char* says;
  } cases[] = {
      {"truncated.docx", "not a readable DOCX"},
      {"invalid-xml.docx", "word/document.xml is not well-formed XML"},
      {"no-document.docx", "has no word/document.xml"},
      {"bomb.docx", "zip bomb"},
      {"legacy.doc.docx", "legacy Word .doc"},
      {"empty.txt", "empty file"},
      {"junk.bin.txt", "not a DOCX"},
  };
  for (const auto& c : cases) {
    std::string e = error_of(c.file);
    EXPECT_NE(e.find(c.file), std::string::npos) << c.file << ": " << e;
    EXPECT_NE(e.find(c.says), std::string::npos) << c.file << ": " << e;
  }
}

TEST(DocxReader, LockFileIsSkippedNotFailed) {
  std::string e = error_of("~$mbered-report.docx");
  EXPECT_TRUE(e.starts_with("skipped:")) << e;
}

TEST(DocxReader, CompressionRatioLimitIsAParameter) {
  docpipe::readers::ZipLimits tight;
  tight.max_entry_bytes = 1 << 20;  // 1 MiB: the fixture's parts are far smaller
  auto p = fixture("numbered-report.docx");
  EXPECT_NO_THROW(parse_docx(p, slurp(p), tight));
  tight.max_total_bytes = 1000;
  EXPECT_THROW(parse_docx(p, slurp(p), tight), docpipe::InputError);
}

TEST(DocxNumbering, Formats) {
  using docpipe::readers::format_number;
  EXPECT_EQ(format_number(1, "chineseCounting"), "一");
  EXPECT_EQ(format_number(10, "chineseCounting"), "十");
  EXPECT_EQ(format_number(12, "chineseCounting"), "十二");
  EXPECT_EQ(format_number(20, "chineseCounting"), "二十");
  EXPECT_EQ(format_number(105, "chineseCounting"), "一百零五");
  EXPECT_EQ(format_number(4, "upperRoman"), "IV");
  EXPECT_EQ(format_number(28, "lowerLetter"), "bb");
  EXPECT_EQ(format_number(3, "decimalEnclosedCircle"), "③");
  EXPECT_EQ(format_number(2, "ideographTraditional"), "乙");
  EXPECT_EQ(format_number(12, "taiwaneseCountingThousand"), "十二");
  EXPECT_EQ(format_number(7, "decimal"), "7");
}

// The same kind of report as LibreOffice writes it
// (fixtures/make_libreoffice_docx.sh from libreoffice-report.fodt).
TEST(DocxLibreOffice, HeadingsNumberingTableAndTrackedChanges) {
  auto doc = read_fixture("libreoffice-report.docx");
  std::vector<std::string> expected = {
      "某街道2023年工作总结",
      "2023年，街道党工委围绕中心、服务大局，扎实推进各项工作取得新成效。",  // insertion kept,
                                                                             // deletion gone
      "一、加强基层治理",  // taiwaneseCountingThousand + "%1、"
      "（一）完善网格管理", "全街道划分网格48个，配备专职网格员96名，全年处置各类事件3210件。",
      "（二）化解矛盾纠纷", "1.排查矛盾纠纷215起，化解率达到98.6%。", "2.开展法治宣传活动36场。",
      "二、改善民生服务",
      "（一）就业与社会保障",  // level 2 restarts under the new level 1
      "主要指标完成情况见下表。",
      "",                // the table
      "下一步工作打算",  // 一级标题, derived from Heading 1: a heading, no number
      "下一步，街道将继续提升治理和服务水平。"};
  auto texts = block_texts(doc);
  ASSERT_EQ(texts.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    if (!expected[i].empty()) {
      EXPECT_EQ(texts[i], expected[i]) << "block " << i;
    }
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);  // the Title style
  EXPECT_EQ(doc.blocks[2].level, 1);
  EXPECT_EQ(doc.blocks[2].marker, "一、");
  EXPECT_EQ(doc.blocks[3].level, 2);
  EXPECT_EQ(doc.blocks[12].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[12].level, 1);
  EXPECT_EQ(doc.blocks[12].marker, "");
  const auto& table = doc.blocks[11];
  ASSERT_EQ(table.kind, BlockKind::table);
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[1], (std::vector<std::string>{"城镇新增就业", "1200人", "1350人"}));
  EXPECT_EQ(table.rows[2][0], "新建社区食堂（合计）");  // gridSpan 2
  EXPECT_EQ(table.rows[2].back(), "4个");
  std::string body = doc.body_text();
  EXPECT_EQ(body.find("草稿"), std::string::npos) << "tracked deletion read as text";
  EXPECT_EQ(body.find("内部资料"), std::string::npos) << "page header read as body";
}

// Every real DOCX of the dev corpus reads or fails with InputError: no crash,
// no other exception.
TEST(DocxCorpus, EveryFileReadsOrFailsCleanly) {
  // ../shared beside the repository; READERS_FIXTURES is tests/readers/fixtures.
  std::filesystem::path corpus = std::filesystem::path(READERS_FIXTURES) / ".." / ".." / ".." /
                                 ".." / "shared" / "corpus" / "docx-dev";
  if (!std::filesystem::exists(corpus)) GTEST_SKIP() << "no corpus at " << corpus;
  int read = 0, failed = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(corpus)) {
    if (e.path().extension() != ".docx") continue;
    try {
      auto doc = parse_docx(e.path(), slurp(e.path()));
      ++read;
    } catch (const docpipe::InputError& err) {
      ++failed;
      EXPECT_NE(std::string(err.what()).find(e.path().filename().string()), std::string::npos);
    }
  }
  EXPECT_GT(read, 40);
  EXPECT_LE(failed, 2);
}

}  // namespace
