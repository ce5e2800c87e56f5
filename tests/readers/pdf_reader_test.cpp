// read.pdf on PDFs LibreOffice, qpdf and pdftoppm made at test time
// (fixtures/make_office_fixtures.py, the ctest fixture readers_office_files):
// the sample reports with a running head and page-number footer, a report
// whose headings differ only by font, and hostile files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <docpipe/error.hpp>
#include <docpipe/text.hpp>
#include <fstream>

#include "fixture_util.hpp"
#include "pdf_parse.hpp"

using docpipe::BlockKind;
using docpipe::Document;
using docpipe::InputError;
using docpipe::readers::parse_pdf;
using docpipe::readers::PdfLimits;
using readers_test::slurp;

namespace fs = std::filesystem;

namespace {

fs::path office(const std::string& name) { return fs::path(OFFICE_FIXTURES) / name; }

Document read(const fs::path& p, const PdfLimits& limits = {}) {
  if (!fs::exists(p)) throw std::runtime_error(p.string() + " was not made (fixture failed?)");
  std::string bytes = slurp(p);
  return parse_pdf(p, bytes, limits);
}

// Text without any white space: what must survive layout exactly.
std::string squeezed(std::string_view s) {
  std::string out;
  for (char32_t c : docpipe::text::to_u32(s))
    if (!docpipe::text::is_space(c)) docpipe::text::append_utf8(out, c);
  return out;
}

// LibreOffice hangs a full stop that ends a justified line into the margin
// and does not always draw it there (pdftotext misses it too): the text of
// a block may lack one punctuation mark.
bool same_text(const std::string& got, const std::string& want) {
  if (got == want) return true;
  auto g = docpipe::text::to_u32(got), w = docpipe::text::to_u32(want);
  if (g.size() + 1 != w.size()) return false;
  std::size_t i = 0;
  while (i < g.size() && g[i] == w[i]) ++i;
  return docpipe::text::is_cjk_punct(w[i]) && g.substr(i) == w.substr(i + 1);
}

std::string error_of(const fs::path& p, const PdfLimits& limits = {}) {
  try {
    read(p, limits);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

// Every sample report comes back paragraph for paragraph: one block per
// non-blank line of the text it was laid out from, with the same characters,
// and no running head or page number left in the body.
TEST(PdfReader, SampleReportsParagraphForParagraph) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(SAMPLES_DIR))) {
    if (entry.path().extension() != ".txt") continue;
    auto pdf = office("pdf") / (entry.path().stem().string() + ".pdf");
    SCOPED_TRACE(pdf.string());
    Document d = read(pdf);
    auto lines = readers_test::expected_lines(entry.path());
    ASSERT_EQ(d.blocks.size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
      EXPECT_TRUE(same_text(squeezed(d.blocks[i].text), squeezed(lines[i])))
          << "block " << i << ": " << d.blocks[i].text;
    int heads = 0, feet = 0;
    for (const auto& e : d.edits) {
      EXPECT_EQ(e.stage, "read.pdf");
      heads += e.rule == "pdf.running_head";
      feet += e.rule == "pdf.page_number" || e.rule == "pdf.running_foot";
    }
    int pages = std::stoi(d.source.properties.at("pages"));
    EXPECT_EQ(heads, pages);
    EXPECT_EQ(feet, pages);
    EXPECT_EQ(d.source.format, "pdf");
    EXPECT_EQ(d.source.properties.at("producer").rfind("LibreOffice", 0), 0u);
    ++files;
  }
  EXPECT_EQ(files, 5);
}

TEST(PdfReader, HeadingsByFontSizeAndWeightAndDocumentInfo) {
  Document d = read(office("styled.pdf"));
  std::vector<std::pair<std::string, int>> headings;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::heading) headings.emplace_back(b.text, b.level);
  EXPECT_EQ(headings, (std::vector<std::pair<std::string, int>>{{"某街道二〇二三年度工作总结", 1},
                                                                {"基层治理持续加强", 2},
                                                                {"网格管理更加精细", 3},
                                                                {"矛盾纠纷有效化解", 3},
                                                                {"民生保障不断改善", 2},
                                                                {"下一步工作打算", 2}}));
  EXPECT_EQ(d.source.properties.at("title"), "某街道二〇二三年度工作总结");
  EXPECT_EQ(d.source.properties.at("creator"), "街道党政办");
  EXPECT_EQ(d.source.properties.at("created").size(), 20u);  // 2026-12-03T20:50:37Z
  // The long paragraph that runs over the page break is one block.
  bool long_para = false;
  for (const auto& b : d.blocks)
    long_para = long_para || (b.text.starts_with("2024年，街道将继续") &&
                              docpipe::text::length(b.text) > 300 && b.text.ends_with("安全感。"));
  EXPECT_TRUE(long_para);
  // The table is a table: its rows and cells, not run-together text.
  const docpipe::Block* table = nullptr;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::table) table = &b;
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->rows, (std::vector<std::vector<std::string>>{{"指标", "目标", "完成"},
                                                                {"新增就业（人）", "1200", "1356"},
                                                                {"老旧小区改造（个）", "8", "9"}}));
}

TEST(PdfReader, TruncatedFailsCleanlyOrReadsWhatIsThere) {
  // poppler rebuilds a cross-reference table it cannot find; what it can
  // still reach is read with a warning, else the file is refused by name.
  auto p = office("hostile/truncated.pdf");
  try {
    Document d = read(p);
    bool warned = false;
    for (const auto& diag : d.diagnostics)
      warned = warned || diag.message.find(p.string()) != std::string::npos;
    EXPECT_TRUE(warned || !d.blocks.empty());
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos);
  }
}

TEST(PdfReader, PasswordEncryptedIsRefused) {
  auto p = office("hostile/encrypted.pdf");
  if (!fs::exists(p)) GTEST_SKIP() << "qpdf is not installed";
  auto msg = error_of(p);
  EXPECT_NE(msg.find(p.string()), std::string::npos) << msg;
  EXPECT_NE(msg.find("encrypted with a password"), std::string::npos) << msg;
}

TEST(PdfReader, OwnerPasswordOnlyIsRead) {
  auto p = office("hostile/owner-only.pdf");
  if (!fs::exists(p)) GTEST_SKIP() << "qpdf is not installed";
  Document d = read(p);
  EXPECT_GT(d.blocks.size(), 5u);
}

TEST(PdfReader, TenThousandPagesAreRefusedByThePageLimit) {
  auto p = office("hostile/pages-10000.pdf");
  auto msg = error_of(p);
  EXPECT_NE(msg.find("10000 pages, more than read.pdf's max_pages (2000)"), std::string::npos)
      << msg;
  // With a higher limit the same file is read whole, one paragraph a page.
  PdfLimits roomy;
  roomy.max_pages = 10000;
  roomy.max_seconds = 1e9;
  Document d = read(p, roomy);
  ASSERT_EQ(d.blocks.size(), 10000u);
  EXPECT_EQ(d.blocks.back().text, "Page 10000 of a very long report.");
}

TEST(PdfReader, TextLimitRefuses) {
  PdfLimits tight;
  tight.max_chars = 100;
  auto msg = error_of(office("styled.pdf"), tight);
  EXPECT_NE(msg.find("max_chars (100)"), std::string::npos) << msg;
}

TEST(PdfReader, ScanWithoutTextLayerIsFlaggedNotEmptySuccess) {
  auto p = office("hostile/scanned.pdf");
  if (!fs::exists(p)) GTEST_SKIP() << "pdftoppm is not installed";
  Document d = read(p);
  EXPECT_TRUE(d.blocks.empty());
  EXPECT_TRUE(d.has_flag("no_text_layer"));
  bool error = false;
  for (const auto& diag : d.diagnostics)
    error = error || (diag.level == docpipe::Level::error &&
                      diag.message.find("no text layer") != std::string::npos &&
                      diag.message.find(p.string()) != std::string::npos);
  EXPECT_TRUE(error);
}

TEST(PdfReader, NotAPdfAndGarbageFailByName) {
  EXPECT_NE(error_of(fs::path(SAMPLES_DIR) / "000_5b6032b3dd926d4d.txt").find("not a PDF"),
            std::string::npos);
  auto tmp = fs::temp_directory_path() / ("docpipe-garbage-" + std::to_string(getpid()) + ".pdf");
  std::string junk = "%PDF-1.7\n";
  for (int i = 0; i < 20000; ++i) junk += static_cast<char>((i * 7919) % 251);
  junk += "\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF";
  { std::ofstream(tmp, std::ios::binary) << junk; }
  try {
    Document d = read(tmp);
    EXPECT_TRUE(d.blocks.empty());
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(tmp.string()), std::string::npos);
  }
  fs::remove(tmp);
}

TEST(PdfReader, Sniff) {
  using docpipe::readers::sniff_pdf;
  EXPECT_EQ(sniff_pdf("a.bin", "%PDF-1.4\n"), 95);
  EXPECT_EQ(sniff_pdf("a.pdf", "junk\n%PDF-1.4\n"), 80);
  EXPECT_EQ(sniff_pdf("a.txt", "plain text"), 0);
}
