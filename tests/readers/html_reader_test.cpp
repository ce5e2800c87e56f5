// read.html on a GBK content-farm page (fixtures/content-farm.gbk.html, with
// nav, breadcrumb, sidebar link lists, share bar, paywall, ICP footer),
// malformed markup and bad input.
#include <gtest/gtest.h>

#include <docpipe/error.hpp>

#include "fixture_util.hpp"
#include "html_charset.hpp"
#include "html_meta.hpp"
#include "html_parse.hpp"

using namespace readers_test;
using docpipe::BlockKind;
using namespace docpipe::readers;

namespace {

ExtractOptions shipped_options() {
  ExtractOptions o;
  o.boilerplate = load_phrase_file(READERS_BOILERPLATE);
  return o;
}

docpipe::Document read_fixture(const std::string& name) {
  auto p = fixture(name);
  return parse_html(p, slurp(p), shipped_options());
}

TEST(HtmlReader, GbkPageDecodedFromMetaAfterFirstKilobyte) {
  auto bytes = slurp(fixture("content-farm.gbk.html"));
  ASSERT_GT(declared_html_charset(bytes).size(), 0u);
  EXPECT_GT(bytes.find("charset=gb2312"), 1024u) << "fixture should declare late";
  auto doc = read_fixture("content-farm.gbk.html");
  EXPECT_EQ(doc.source.encoding, "GB18030");
  EXPECT_EQ(doc.source.format, "html");
}

TEST(HtmlReader, MainContentInOrderWithoutChrome) {
  auto doc = read_fixture("content-farm.gbk.html");
  auto texts = block_texts(doc);
  std::vector<std::string> expected = {
      "2023年，团区委在区委的坚强领导下，在团市委的精心指导下，坚持以习近平新时代中国特色社会主义思想为指导，团结带领全区团员青年，各项工作取得了新成效。",
      "一、加强思想政治引领",
      "全年开展主题团日活动126场，覆盖团员青年5.2万人次；组织“青年大学习”线上学习，参学率达到98%。",
      "二、服务青年成长发展",
      "（一）助力青年就业。举办招聘会8场，提供岗位3000余个。",
      "（二）关爱青少年成长。开展“暑期托管”服务，惠及少年儿童1200名。",  // ruby gloss dropped
      "",  // the table
      "共青团某区委",
      "2024年1月5日"};
  ASSERT_EQ(texts.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (expected[i].empty()) continue;  // the table, checked below
    EXPECT_EQ(texts[i], expected[i]) << "block " << i;
  }
  EXPECT_EQ(doc.blocks[6].kind, BlockKind::table);
  EXPECT_EQ(doc.blocks[6].rows[1], (std::vector<std::string>{"志愿服务", "3.1万人次", "5.2万人次"}));
  std::string body = doc.body_text();
  for (const char* chrome : {"首页", "当前位置", "相关文章", "热门推荐", "分享到", "上一篇", "开通会员",
                             "ICP备", "版权所有", "搜索", "shu", "_hmt"})
    EXPECT_EQ(body.find(chrome), std::string::npos) << chrome;
}

TEST(HtmlReader, PageMetadata) {
  auto doc = read_fixture("content-farm.gbk.html");
  const auto& page = doc.metadata.page;
  EXPECT_EQ(page.site.value_or(""), "某某范文网");
  EXPECT_EQ(page.url.value_or(""), "https://www.fanwen.example.com/zongjie/12345.html");
  EXPECT_EQ(page.published.value_or(""), "2023-12-28T10:30");  // from the byline near <h1>
  EXPECT_EQ(page.tags, (std::vector<std::string>{"团委工作总结", "共青团", "工作总结范文"}));
  EXPECT_EQ(doc.source.properties["html_title"], "2023年团区委工作总结_工作总结_某某范文网");
  EXPECT_FALSE(doc.metadata.title.has_value()) << "the structure stage decides the title";
}

TEST(HtmlReader, UserPhrasesExtendTheShippedList) {
  auto p = fixture("content-farm.gbk.html");
  auto opts = shipped_options();
  opts.boilerplate.push_back("共青团某区委");
  auto doc = parse_html(p, slurp(p), opts);
  for (const auto& b : doc.blocks) EXPECT_NE(b.text, "共青团某区委");
}

TEST(HtmlReader, MalformedMarkupReadsWithoutCrash) {
  auto doc = read_fixture("malformed.html");
  EXPECT_EQ(block_texts(doc), (std::vector<std::string>{"第一段没有结束", "第二段，加粗交叉嵌套。"}));
}

TEST(HtmlReader, BadInputGivesClearErrors) {
  for (const char* f : {"empty.txt", "junk.bin.txt", "numbered-report.docx"}) {
    try {
      read_fixture(f);
      ADD_FAILURE() << f << " accepted";
    } catch (const docpipe::InputError& e) {
      EXPECT_NE(std::string(e.what()).find(f), std::string::npos) << e.what();
    }
  }
}

TEST(HtmlReader, SniffByContent) {
  auto bytes = slurp(fixture("content-farm.gbk.html"));
  EXPECT_GE(sniff_html("page.html", bytes), 90);
  EXPECT_GE(sniff_html("saved-without-extension", bytes), 90);
  EXPECT_EQ(sniff_html("report.txt", slurp(fixture("simplified.gb18030.txt"))), 0);
  EXPECT_EQ(sniff_html("x.html", std::string("PK\x03\x04", 4)), 0);
}

TEST(HtmlMeta, DatesInTheShapesPagesPrint) {
  EXPECT_EQ(find_date("发布时间：2023-12-28 10:30 来源"), "2023-12-28T10:30");
  EXPECT_EQ(find_date("2020年5月29日"), "2020-05-29");
  EXPECT_EQ(find_date("更新于 2019/6/15"), "2019-06-15");
  EXPECT_EQ(find_date("电话 12023-99-99"), std::nullopt);
  EXPECT_EQ(find_date("没有日期"), std::nullopt);
}

}  // namespace
