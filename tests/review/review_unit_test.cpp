// The review pages' logic without the host: edits placed back in the
// original text, escaping, summaries and the index's counts.
#include <gtest/gtest.h>
#include <malloc.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "docpipe/text.hpp"
#include "document_page.hpp"
#include "edit_replay.hpp"
#include "html.hpp"
#include "page_links.hpp"
#include "review_index.hpp"
#include "review_summary.hpp"

namespace fs = std::filesystem;
using namespace docpipe;
using namespace docpipe::review;

namespace {

Document doc_of(std::initializer_list<const char*> texts) {
  Document d;
  d.source.path = "in/report.txt";
  for (const char* t : texts) d.blocks.push_back(Block{BlockKind::paragraph, 0, "", t, {}, {}});
  return d;
}

Assets test_assets() { return load_assets(REVIEW_DATA_DIR); }

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

// Each way the plugins record edits, undone back to the reader's text.
TEST(Replay, RestoresTheOriginalFromEveryKindOfEdit) {
  Document d =
      doc_of({"标题", "一年来,团区委在区委www.qz26.com领导下", "广告：点击下载", "上半", "年工作"});
  d.set_block_text(1, "一年来,团区委在区委领导下", "watermark.domain");
  d.attribute_to_stage({}, "clean.watermark");
  d.remove_block(2, "boilerplate.ad");
  d.attribute_to_stage({}, "clean.boilerplate");
  d.set_block_text(1, "一年来，团区委在区委领导下", "lines.punct");
  // a join: the next block appended, then removed
  d.set_block_text(2, "上半年工作", "lines.join");
  d.remove_block(3, "lines.join");
  // a split: the tail cut off and added as a new block
  d.set_block_text(1, "一年来，", "lines.split");
  d.record_edit("lines.split", 2, "", "团区委在区委领导下");
  d.blocks.insert(d.blocks.begin() + 2,
                  Block{BlockKind::paragraph, 0, "", "团区委在区委领导下", {}, {}});
  d.attribute_to_stage({}, "clean.lines");
  // a change recorded for one word only
  d.blocks[2].text = "团区委在区委指导下";
  d.record_edit("spin.pair", 2, "领导", "指导");
  // a document-level edit is listed, not placed
  d.record_edit("metadata.title", -1, "", "标题");
  d.attribute_to_stage({}, "clean.despin");

  const Replay r = replay_edits(d);
  EXPECT_EQ(r.original_text(),
            "标题\n一年来,团区委在区委www.qz26.com领导下\n广告：点击下载\n上半\n年工作");
  EXPECT_EQ(r.result_text(), d.body_text());
  ASSERT_EQ(r.placed.size(), d.edits.size());
  for (std::size_t k = 0; k + 1 < d.edits.size(); ++k) EXPECT_TRUE(r.placed[k]) << k;
  EXPECT_FALSE(r.placed.back());
  EXPECT_EQ(r.unplaced(), 1u);
  // The watermark is one removed span of edit 0; the ad a removed block.
  bool watermark = false, ad = false;
  for (const auto& b : r.blocks) {
    if (b.removed_by == 1) ad = b.spans.size() == 1 && b.spans[0].text == "广告：点击下载";
    for (const auto& s : b.spans)
      if (s.text == "www.qz26.com" && s.removed_by == 0) watermark = true;
  }
  EXPECT_TRUE(watermark);
  EXPECT_TRUE(ad);
}

// Changes made at once and recorded with context from the text before and
// the text after all of them (as clean.despin does): the windows of close
// changes overlap.
TEST(Replay, PlacesOverlappingWindowsOfChangesMadeAtOnce) {
  const std::u32string in = U"坚持与健全完美团的工作项目体统相连系。";
  struct Sub {
    std::size_t at, len;
    std::u32string to;
  };
  const std::vector<Sub> subs = {{5, 2, U"完善"}, {13, 2, U"系统"}, {15, 3, U"相结合"}};
  std::u32string out;
  std::vector<std::size_t> out_at;
  std::size_t i = 0;
  for (const auto& sub : subs) {
    out += in.substr(i, sub.at - i);
    out_at.push_back(out.size());
    out += sub.to;
    i = sub.at + sub.len;
  }
  out += in.substr(i);
  Document d = doc_of({"标题", text::to_utf8(in).c_str()});
  for (std::size_t k = 0; k < subs.size(); ++k) {
    const auto b0 = subs[k].at >= 2 ? subs[k].at - 2 : 0;
    const auto a0 = out_at[k] >= 2 ? out_at[k] - 2 : 0;
    d.record_edit("spin.pair", 1, text::to_utf8(in.substr(b0, subs[k].at + subs[k].len + 2 - b0)),
                  text::to_utf8(out.substr(a0, out_at[k] + subs[k].to.size() + 2 - a0)));
  }
  d.blocks[1].text = text::to_utf8(out);
  d.attribute_to_stage({}, "clean.despin");
  const Replay r = replay_edits(d);
  EXPECT_EQ(r.unplaced(), 0u);
  EXPECT_EQ(r.original_text(), "标题\n" + text::to_utf8(in));
  EXPECT_EQ(r.result_text(), d.body_text());
  std::string removed_by_first;
  for (const auto& s : r.blocks[1].spans)
    if (s.removed_by == 0) removed_by_first += s.text;
  EXPECT_EQ(removed_by_first, "美");
}

TEST(Replay, AnEditThatDoesNotMatchItsBlockIsNotPlaced) {
  Document d = doc_of({"正文"});
  d.record_edit("odd", 0, "别的", "东西");
  const Replay r = replay_edits(d);
  EXPECT_FALSE(r.placed[0]);
  EXPECT_EQ(r.original_text(), "正文");
}

TEST(Html, EscapesMarkupAndQuotes) {
  EXPECT_EQ(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(escape("\"><img onerror='x'>&"), "&quot;&gt;&lt;img onerror=&#39;x&#39;&gt;&amp;");
  EXPECT_EQ(href("docs/a b/报告\"x.html"), "docs/a%20b/%E6%8A%A5%E5%91%8A%22x.html");
  EXPECT_EQ(href("javascript:alert(1)"), "javascript%3Aalert%281%29");
  const std::string j = script_json(nlohmann::json{{"t", "</script><b>&"}});
  EXPECT_EQ(j.find('<'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(j)["t"], "</script><b>&");
}

TEST(Page, MarksEveryPlacedEditAndEscapesTheText) {
  Document d =
      doc_of({"<script>alert(1)</script>正文www.qz26.com", "\"><img src=x onerror=alert(2)>"});
  d.metadata.title = "<script>alert(1)</script>";
  d.set_block_text(0, "<script>alert(1)</script>正文", "watermark.domain");
  d.remove_block(1, "boilerplate.<b>odd</b>");
  d.attribute_to_stage({}, "clean.watermark");
  const std::string page = render_document_page(d, PageLinks{}, test_assets());
  EXPECT_EQ(count(page, "<script>alert"), 0);
  EXPECT_EQ(count(page, "<img"), 0);
  EXPECT_EQ(count(page, "<b>odd"), 0);
  EXPECT_GE(count(page, "&lt;script&gt;alert(1)&lt;/script&gt;"), 2);
  EXPECT_EQ(count(page, "<del class=s0 data-e=0>"), 1);
  EXPECT_EQ(count(page, "data-e=1>"), 2);  // the removed block and its label
  EXPECT_NE(page.find("<meta name=\"docpipe-source\" content=\"in/report.txt\">"),
            std::string::npos);
}

TEST(Summary, CountsRemovedCharactersPerRule) {
  Document d = doc_of({"一二三四五", "广告"});
  d.set_block_text(0, "一二五", "cut");
  d.remove_block(1, "ad");
  d.attribute_to_stage({}, "s");
  const auto j = summarize(d);
  EXPECT_EQ(j["edits"], 2);
  ASSERT_EQ(j["rules"].size(), 2u);
  EXPECT_EQ(j["rules"][0], nlohmann::json({"s", "ad", 1, 2}));
  EXPECT_EQ(j["rules"][1], nlohmann::json({"s", "cut", 1, 2}));
  EXPECT_EQ(j["samples"].size(), 2u);
}

TEST(Links, ReadsOutAndReldirBackFromThePagePath) {
  const fs::path out = fs::temp_directory_path() / "docpipe-review-links";
  fs::create_directories(out / "json/sub");
  std::ofstream(out / "json/sub/a.json") << "{}";
  const auto links = page_links(
      (out / "in/sub/a.txt").string(), out / "review/docs/sub/a.html", "review/docs",
      {{"JSON", "{out}/json/{reldir}/{stem}.json"}, {"DOCX", "{out}/docx/{reldir}/{stem}.docx"}});
  EXPECT_EQ(links.index, "../../index.html");
  EXPECT_EQ(links.input, "../../../in/sub/a.txt");
  ASSERT_EQ(links.outputs.size(), 2u);
  EXPECT_EQ(links.outputs[0].second, "../../../json/sub/a.json");
  EXPECT_EQ(links.outputs[1].second, "");  // not written
  const auto alone = page_links("a.txt", out / "a.html", "review/docs", {});
  EXPECT_EQ(alone.index, "");
  fs::remove_all(out);
}

TEST(Index, CountsAndEscapesAndFindsPages) {
  const fs::path dir = fs::temp_directory_path() / "docpipe-review-index";
  fs::remove_all(dir);
  fs::create_directories(dir / "docs");
  Document d = doc_of({"正文广告"});
  d.source.path = "in/\"><img src=x onerror=alert(1)>.txt";
  d.metadata.title = "<script>alert(1)</script>";
  d.flags = {"truncated_end"};
  d.set_block_text(0, "正文", "boilerplate.ad");
  d.attribute_to_stage({}, "clean.boilerplate");
  std::ofstream(dir / "docs/x.html") << render_document_page(d, PageLinks{}, test_assets());
  ReviewIndex index(test_assets(), IndexOptions{});
  index.begin(RunInfo{"night", "p.yaml", "2026-12-03T20:00:00", {}, ""});
  index.add(summarize(d), DocumentStatus{"ok", "", 0.5});
  index.add(summarize(Document{}), DocumentStatus{"failed", "read: <b>bad</b>", 0.1});
  const std::string html = index.finish(RunTotals{"2026-12-03T20:01:00", {}}, dir / "index.html");
  EXPECT_EQ(count(html, "<script>alert"), 0);
  EXPECT_EQ(count(html, "<img"), 0);
  EXPECT_EQ(count(html, "<b>bad"), 0);
  EXPECT_NE(html.find("href=\"docs/x.html\""), std::string::npos);
  EXPECT_NE(html.find("#flag=truncated_end"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir / "rules.html"));
  std::ifstream data(dir / "index-data.js");
  std::string js((std::istreambuf_iterator<char>(data)), {});
  EXPECT_EQ(js.find('<'), std::string::npos);
  fs::remove_all(dir);
}

namespace {

long long heap_in_use() {
  const auto m = mallinfo2();
  return static_cast<long long>(m.uordblks + m.hblkhd);
}

}  // namespace

// The index holds a bounded part of the run (counts, the first page of
// rows, the slowest, the largest removals); the rows of index-data.js wait
// in a temporary file. Checked as heap bytes in use (glibc's count, exact
// whatever the machine's speed), per document, far below the 3 KB each row
// held in memory before.
TEST(Index, HoldsNoRowOfADocumentInMemory) {
  {
    const auto before = heap_in_use();
    void* volatile block = std::malloc(1 << 20);
    const bool counted = heap_in_use() >= before + (1 << 20);
    std::free(block);
    if (!counted) GTEST_SKIP() << "this allocator's heap is not counted by mallinfo2";
  }
  const fs::path dir =
      fs::temp_directory_path() / ("docpipe-review-memory-" + std::to_string(getpid()));
  fs::create_directories(dir);
  Document d = doc_of({"正文广告一", "正文广告二"});
  d.metadata.title = "共青团西湖区委员会2024年工作总结";
  d.flags = {"truncated_end"};
  const auto since = d.record_counts();
  d.set_block_text(0, "正文", "boilerplate.ad");
  d.set_block_text(1, "正文", "boilerplate.ad");
  d.attribute_to_stage(since, "clean.boilerplate");
  ReviewIndex index(test_assets(), IndexOptions{});
  index.begin(RunInfo{"night", "p.yaml", "2026-12-03T20:00:00", {}, ""});
  constexpr int kFirst = 1000, kDocuments = 20000;
  auto add = [&](int i) {
    d.source.path = "in/batch" + std::to_string(i / 1000) + "/report_" + std::to_string(i) + ".txt";
    index.add(summarize(d), DocumentStatus{i % 100 ? "ok" : "partial", "", (i % 89) / 1000.0});
  };
  for (int i = 0; i < kFirst; ++i) add(i);  // the first page, the slowest, the samples are full
  const auto before = heap_in_use();
  for (int i = kFirst; i < kDocuments; ++i) add(i);
  const double per_document = double(heap_in_use() - before) / (kDocuments - kFirst);
  EXPECT_LT(per_document, 16) << per_document << " bytes per document";
  index.finish(RunTotals{"2026-12-03T20:01:00", {}}, dir / "index.html");
  std::ifstream data(dir / "index-data.js");
  std::string js((std::istreambuf_iterator<char>(data)), {});
  EXPECT_EQ(count(js, "report_"), kDocuments);
  fs::remove_all(dir);
}
