// read.docx on packages built here, at test time: notes, text boxes, image
// descriptions, content controls, table text, a package whose local headers
// disagree with its central directory, and hostile nesting (100,000 nested
// w:customXml, deep tables) that must not crash the reader.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <docpipe/error.hpp>

#include "docx_parse.hpp"
#include "fixture_util.hpp"

using docpipe::BlockKind;
using docpipe::readers::parse_docx;

namespace {

const char* kNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:v=\"urn:schemas-microsoft-com:vml\"";

std::string document(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kNs + "><w:body>" +
         body + "</w:body></w:document>";
}

std::string para(const std::string& text) {
  return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

// A DOCX package of the given parts, stored (not deflated) so that large
// repetitive parts stay under the reader's compression-ratio limit.
std::string package(const std::vector<std::pair<std::string, std::string>>& parts) {
  static int serial = 0;
  auto path =
      std::filesystem::temp_directory_path() /
      ("docpipe-docx-test-" + std::to_string(getpid()) + "-" + std::to_string(++serial) + ".docx");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_int64_t i = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::string bytes = readers_test::slurp(path);
  std::filesystem::remove(path);
  return bytes;
}

docpipe::Document read(const std::string& bytes, const std::string& name = "built.docx") {
  return parse_docx(name, bytes);
}

const docpipe::Block* find(const docpipe::Document& d, const std::string& text) {
  for (const auto& b : d.blocks)
    if (b.text == text) return &b;
  return nullptr;
}

bool diagnosed(const docpipe::Document& d, const std::string& words) {
  for (const auto& x : d.diagnostics)
    if (x.message.find(words) != std::string::npos) return true;
  return false;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(DocxHostile, HundredThousandNestedCustomXmlReadWithoutRecursion) {
  const int n = 100000;
  std::string body = repeat("<w:customXml w:element=\"x\">", n) + para("最深处的段落") +
                     repeat("</w:customXml>", n) + para("之后的段落");
  auto doc = read(package({{"word/document.xml", document(body)}}));
  EXPECT_NE(find(doc, "最深处的段落"), nullptr);
  EXPECT_NE(find(doc, "之后的段落"), nullptr);
}

TEST(DocxHostile, DeepInlineWrappersAndContentControls) {
  const int n = 100000;
  std::string run = repeat("<w:sdt><w:sdtContent><w:smartTag>", n) +
                    "<w:r><w:t>控件里的文字</w:t></w:r>" +
                    repeat("</w:smartTag></w:sdtContent></w:sdt>", n);
  auto doc = read(package({{"word/document.xml", document("<w:p>" + run + "</w:p>")}}));
  EXPECT_NE(find(doc, "控件里的文字"), nullptr);
}

TEST(DocxHostile, DeepTablesStopAtTheLimitWithADiagnostic) {
  const int n = 2000;
  std::string open = "<w:tbl><w:tr><w:tc>", close = "</w:tc></w:tr></w:tbl>";
  std::string body = repeat(open, n) + para("最内层单元格") + repeat(close, n) + para("表后");
  auto doc = read(package({{"word/document.xml", document(body)}}));
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::table);
  EXPECT_NE(docpipe::table_text(doc.blocks[0].rows).find("最内层单元格"), std::string::npos);
  EXPECT_NE(find(doc, "表后"), nullptr);
  EXPECT_TRUE(diagnosed(doc, "nested more than 32 deep")) << "deep tables flattened silently";
  EXPECT_TRUE(diagnosed(doc, "built.docx"));
}

TEST(DocxReaderParts, TableTextIsTheCellsJoined) {
  std::string body = "<w:tbl><w:tr><w:tc>" + para("项目") + "</w:tc><w:tc>" + para("数量") +
                     "</w:tc></w:tr><w:sdt><w:sdtContent><w:tr><w:tc>" + para("活动") +
                     "</w:tc><w:tc>" + para("12场") +
                     "</w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>";
  auto doc = read(package({{"word/document.xml", document(body)}}));
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].rows.size(), 2u);
  // What the JSON writes as the table's text.
  EXPECT_EQ(docpipe::table_text(doc.blocks[0].rows), "项目\t数量\n活动\t12场");
}

TEST(DocxReaderParts, FootnotesAndEndnotesBecomeNoteBlocks) {
  std::string body =
      "<w:p><w:r><w:t>全年开展活动</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r>"
      "<w:r><w:t>，服务群众</w:t></w:r><w:r><w:endnoteReference w:id=\"1\"/></w:r></w:p>" +
      para("第二段");
  std::string notes_open = std::string("<?xml version=\"1.0\"?><w:footnotes ") + kNs + ">";
  std::string footnotes =
      notes_open +
      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
      "</w:footnote><w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r>"
      "<w:r><w:t xml:space=\"preserve\"> 数据来自统计年报。</w:t></w:r></w:p></w:footnote>"
      "</w:footnotes>";
  std::string endnotes = std::string("<?xml version=\"1.0\"?><w:endnotes ") + kNs +
                         "><w:endnote w:id=\"1\"><w:p><w:r><w:t>尾注内容</w:t></w:r></w:p>"
                         "</w:endnote></w:endnotes>";
  auto doc = read(package({{"word/document.xml", document(body)},
                           {"word/footnotes.xml", footnotes},
                           {"word/endnotes.xml", endnotes}}));
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].text, "全年开展活动[1]，服务群众[2]");
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::note);
  EXPECT_EQ(doc.blocks[2].text, "[1] 数据来自统计年报。");
  EXPECT_EQ(doc.blocks[2].marker, "[1]");
  EXPECT_EQ(doc.blocks[3].text, "[2] 尾注内容");
  EXPECT_NE(doc.blocks[3].origin.locator.find("endnotes.xml"), std::string::npos);
}

TEST(DocxReaderParts, MissingNoteIsDiagnosed) {
  std::string body =
      "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id=\"9\"/></w:r></w:p>";
  auto doc = read(package({{"word/document.xml", document(body)}}));
  EXPECT_NE(find(doc, "正文"), nullptr);
  EXPECT_TRUE(diagnosed(doc, "footnote w:id=\"9\""));
}

TEST(DocxReaderParts, TextBoxesReadOnceAfterTheirParagraph) {
  // Word writes a text box twice: DrawingML in mc:Choice, VML in mc:Fallback.
  std::string box = "<w:txbxContent>" + para("文本框里的说明") + "</w:txbxContent>";
  std::string body =
      "<w:p><w:r><w:t>正文段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
      "<w:drawing><wp:anchor><wp:docPr id=\"1\" name=\"Text Box 1\"/><a:graphic "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData><wps:wsp>"
      "<wps:txbx>" +
      box +
      "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
      "<mc:Fallback><w:pict><v:shape><v:textbox>" +
      box + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>" +
      para("下一段");
  auto doc = read(package({{"word/document.xml", document(body)}}));
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].text, "正文段落");
  EXPECT_EQ(doc.blocks[1].text, "文本框里的说明");
  EXPECT_EQ(doc.blocks[2].text, "下一段");
  // A text box with DrawingML only (no fallback) is read too.
  std::string only = "<w:p><w:r><w:drawing><wp:inline><wps:txbx>" + box +
                     "</wps:txbx></wp:inline></w:drawing></w:r></w:p>";
  auto doc2 = read(package({{"word/document.xml", document(only)}}));
  ASSERT_EQ(doc2.blocks.size(), 1u);
  EXPECT_EQ(doc2.blocks[0].text, "文本框里的说明");
}

TEST(DocxReaderParts, PictureDescriptionWhenThereIsNoOtherText) {
  std::string pic =
      "<w:r><w:drawing><wp:inline><wp:docPr id=\"3\" name=\"图片 3\" "
      "descr=\"2023年志愿服务人次柱状图\"/></wp:inline></w:drawing></w:r>";
  auto doc = read(package(
      {{"word/document.xml",
        document("<w:p>" + pic + "</w:p><w:p><w:r><w:t>图注文字</w:t></w:r>" + pic + "</w:p>")}}));
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].text, "2023年志愿服务人次柱状图");
  EXPECT_EQ(doc.blocks[1].text, "图注文字");  // the paragraph has text of its own
}

TEST(DocxReaderParts, FieldResultsKeptInstructionsHidden) {
  std::string body =
      "<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText>NUMPAGES</w:instrText></w:r><w:r><w:fldChar "
      "w:fldCharType=\"separate\"/></w:r><w:r><w:t>5</w:t></w:r><w:r><w:fldChar "
      "w:fldCharType=\"end\"/></w:r><w:r><w:t>页</w:t></w:r>"
      "<w:fldSimple w:instr=\"DATE\"><w:r><w:t>（2023年）</w:t></w:r></w:fldSimple></w:p>";
  auto doc = read(package({{"word/document.xml", document(body)}}));
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "共5页（2023年）");
}

// Word, LibreOffice, pandoc and unzip open a package whose local header
// disagrees with the central directory in a detail (here the modification
// time); libzip's ZIP_CHECKCONS refused it as "Zip archive inconsistent".
TEST(DocxReaderParts, InconsistentLocalHeaderStillOpens) {
  std::string bytes = package({{"word/document.xml", document(para("能打开的文件"))}});
  ASSERT_TRUE(bytes.starts_with("PK\x03\x04"));
  bytes[10] = static_cast<char>(bytes[10] ^ 0x5A);  // local header: last mod file time
  auto doc = read(bytes);
  EXPECT_NE(find(doc, "能打开的文件"), nullptr);
}

}  // namespace
