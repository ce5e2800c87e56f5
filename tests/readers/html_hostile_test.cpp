// read.html on hostile pages built at test time: NUL and control bytes, a
// million attributes on one element, 100,000-deep nesting, unmatched end
// tags under deep nesting and a text node larger than libxml2's default
// limit. Each must be read whole (or changed with a diagnostic) and in time
// linear in its size (ctest TIMEOUT guards against a hang; nothing here
// measures speed).
#include <gtest/gtest.h>

#include "html_parse.hpp"
#include "html_sanitize.hpp"

using namespace docpipe::readers;

namespace {

std::string page(const std::string& body) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>" + body +
         "</body></html>";
}

const std::string kPara =
    "<p>今年以来，区团委围绕中心服务大局，组织开展志愿服务活动一百二十场，参与青年三千余人次。</p>";

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string body_of(const docpipe::Document& d) { return d.body_text(); }

bool diagnosed(const docpipe::Document& d, const std::string& words) {
  for (const auto& x : d.diagnostics)
    if (x.message.find(words) != std::string::npos && x.message.find("page.html") == 0) return true;
  return false;
}

TEST(HtmlHostile, NulAndControlBytesAreRemovedNotTheEndOfThePage) {
  std::string body = kPara + std::string("<p>第二段：") + '\0' + "NUL之后的文字仍然要读到。" +
                     '\x01' + "</p>" + kPara;
  auto doc = parse_html("page.html", page(body), {});
  auto text = body_of(doc);
  EXPECT_NE(text.find("第二段：NUL之后的文字仍然要读到。"), std::string::npos) << text;
  EXPECT_TRUE(diagnosed(doc, "2 NUL or other control byte(s) removed"));
}

TEST(HtmlHostile, AMillionAttributesOnOneElement) {
  std::string attrs;
  attrs.reserve(12u << 20);
  for (int i = 0; i < 1000000; ++i) attrs += " a" + std::to_string(i) + "=\"1\"";
  auto doc = parse_html("page.html", page("<div" + attrs + ">" + kPara + kPara + "</div>"), {});
  EXPECT_NE(body_of(doc).find("志愿服务活动一百二十场"), std::string::npos);
  EXPECT_TRUE(diagnosed(doc, "999000 attribute(s) beyond that were not read"));
}

TEST(HtmlHostile, HundredThousandDeepNestingKeepsTheText) {
  const std::size_t n = 100000;
  std::string body = repeat("<div>", n) + kPara + repeat("</div>", n) + kPara;
  auto doc = parse_html("page.html", page(body), {});
  auto text = body_of(doc);
  EXPECT_NE(text.find("志愿服务活动一百二十场"), std::string::npos);
  EXPECT_TRUE(diagnosed(doc, "nested more than 256 deep"));
}

TEST(HtmlHostile, UnmatchedEndTagsUnderDeepNesting) {
  const std::size_t n = 200000;
  std::string body = kPara + repeat("<span>", n) + repeat("</div>", n) + kPara;
  auto doc = parse_html("page.html", page(body), {});
  EXPECT_NE(body_of(doc).find("志愿服务活动一百二十场"), std::string::npos);
}

TEST(HtmlHostile, TextNodeLargerThanTenMegabytesIsReadWhole) {
  std::string big = repeat("志愿服务，", 1u << 20);  // 15 MiB in one text node
  auto doc = parse_html("page.html", page("<p>" + big + "结尾</p>"), {});
  auto text = body_of(doc);
  EXPECT_NE(text.find("结尾"), std::string::npos) << "the text node was cut";
  EXPECT_GE(text.size(), big.size());
}

// Found by fuzz/fuzz_read_html (minimized): an unclosed <h1> holding the
// content made the title placement walk up past the root (null pointer).
TEST(HtmlHostile, FuzzHeadingThatHoldsTheContent) {
  auto doc =
      parse_html("page.html", "<<h1><sp>4</sp> <div>>8l>ASCIIl>tml>ml>l>O-8l>ASCIIl>ml>ml>l>", {});
  EXPECT_NE(doc.body_text().find("ASCII"), std::string::npos) << doc.body_text();
}

TEST(HtmlSanitize, LeavesOrdinaryMarkupAlone) {
  std::string s =
      "<div class=\"a b\" id=x data-v='1>2'><br/><p>a<b>b</b></p>"
      "<script>if (a<b && c > d) x();</script>\t\n</div>";
  std::string before = s;
  auto r = sanitize_markup(s);
  EXPECT_EQ(s, before);
  EXPECT_EQ(r.controls + r.attributes_dropped + r.tags_dropped, 0u);
}

}  // namespace
