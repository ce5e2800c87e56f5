// read.html on a GBK content-farm page (fixtures/content-farm.gbk.html, with
// nav, breadcrumb, sidebar link lists, share bar, paywall, ICP footer),
// malformed markup and bad input.
#include <gtest/gtest.h>

#include <docpipe/error.hpp>
#include <docpipe/kit/data_files.hpp>

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
  o.boilerplate = docpipe::kit::read_list_file(READERS_BOILERPLATE);
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
      "2023年团区委工作总结",  // the <h1> above the content div
      "2023年，团区委在区委的坚强领导下，在团市委的精心指导下，坚持以习近平新时代中国特色社会主义思"
      "想为指导，团结带领全区团员青年，各项工作取得了新成效。",
      "一、加强思想政治引领",
      "全年开展主题团日活动126场，覆盖团员青年5.2万人次；组织“青年大学习”线上学习，参学率达到98%。",
      "二、服务青年成长发展",
      "（一）助力青年就业。举办招聘会8场，提供岗位3000余个。",
      "（二）关爱青少年成长。开展“暑期托管”服务，惠及少年儿童1200名。",  // ruby gloss dropped
      "",                                                                // the table
      "共青团某区委",
      "2024年1月5日"};
  ASSERT_EQ(texts.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (expected[i].empty()) continue;  // the table, checked below
    EXPECT_EQ(texts[i], expected[i]) << "block " << i;
  }
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[0].level, 1);
  EXPECT_EQ(doc.source.properties.at("html_h1"), "2023年团区委工作总结");
  EXPECT_EQ(doc.blocks[7].kind, BlockKind::table);
  EXPECT_EQ(doc.blocks[7].rows[1],
            (std::vector<std::string>{"志愿服务", "3.1万人次", "5.2万人次"}));
  std::string body = doc.body_text();
  for (const char* chrome : {"首页", "当前位置", "相关文章", "热门推荐", "分享到", "上一篇",
                             "开通会员", "ICP备", "版权所有", "搜索", "shu", "_hmt"})
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
  EXPECT_EQ(block_texts(doc),
            (std::vector<std::string>{"第一段没有结束", "第二段，加粗交叉嵌套。"}));
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

docpipe::Document read_string(const std::string& html) {
  return parse_html("page.html", html, shipped_options());
}

std::string para(const std::string& s) { return "<p>" + s + "</p>\n"; }

// Enough article text for the first extraction pass to be believed.
std::string story() {
  std::string s;
  for (int i = 1; i <= 6; ++i)
    s += para("第" + std::to_string(i) +
              "段：今年以来，我们坚持问题导向，细化工作措施，全年开展专项检查四十余次，整改问题一百"
              "二十项，群众满意度明显提升。");
  return s;
}

TEST(HtmlExtract, TitleHeadingAboveTheContentIsEmitted) {
  auto doc = read_string(
      "<html><head><title>某某局2023年工作总结_范文网</title></head><body>"
      "<div class='logo'><h1>范文网</h1></div>"
      "<div class='wrap'><div class='head'><h1>某某局2023年工作总结</h1>"
      "<span>2024-01-02</span></div><div class='con'>" +
      story() + "</div></div></body></html>");
  ASSERT_GE(doc.blocks.size(), 7u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[0].text, "某某局2023年工作总结");  // matches <title>, not the logo's <h1>
  EXPECT_EQ(doc.source.properties.at("html_h1"), "某某局2023年工作总结");
  EXPECT_EQ(doc.source.properties.at("html_title"), "某某局2023年工作总结_范文网");
  EXPECT_TRUE(doc.body_text().find("范文网\n") == std::string::npos) << doc.body_text();
}

TEST(HtmlExtract, ArticleHiddenUntilAScriptShowsItIsRead) {
  // WeChat: <div id="js_content" style="visibility: hidden;"> is made
  // visible by a script; a hidden menu and a hidden popup stay out.
  auto doc = read_string(
      "<html><body><div class='rich_media_area_primary'>"
      "<div class='menu' style='display:none'><a href='/a'>首页</a><a href='/b'>往期回顾</a></div>"
      "<div class='rich_media_content' id='js_content' style='visibility: hidden;'>" +
      story() +
      "</div><div class='popup' style='display: "
      "none'><p>长按识别二维码，关注公众号，获取更多精彩内容。"
      "长按识别二维码，关注公众号，获取更多精彩内容。长按识别二维码，关注公众号，获取更多精彩内容。"
      "长按识别二维码，关注公众号，获取更多精彩内容。长按识别二维码，关注公众号。</p></div>"
      "</div></body></html>");
  auto body = doc.body_text();
  EXPECT_NE(body.find("第1段：今年以来"), std::string::npos) << body;
  EXPECT_EQ(body.find("往期回顾"), std::string::npos) << body;
  EXPECT_EQ(body.find("长按识别二维码"), std::string::npos) << body;
  // Without a content name a hidden block stays hidden, even of prose: news
  // sites hide a schema.org copy of the article beside the visible one.
  auto doc2 =
      read_string("<html><body><div style='display:none'>" + story() + "</div></body></html>");
  EXPECT_EQ(doc2.body_text().find("第1段：今年以来"), std::string::npos);
}

TEST(HtmlExtract, ShortArticleBeatsTheTeaserFeedBelowIt) {
  // A portal page: a short article, then a "more news" stream of teasers
  // (linked headline + summary) with more text and punctuation in total.
  std::string feed;
  for (int i = 0; i < 12; ++i)
    feed += "<div class='item'><h3><a href='/n" + std::to_string(i) + "'>第" + std::to_string(i) +
            "条新闻标题：全市推进重点项目建设</a></h3><p>记者从市发改委获悉，今年以来，全市重点项目"
            "建设进展顺利，一季度完成投资一百二十亿元，同比增长百分之十五。</p></div>";
  auto doc = read_string(
      "<html><body><div class='wrap'><div class='left'><h1>区团委召开年度工作会议</h1>"
      "<div class='txt'><p>3月5日，区团委召开年度工作会议，总结去年工作，部署今年任务。</p>"
      "<p>会议指出，要围绕中心服务大局，组织开展志愿服务活动，参与青年三千余人次。</p>"
      "<p>会议要求，各级团组织要加强自身建设，切实履行好引领、组织、服务青年的职责。</p>"
      "</div></div><div class='stream'>" +
      feed + "</div></div></body></html>");
  auto body = doc.body_text();
  EXPECT_NE(body.find("会议要求"), std::string::npos) << body;
  EXPECT_EQ(body.find("重点项目"), std::string::npos) << body;
}

TEST(HtmlExtract, SiteHeadingFarFromTheContentIsNot) {
  // The only <h1> is the site name in a header several levels away.
  auto doc = read_string(
      "<html><body><div id='top'><div><div><div><h1>某某新闻网</h1></div></div></div></div>"
      "<div id='page'><div class='l1'><div class='l2'><div class='l3'><div class='l4'>"
      "<div class='article'>" +
      story() + "</div></div></div></div></div></div></body></html>");
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(doc.body_text().find("某某新闻网"), std::string::npos);
}

TEST(HtmlExtract, ArticleInsideAChromeNamedWrapperIsStillFound) {
  // "pagebuilder-pagerow" contains "pager": the first pass ignores the
  // whole wrapper, the retry keeps it; the real sidebar stays out.
  auto doc =
      read_string("<html><body><div class='pagebuilder-pagerow'><div class='story'>" + story() +
                  "</div><div class='sidebar'><ul><li><a href='/1'>热门文章一</a></li>"
                  "<li><a href='/2'>热门文章二</a></li></ul></div></div></body></html>");
  std::string body = doc.body_text();
  EXPECT_NE(body.find("第1段"), std::string::npos);
  EXPECT_NE(body.find("第6段"), std::string::npos);
  EXPECT_EQ(body.find("热门文章"), std::string::npos) << body;
}

TEST(HtmlExtract, RetryKeepsTheChromeNamedWrapperButNotTheCommentsInIt) {
  // The retry spares the wrappers of the article only: prose comments
  // beside the story, inside the same "pager" wrapper, stay out.
  std::string comments;
  for (int i = 0; i < 5; ++i)
    comments += para("网友评论" + std::to_string(i) +
                     "：写得很好，我们单位也在推进类似的工作，希望多多交流经验，共同进步。");
  auto doc =
      read_string("<html><body><div class='pagebuilder-pagerow'><div class='story'>" + story() +
                  "</div><div class='comment-list'>" + comments + "</div></div></body></html>");
  std::string body = doc.body_text();
  EXPECT_NE(body.find("第6段"), std::string::npos) << body;
  EXPECT_EQ(body.find("网友评论"), std::string::npos) << body;
}

TEST(HtmlExtract, StorySplitOverSameClassChunksIsKeptWhole) {
  // A story cut into chunks by ad rails: each chunk is a grid with the
  // text column and an empty aside; both chunks' text is the article.
  std::string chunk1, chunk2;
  for (int i = 0; i < 3; ++i)
    chunk1 += para("First half paragraph " + std::to_string(i) +
                   ", with enough words, commas, and sentences to count. It goes on.");
  for (int i = 0; i < 5; ++i)
    chunk2 += para("Second half paragraph " + std::to_string(i) +
                   ", with enough words, commas, and sentences to count. It goes on.");
  auto doc = read_string(
      "<html><body><div class='chunks'><div class='grid rail'><div class='col'>" + chunk1 +
      "</div><div class='rail-slot'></div></div><div class='promo-ad'>Buy now</div>"
      "<div class='grid rail'><div class='col'>" +
      chunk2 +
      "</div><div class='rail-slot'></div></div></div>"
      "<div class='more'><a href='/x'>Other story one</a> <a href='/y'>Other story two</a></div>"
      "</body></html>");
  std::string body = doc.body_text();
  EXPECT_NE(body.find("First half paragraph 0"), std::string::npos) << body;
  EXPECT_NE(body.find("Second half paragraph 4"), std::string::npos);
  EXPECT_EQ(body.find("Buy now"), std::string::npos);
  EXPECT_EQ(body.find("Other story"), std::string::npos);
}

TEST(HtmlExtract, SameClassChunksFarFromTheParagraphsAreMerged) {
  // Chunks deep enough that their paragraphs do not score the chunk itself
  // (more than five levels down) are still joined by their shared class.
  auto chunk = [](const std::string& tag) {
    std::string ps;
    for (int i = 0; i < 4; ++i)
      ps += para(tag + " paragraph " + std::to_string(i) +
                 ", long enough, with commas, and a full stop. More.");
    return "<div class='acf'><div><div><div><div><div class='txt'>" + ps +
           "</div></div></div></div></div></div>";
  };
  auto doc = read_string("<html><body><div class='post'>" + chunk("Alpha") +
                         "<figure><img src='x.jpg'></figure>" + chunk("Beta") +
                         "<div class='print-only'><a href='/p'>Print</a></div>" + chunk("Gamma") +
                         "</div></body></html>");
  std::string body = doc.body_text();
  for (const char* part : {"Alpha paragraph 0", "Beta paragraph 3", "Gamma paragraph 2"})
    EXPECT_NE(body.find(part), std::string::npos) << part << "\n" << body;
  EXPECT_EQ(body.find("Print"), std::string::npos);
}

TEST(HtmlExtract, PaywallNamedContainerOfTheStoryIsKeptButTheOverlayIsNot) {
  // Some sites wrap the metered part of the article in div.paywall; the
  // "subscribe to read on" overlay is a short box named the same way.
  std::string rest;
  for (int i = 0; i < 4; ++i)
    rest += para("后续第" + std::to_string(i) +
                 "段：各项指标稳中有升，重点项目按期推进，群众获得感进一步增强。");
  auto doc = read_string(
      "<html><body><div class='article-body'>" + story() + "<div class='paywall'>" + rest +
      "</div><div class='paywall-overlay'>订阅后继续阅读<a href='/vip'>立即开通</a></div>"
      "</div></body></html>");
  std::string body = doc.body_text();
  EXPECT_NE(body.find("后续第3段"), std::string::npos) << body;
  EXPECT_EQ(body.find("订阅后继续阅读"), std::string::npos) << body;
}

TEST(HtmlExtract, EditorCreditLineIsChromeButALongSentenceNamingItIsNot) {
  auto doc = read_string(
      "<html><body><div class='article'>" + story() + para("（责任编辑：张三）") +
      para("会议强调，各单位要压实责任编辑、审核、发布三个环节的责任，确保信息公开内容准确无误，"
           "对出现差错的单位进行通报批评，并纳入年度考核。") +
      "</div></body></html>");
  std::string body = doc.body_text();
  EXPECT_EQ(body.find("张三"), std::string::npos) << body;
  EXPECT_NE(body.find("压实责任编辑"), std::string::npos);
}

TEST(HtmlExtract, BoilerplatePhrasesMatchAsciiCaseBlind) {
  auto doc =
      read_string("<html><body><div class='article'>" + story() + para("ADVERTISEMENT") +
                  para("COPYRIGHT © 2024 某某网 ALL RIGHTS RESERVED") +
                  para("The council debated whether advertisement boards near schools should be "
                       "removed, and voted to phase them out over two years.") +
                  "</div></body></html>");
  std::string body = doc.body_text();
  EXPECT_EQ(body.find("ADVERTISEMENT"), std::string::npos) << body;
  EXPECT_EQ(body.find("COPYRIGHT"), std::string::npos) << body;
  EXPECT_NE(body.find("advertisement boards"), std::string::npos) << "long lines are text";
}

TEST(HtmlExtract, BlockLocatorIsTheElementsXPath) {
  auto doc = read_string(
      "<html><body><div class='nav'><a href='/'>首页</a></div><div class='article'>" + story() +
      "<ul><li>要点一：加强领导，压实责任，确保各项任务落地见效。</li></ul></div></body></html>");
  ASSERT_GE(doc.blocks.size(), 7u);
  EXPECT_EQ(doc.blocks[0].origin.locator, "/html/body/div[2]/p[1]");
  EXPECT_EQ(doc.blocks[5].origin.locator, "/html/body/div[2]/p[6]");
  EXPECT_EQ(doc.blocks[6].origin.locator, "/html/body/div[2]/ul/li");  // unique name: no index
}

TEST(HtmlMeta, DatesInTheShapesPagesPrint) {
  EXPECT_EQ(find_date("发布时间：2023-12-28 10:30 来源"), "2023-12-28T10:30");
  EXPECT_EQ(find_date("2020年5月29日"), "2020-05-29");
  EXPECT_EQ(find_date("更新于 2019/6/15"), "2019-06-15");
  EXPECT_EQ(find_date("电话 12023-99-99"), std::nullopt);
  EXPECT_EQ(find_date("没有日期"), std::nullopt);
}

}  // namespace
