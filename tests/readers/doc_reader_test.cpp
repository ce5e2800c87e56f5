// read.doc on Word 97 files LibreOffice wrote at test time
// (fixtures/make_office_fixtures.py, the ctest fixture readers_office_files),
// converted back by LibreOffice in a child process and read by read.docx's
// code; and the converter's failures: missing, too slow, refusing.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <docpipe/error.hpp>
#include <docpipe/text.hpp>
#include <fstream>

#include "doc_parse.hpp"
#include "fixture_util.hpp"

using docpipe::BlockKind;
using docpipe::Document;
using docpipe::InputError;
using docpipe::readers::ConverterOptions;
using docpipe::readers::OfficeConverter;
using docpipe::readers::parse_doc;
using readers_test::slurp;

namespace fs = std::filesystem;

namespace {

fs::path office(const std::string& name) { return fs::path(OFFICE_FIXTURES) / name; }

Document read(const fs::path& p, OfficeConverter& converter) {
  if (!fs::exists(p)) throw std::runtime_error(p.string() + " was not made (fixture failed?)");
  return parse_doc(p, slurp(p), converter);
}

std::string squeezed(std::string_view s) {
  std::string out;
  for (char32_t c : docpipe::text::to_u32(s))
    if (!docpipe::text::is_space(c)) docpipe::text::append_utf8(out, c);
  return out;
}

// One converter for the whole test program, as a worker keeps one per
// reader instance.
OfficeConverter& converter() {
  static OfficeConverter c(ConverterOptions{});
  return c;
}

// TMPDIR pointed at a directory of the test's own while it lives, so what
// the converter leaves in it can be seen without other programs' files.
struct PrivateTmp {
  fs::path path;
  std::string saved;
  bool had = false;
  explicit PrivateTmp(fs::path p) : path(std::move(p)) {
    fs::create_directories(path);
    if (const char* t = std::getenv("TMPDIR")) saved = t, had = true;
    setenv("TMPDIR", path.c_str(), 1);
  }
  ~PrivateTmp() {
    if (had)
      setenv("TMPDIR", saved.c_str(), 1);
    else
      unsetenv("TMPDIR");
  }
};

std::string error_of(const fs::path& p, OfficeConverter& c, std::string_view bytes) {
  try {
    parse_doc(p, bytes, c);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

// First: the tests after it show the converter still works after a failure.
TEST(DocReader, TruncatedFailsCleanlyOrReadsWhatIsThere) {
  auto p = office("hostile/truncated.doc");
  try {
    Document d = read(p, converter());
    SUCCEED() << d.blocks.size() << " blocks recovered";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos) << e.what();
  }
}

TEST(DocReader, SampleReportsParagraphForParagraph) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(SAMPLES_DIR))) {
    if (entry.path().extension() != ".txt") continue;
    auto doc = office("doc") / (entry.path().stem().string() + ".doc");
    SCOPED_TRACE(doc.string());
    Document d = read(doc, converter());
    auto lines = readers_test::expected_lines(entry.path());
    ASSERT_EQ(d.blocks.size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
      EXPECT_EQ(squeezed(d.blocks[i].text), squeezed(lines[i])) << "block " << i;
    EXPECT_EQ(d.source.format, "doc");
    // The page header and footer are not body text.
    EXPECT_EQ(d.body_text().find("资料汇编"), std::string::npos);
    ++files;
  }
  EXPECT_EQ(files, 5);
}

TEST(DocReader, TableAndPropertiesSurviveTheConversion) {
  Document d = read(office("styled.doc"), converter());
  const docpipe::Block* table = nullptr;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::table) table = &b;
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[2], (std::vector<std::string>{"老旧小区改造（个）", "8", "9"}));
  EXPECT_EQ(d.source.properties.at("title"), "某街道二〇二三年度工作总结");
  EXPECT_EQ(d.source.properties.at("converted_by").rfind("LibreOffice", 0), 0u);
}

TEST(DocReader, WpsNameReadsTheSameWay) {
  Document d = read(office("hostile/report.wps"), converter());
  EXPECT_EQ(d.source.format, "wps");
  EXPECT_GT(d.blocks.size(), 3u);
}

TEST(DocReader, MissingConverterNamesWhatToInstall) {
  OfficeConverter none(ConverterOptions{"docpipe-no-such-soffice", 10});
  auto msg = error_of("report.doc", none, slurp(office("styled.doc")));
  EXPECT_NE(msg.find("report.doc"), std::string::npos) << msg;
  EXPECT_NE(msg.find("libreoffice-writer-nogui"), std::string::npos) << msg;
}

TEST(DocReader, ConverterOverItsTimeIsKilled) {
  // A stand-in for a LibreOffice that hangs.
  auto dir = fs::temp_directory_path() / ("docpipe-hang-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto script = dir / "soffice";
  { std::ofstream(script) << "#!/bin/sh\nsleep 600\n"; }
  chmod(script.c_str(), 0755);
  OfficeConverter hung(ConverterOptions{script.string(), 1});
  std::string msg;
  {
    PrivateTmp tmp(dir / "tmp");
    msg = error_of("slow.doc", hung, slurp(office("styled.doc")));
    EXPECT_TRUE(fs::is_empty(tmp.path)) << "the conversion's directory was left behind";
  }
  EXPECT_NE(msg.find("slow.doc: LibreOffice did not convert it within read.doc's timeout (1 s)"),
            std::string::npos)
      << msg;
  fs::remove_all(dir);
}

TEST(DocReader, ConverterThatFailsIsReported) {
  auto dir = fs::temp_directory_path() / ("docpipe-fail-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto script = dir / "soffice";
  {
    std::ofstream(script)
        << "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n";
  }
  chmod(script.c_str(), 0755);
  OfficeConverter failing(ConverterOptions{script.string(), 30});
  std::string msg;
  {
    PrivateTmp tmp(dir / "tmp");
    msg = error_of("bad.doc", failing, slurp(office("styled.doc")));
    EXPECT_TRUE(fs::is_empty(tmp.path)) << "the conversion's directory was left behind";
  }
  EXPECT_NE(msg.find("bad.doc: LibreOffice could not convert it to DOCX (exit 1): Error: source "
                     "file could not be loaded"),
            std::string::npos)
      << msg;
  fs::remove_all(dir);
}

TEST(DocReader, RefusesWhatIsNotAWordFile) {
  EXPECT_NE(error_of("empty.doc", converter(), "").find("empty.doc: empty file"),
            std::string::npos);
  EXPECT_NE(error_of("x.doc", converter(), "just text").find("not a Word 97-2003"),
            std::string::npos);
  std::string encrypted("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  encrypted += std::string(500, '\0');
  for (char c : std::string("EncryptedPackage")) encrypted += c, encrypted += '\0';
  EXPECT_NE(error_of("locked.doc", converter(), encrypted).find("password-protected"),
            std::string::npos);
}

TEST(DocReader, Sniff) {
  using docpipe::readers::sniff_doc;
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  std::string word = ole + std::string(100, '\0');
  for (char c : std::string("WordDocument")) word += c, word += '\0';
  EXPECT_EQ(sniff_doc("x.bin", word), 90);
  EXPECT_EQ(sniff_doc("x.wps", ole), 85);
  EXPECT_EQ(sniff_doc("x.xls", ole), 0);
  EXPECT_EQ(sniff_doc("x.doc", "{\\rtf1\\ansi"), 70);
  EXPECT_EQ(sniff_doc("x.doc", "PK\x03\x04"), 0);
}
