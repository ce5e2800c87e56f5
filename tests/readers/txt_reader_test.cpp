// read.txt on files in the encodings reports arrive in, made with iconv from
// the seed reports (fixtures/make_txt_fixtures.sh).
#include <gtest/gtest.h>

#include <cctype>
#include <docpipe/error.hpp>
#include <docpipe/kit/encoding.hpp>
#include <ostream>
#include <string>

#include "fixture_util.hpp"
#include "txt_parse.hpp"

using namespace readers_test;
using docpipe::readers::parse_text_file;

namespace {

docpipe::Document read_fixture(const std::string& name) {
  auto p = fixture(name);
  return parse_text_file(p, slurp(p));
}

struct EncodedCase {
  const char* file;
  const char* expected_utf8;
  const char* encoding;
  bool certain;  // BOM or valid UTF-8: confidence exactly 1
};

// The case as gtest and ctest show it: the fixture's file name, not the
// bytes of the struct.
void PrintTo(const EncodedCase& c, std::ostream* os) { *os << c.file; }

// "simplified_utf8_bom_txt": a test name may hold only letters, digits and _.
std::string case_name(const ::testing::TestParamInfo<EncodedCase>& info) {
  std::string name = info.param.file;
  for (auto& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

class EncodedText : public ::testing::TestWithParam<EncodedCase> {};

TEST_P(EncodedText, DecodesToTheSameLinesAsUtf8) {
  const auto& c = GetParam();
  auto doc = read_fixture(c.file);
  EXPECT_EQ(doc.source.encoding, c.encoding);
  if (c.certain)
    EXPECT_DOUBLE_EQ(doc.source.encoding_confidence, 1.0);
  else {
    EXPECT_LT(doc.source.encoding_confidence, 1.0);
    EXPECT_GT(doc.source.encoding_confidence, 0.0);
  }
  EXPECT_EQ(block_texts(doc), expected_lines(fixture(c.expected_utf8)));
  EXPECT_EQ(doc.source.format, "txt");
}

INSTANTIATE_TEST_SUITE_P(
    Encodings, EncodedText,
    ::testing::Values(
        EncodedCase{"simplified.utf8.txt", "simplified.utf8.txt", "UTF-8", true},
        EncodedCase{"simplified.utf8-bom.txt", "simplified.utf8.txt", "UTF-8", true},
        EncodedCase{"simplified.gb18030.txt", "simplified.utf8.txt", "GB18030", false},
        EncodedCase{"notepad.gbk-crlf.txt", "notepad.utf8.txt", "GB18030", false},
        EncodedCase{"simplified.utf16le-bom.txt", "simplified.utf8.txt", "UTF-16LE", true},
        EncodedCase{"simplified.utf16be-bom.txt", "simplified.utf8.txt", "UTF-16BE", true},
        EncodedCase{"simplified.utf16le-nobom.txt", "simplified.utf8.txt", "UTF-16LE", false},
        EncodedCase{"fullwidth.utf16le-nobom.txt", "fullwidth.utf8.txt", "UTF-16LE", false},
        EncodedCase{"fullwidth.utf16be-nobom.txt", "fullwidth.utf8.txt", "UTF-16BE", false},
        EncodedCase{"traditional.big5.txt", "traditional.utf8.txt", "BIG5", false}),
    case_name);

TEST(TxtReader, LineNumbersKeepBlankLinesRecoverable) {
  auto doc = read_fixture("simplified.gb18030.txt");
  // Line 2 of the seed excerpt is blank: block 0 is line 1, block 1 is line 3.
  ASSERT_GE(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].origin.line_start, 1);
  EXPECT_EQ(doc.blocks[1].origin.line_start, 3);
  for (const auto& b : doc.blocks) EXPECT_EQ(b.origin.line_start, b.origin.line_end);
}

TEST(TxtReader, CrLineEndsAndFormFeeds) {
  auto doc = read_fixture("cr-formfeed.txt");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].text, "第一行");
  EXPECT_EQ(doc.blocks[0].origin.line_start, 1);
  EXPECT_EQ(doc.blocks[1].text, "第三行");
  EXPECT_EQ(doc.blocks[1].origin.line_start, 3);
  EXPECT_EQ(doc.blocks[2].text, "同一行的下一页");
  EXPECT_EQ(doc.blocks[2].origin.line_start, 3);
}

TEST(TxtReader, UndecodableBytesBecomeReplacementAndAreCounted) {
  auto doc = read_fixture("broken.gb18030.txt");
  EXPECT_EQ(doc.source.encoding, "GB18030");
  ASSERT_GE(doc.blocks.size(), 2u);
  EXPECT_NE(doc.blocks[1].text.find("\xEF\xBF\xBD"), std::string::npos);
  bool counted = false;
  for (const auto& d : doc.diagnostics)
    counted |= d.level == docpipe::Level::warning &&
               d.message.find("could not be decoded") != std::string::npos;
  EXPECT_TRUE(counted);
  // The rest of the line still decodes.
  auto expected = expected_lines(fixture("simplified.utf8.txt"));
  EXPECT_EQ(doc.blocks[0].text, expected[0]);
}

TEST(TxtReader, NulBytesAreDroppedWithADiagnostic) {
  // A NUL such as a crashed editor leaves in an otherwise fine file.
  std::string bytes = "第一段，团员青年参加志愿服务活动。\n第二";
  bytes += '\0';
  bytes += "段，全年开展主题团日活动二十次。\n";
  auto doc = parse_text_file("nul.txt", bytes);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].text, "第二段，全年开展主题团日活动二十次。");
  ASSERT_FALSE(doc.diagnostics.empty());
}

// A few NULs make UTF-16 without a BOM a candidate; reading the units says
// an 8-bit or UTF-8 text with stray NULs is not UTF-16.
TEST(TxtReader, StrayNulBytesDoNotMakeUtf16) {
  auto with_nuls = [](std::string b) {
    b.insert(b.size() / 3, 1, '\0');
    b.insert(b.size() / 2, 1, '\0');
    b.insert(2 * b.size() / 3, 1, '\0');
    return b;
  };
  const std::string gbk = slurp(fixture("notepad.gbk-crlf.txt"));
  const std::string utf8 = slurp(fixture("notepad.utf8.txt"));
  std::string english;
  for (int i = 0; i < 20; ++i) english += "The committee held 12 meetings in 2024, as planned.\n";
  EXPECT_EQ(parse_text_file("gbk.txt", with_nuls(gbk)).source.encoding, "GB18030");
  EXPECT_EQ(parse_text_file("utf8.txt", with_nuls(utf8)).source.encoding, "UTF-8");
  EXPECT_EQ(parse_text_file("en.txt", with_nuls(english)).source.encoding, "UTF-8");
}

TEST(TxtReader, ManyNulBytesAreDroppedNotFatal) {
  // NULs every few bytes, inside GB18030 characters too: dropped before the
  // encoding is detected, the text reads as if they were never there.
  std::string gb = slurp(fixture("simplified.gb18030.txt")), bytes;
  for (std::size_t i = 0; i < gb.size(); ++i) {
    if (i % 6 == 3) bytes += '\0';  // every 7th byte: odd and even offsets, not UTF-16
    bytes += gb[i];
  }
  EXPECT_GE(docpipe::readers::sniff_text("nuls.txt", bytes), 80) << "NULs made it look binary";
  auto doc = parse_text_file("nuls.txt", bytes);
  EXPECT_EQ(doc.source.encoding, "GB18030");
  EXPECT_EQ(block_texts(doc), expected_lines(fixture("simplified.utf8.txt")));
  bool named = false;
  for (const auto& d : doc.diagnostics)
    named |= d.message.find("nuls.txt") != std::string::npos &&
             d.message.find("NUL") != std::string::npos;
  EXPECT_TRUE(named);
  EXPECT_THROW(parse_text_file("zeros.txt", std::string(100, '\0')), docpipe::InputError);
}

TEST(TxtReader, HalfGbkHalfUtf8IsDecodedLineByLine) {
  std::string bytes =
      slurp(fixture("simplified.gb18030.txt")) + "\n" + slurp(fixture("simplified.utf8.txt"));
  auto doc = parse_text_file("mixed.txt", bytes);
  auto lines = expected_lines(fixture("simplified.utf8.txt"));
  auto twice = lines;
  twice.insert(twice.end(), lines.begin(), lines.end());
  EXPECT_EQ(block_texts(doc), twice);
  EXPECT_EQ(doc.source.properties["encoding_mixed"], "UTF-8");
  bool said = false;
  for (const auto& d : doc.diagnostics)
    said |= d.message.find("mixed.txt: the file mixes encodings") != std::string::npos;
  EXPECT_TRUE(said);
  // One encoding throughout: no mix reported.
  auto plain = parse_text_file("gb.txt", slurp(fixture("simplified.gb18030.txt")));
  EXPECT_EQ(plain.source.properties.count("encoding_mixed"), 0u);
}

TEST(TxtReader, RejectsEmptyFileNamingIt) {
  try {
    read_fixture("empty.txt");
    FAIL() << "empty file accepted";
  } catch (const docpipe::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("empty.txt"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos);
  }
}

TEST(TxtReader, RejectsBinaryJunk) {
  try {
    read_fixture("junk.bin.txt");
    FAIL() << "binary junk accepted";
  } catch (const docpipe::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("junk.bin.txt"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("not a text file"), std::string::npos);
  }
}

TEST(TxtReader, RejectsKnownBinaryFormatsBySignature) {
  EXPECT_THROW(parse_text_file("x.txt", std::string("PK\x03\x04rest-of-zip", 15)),
               docpipe::InputError);
  EXPECT_THROW(parse_text_file("x.txt", "%PDF-1.7\n..."), docpipe::InputError);
}

TEST(TxtReader, SniffPrefersTextByContent) {
  using docpipe::readers::sniff_text;
  auto gb = slurp(fixture("simplified.gb18030.txt"));
  EXPECT_GE(sniff_text("report.txt", gb), 80);
  EXPECT_GT(sniff_text("no-extension", gb), 0);
  EXPECT_EQ(sniff_text("report.txt", slurp(fixture("junk.bin.txt"))), 0);
  EXPECT_EQ(sniff_text("report.txt", std::string("PK\x03\x04", 4)), 0);
  EXPECT_LT(sniff_text("page.txt", "<!DOCTYPE html><html><body>x</body></html>"), 40);
}

TEST(Encoding, DeclaredLabelsMapToSupersets) {
  using docpipe::kit::canonical_charset;
  EXPECT_EQ(canonical_charset("gb2312"), "GB18030");
  EXPECT_EQ(canonical_charset("GBK"), "GB18030");
  EXPECT_EQ(canonical_charset("big5"), "BIG5");
  EXPECT_EQ(canonical_charset("utf8"), "UTF-8");
  EXPECT_EQ(canonical_charset("klingon"), "");
}

}  // namespace

TEST(TxtReader, AByteOrderMarkAloneIsAnEmptyFile) {
  try {
    parse_text_file("bom.txt", "\xEF\xBB\xBF");
    FAIL() << "no error";
  } catch (const docpipe::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("bom.txt: empty file"), std::string::npos) << e.what();
  }
}

// The sniffer judges the first 8 KiB; a long line of glossed or
// punctuation-only text cut inside a UTF-8 character there is still text.
TEST(TxtReader, AHeadCutInsideAUtf8CharacterIsStillText) {
  std::string glossed, stops;
  while (glossed.size() < 20000) glossed += "共(gòng)青(qīng)團(tuán)";
  while (stops.size() < 20000) stops += "。";
  for (const std::string* s : {&glossed, &stops})
    for (std::size_t shift = 0; shift < 4; ++shift) {
      const std::string bytes = std::string(shift, 'a') + *s;
      EXPECT_GE(docpipe::readers::sniff_text("long.txt", bytes), 80) << "shift " << shift;
    }
}
