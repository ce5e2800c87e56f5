// Unit tests of the writers' text handling, and of the JSON writer's UTF-8
// guarantee (which needs bytes no JSON fixture file can hold).
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <docpipe/plugin.hpp>
#include <docpipe/schema_defaults.hpp>
#include <docpipe/text.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cell_text.hpp"
#include "change_excerpt.hpp"
#include "docx_text.hpp"
#include "docx_writer.hpp"
#include "figure_context.hpp"
#include "summary_workbook.hpp"

namespace fs = std::filesystem;
using namespace docpipe;

TEST(DocxText, SplitsSignatureIntoOrganizationAndDate) {
  auto s = docx::split_signature("共青团西湖区委 2020年5月29日");
  EXPECT_EQ(s.organization, "共青团西湖区委");
  EXPECT_EQ(s.date, "2020年5月29日");
  s = docx::split_signature("团县委二〇二〇年五月二十九日");
  EXPECT_EQ(s.organization, "团县委");
  EXPECT_EQ(s.date, "二〇二〇年五月二十九日");
  s = docx::split_signature("XX团委\n201x年x月x日");
  EXPECT_EQ(s.organization, "XX团委");
  EXPECT_EQ(s.date, "201x年x月x日");
}

TEST(DocxText, SignatureWithoutTrailingDateIsAllOrganization) {
  auto s = docx::split_signature("共青团西湖区委");
  EXPECT_EQ(s.organization, "共青团西湖区委");
  EXPECT_EQ(s.date, "");
  s = docx::split_signature("2020年5月召开会议");
  EXPECT_EQ(s.date, "");
  s = docx::split_signature("2020年5月29日");
  EXPECT_EQ(s.organization, "");
  EXPECT_EQ(s.date, "2020年5月29日");
}

TEST(DocxText, ChineseDate) {
  EXPECT_EQ(docx::chinese_date("2020-05-29"), "2020年5月29日");
  EXPECT_EQ(docx::chinese_date("2020-5-29"), "");
  EXPECT_EQ(docx::chinese_date(""), "");
}

TEST(DocxText, XmlSafeDropsControlsAndRepairsUtf8) {
  EXPECT_EQ(docx::xml_safe("a\x01"
                           "b\tc\nd"),
            "ab\tc\nd");
  EXPECT_EQ(docx::xml_safe("团\xff委"), "团\xEF\xBF\xBD委");
  EXPECT_TRUE(text::is_valid_utf8(docx::xml_safe("\xe5\x9b")));
}

TEST(DocxText, RunInHeadingEndsAtFirstFullStopWithTextAfter) {
  std::string h = "（一）聚焦主责主业。一是加强引领。";
  EXPECT_EQ(h.substr(0, docx::run_in_heading_end(h)), "（一）聚焦主责主业。");
  EXPECT_EQ(docx::run_in_heading_end("一、坚持青年为本。"), std::string::npos);
  EXPECT_EQ(docx::run_in_heading_end("一、坚持青年为本"), std::string::npos);
}

TEST(DocxText, DisplayCharsCountsHalfWidthAsHalf) {
  EXPECT_DOUBLE_EQ(docx::display_chars("2020年5月29日"), 3.0 + 3.5);
}

TEST(CellText, WidthCountsCjkAsTwo) {
  EXPECT_DOUBLE_EQ(xlsx::display_width("团委2020"), 8);
  EXPECT_DOUBLE_EQ(xlsx::display_width("短\n更长一些"), 8);
}

TEST(CellText, CutsAtExcelLimitAndDropsControls) {
  std::string longer;
  for (int i = 0; i < 40000; ++i) longer += "团";
  std::string cut = xlsx::cell_text(longer);
  EXPECT_EQ(text::length(cut), xlsx::kMaxCellChars + 1);  // + the ellipsis
  EXPECT_TRUE(text::ends_with(cut, "…"));
  EXPECT_EQ(xlsx::cell_text("a\x02"
                            "b\xff"),
            "ab\xEF\xBF\xBD");
}

TEST(SummaryWorkbook, ParsesIsoDates) {
  auto dt = xlsx::parse_iso_datetime("2024-05-01T08:09:10+08:00");
  ASSERT_TRUE(dt);
  EXPECT_EQ(dt->year, 2024);
  EXPECT_EQ(dt->day, 1);
  EXPECT_EQ(dt->sec, 10);
  EXPECT_TRUE(xlsx::parse_iso_datetime("2020-05-29"));
  EXPECT_FALSE(xlsx::parse_iso_datetime("2020年5月29日"));
  EXPECT_FALSE(xlsx::parse_iso_datetime("2020-13-01"));
}

namespace {
// Entry names of a ZIP given as bytes, read back with libzip.
std::vector<std::string> zip_names(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : nullptr;
  zip_error_fini(&err);
  std::vector<std::string> names;
  if (!z) {
    if (src) zip_source_free(src);
    return names;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i)
    names.emplace_back(zip_get_name(z, static_cast<zip_uint64_t>(i), 0));
  zip_discard(z);
  return names;
}
}  // namespace

TEST(DocxSharedParts, SameBytesWithOrWithoutTheCacheWhateverCameBefore) {
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  auto preset = docx::Preset::load(WRITERS_PLUGIN_DIR "/write.docx", "gbt9704");
  Document plain_doc;
  plain_doc.blocks.push_back(Block{BlockKind::heading, 1, "一、", "一、总体情况", {}, {}});
  plain_doc.blocks.push_back(Block{BlockKind::paragraph, 0, "", "开展活动12次。", {}, {}});
  Document list_doc = plain_doc;  // a list item without a marker needs numbering.xml
  list_doc.blocks.push_back(Block{BlockKind::list_item, 0, "", "一项没有编号的工作", {}, {}});

  const std::string alone = docx::docx_bytes(plain_doc, *preset, {});
  docx::SharedParts shared;
  const std::string first = docx::docx_bytes(plain_doc, *preset, {}, &shared);
  const std::string with_list = docx::docx_bytes(list_doc, *preset, {}, &shared);
  const std::string again = docx::docx_bytes(plain_doc, *preset, {}, &shared);
  EXPECT_EQ(first, alone);
  EXPECT_EQ(again, alone);
  const auto plain_names = zip_names(again), list_names = zip_names(with_list);
  EXPECT_EQ(plain_names.size(), 11u);
  EXPECT_EQ(std::count(plain_names.begin(), plain_names.end(), "word/numbering.xml"), 0);
  EXPECT_EQ(std::count(list_names.begin(), list_names.end(), "word/numbering.xml"), 1);
  EXPECT_EQ(list_names.front(), "[Content_Types].xml");
  ::unsetenv("SOURCE_DATE_EPOCH");
}

TEST(ChangeExcerpt, ShowsTheFirstChangeWithContext) {
  const std::string before = "今年以来,团县委按照县委县政府和上级团委工作要求,围绕中心、服务大局";
  const std::string after = "今年以来，团县委按照县委县政府和上级团委工作要求，围绕中心、服务大局";
  auto [b, a] = xlsx::change_excerpt(before, after, 3);
  EXPECT_EQ(b, "…年以来,团县委…");
  EXPECT_EQ(a, "…年以来，团县委…");
}

TEST(ChangeExcerpt, InsertionsDeletionsAndWholeRemovals) {
  auto [b1, a1] =
      xlsx::change_excerpt("组织开展了www.example.com各项活动", "组织开展了各项活动", 2);
  EXPECT_EQ(b1, "…展了www.example.com各项…");
  EXPECT_EQ(a1, "…展了各项…");
  auto [b2, a2] = xlsx::change_excerpt("团委工作", "团委工作总结", 2);
  EXPECT_EQ(b2, "…工作");
  EXPECT_EQ(a2, "…工作总结");
  auto [b3, a3] = xlsx::change_excerpt("本文由网友投稿", "", 2);
  EXPECT_EQ(b3, "本文由网友投稿");
  EXPECT_EQ(a3, "");
  // A rewrite longer than a short hunk: everything up to the common ending.
  const std::string old_text = "甲" + std::string(60, 'x') + "乙";
  const std::string new_text = "甲" + std::string(60, 'y') + "乙";
  auto [b4, a4] = xlsx::change_excerpt(old_text, new_text, 1);
  EXPECT_EQ(b4, old_text);
  EXPECT_EQ(a4, new_text);
}

TEST(FigureContext, KeepsTheFigureWithContextOnEachSide) {
  const std::string sentence = "组织团员开展学习1次，举办活动12次，服务青年1次。";
  EXPECT_EQ(xlsx::figure_context(sentence, "12次", 0, 3), "…办活动12次，服务…");
  // The same text twice: the nth occurrence, in reading order.
  EXPECT_EQ(xlsx::figure_context(sentence, "1次", 0, 2), "…学习1次，举…");
  EXPECT_EQ(xlsx::figure_context(sentence, "1次", 1, 2), "…青年1次。");
  // Near the start nothing is left out there; 0 or a figure not in the
  // sentence keeps it whole.
  EXPECT_EQ(xlsx::figure_context(sentence, "组织", 0, 2), "组织团员…");
  EXPECT_EQ(xlsx::figure_context(sentence, "12次", 0, 0), sentence);
  EXPECT_EQ(xlsx::figure_context(sentence, "99次", 0, 3), sentence);
  EXPECT_EQ(xlsx::figure_context(sentence, "1次", 5, 3), sentence);
  EXPECT_EQ(xlsx::figure_context(sentence, "12次", 0, 100), sentence);
}

TEST(SummaryWorkbook, SummaryHoldsTheRowsOfEachSheet) {
  Document doc;
  doc.source.path = "a/report.txt";
  doc.metadata.organization = "共青团西湖区委";
  doc.blocks.push_back(Block{BlockKind::heading, 1, "一、", "一、总体情况", {}, {}});
  doc.blocks.push_back(Block{BlockKind::paragraph, 0, "", "开展活动12次。", {}, {}});
  doc.metrics.push_back(Metric{12, "次", "12次", "开展活动12次。", {"一、总体情况"}, 1, {}});
  for (int i = 0; i < 3; ++i)
    doc.edits.push_back(Edit{"clean.lines", "lines.punct", 1, "开展活动,12次", "开展活动，12次"});
  doc.edits.push_back(Edit{"clean.boilerplate", "boilerplate.paywall", -1, "阅读全文", ""});
  auto rules = xlsx::summarize(doc, {});
  EXPECT_EQ(rules["headings"], 1);
  EXPECT_EQ(rules["outline"].size(), 1u);
  EXPECT_EQ(rules["figures"].size(), 1u);
  EXPECT_EQ(rules["figures"][0][4], "开展活动12次。");  // short: whole
  ASSERT_EQ(rules["cleaning"].size(), 2u);              // one row per rule
  EXPECT_EQ(rules["cleaning"][0][2], 3);                // with its number of changes
  EXPECT_EQ(rules["cleaning"][1][3], "阅读全文");
  xlsx::WorkbookOptions every;
  every.cleaning = xlsx::CleaningRows::edits;
  EXPECT_EQ(xlsx::summarize(doc, every)["cleaning"].size(), 4u);
  xlsx::WorkbookOptions none;
  none.cleaning = xlsx::CleaningRows::none;
  EXPECT_TRUE(xlsx::summarize(doc, none)["cleaning"].empty());
}

TEST(SummaryWorkbook, FigureContextCountsRepeatsPerBlock) {
  // A paragraph repeated in a later block repeats its sentence: each block's
  // figure is the first occurrence in its own sentence, not the second.
  Document doc;
  const std::string sentence =
      "全年开展志愿服务活动共计12次，覆盖全区所有街道社区和农村基层团组织。";
  for (int block : {0, 1}) {
    doc.blocks.push_back(Block{BlockKind::paragraph, 0, "", sentence, {}, {}});
    doc.metrics.push_back(Metric{12, "次", "12次", sentence, {}, block, {}});
  }
  xlsx::WorkbookOptions opts;
  opts.figure_context = 4;
  const auto s = xlsx::summarize(doc, opts);
  ASSERT_EQ(s["figures"].size(), 2u);
  EXPECT_EQ(s["figures"][0][4], "…活动共计12次，覆盖全…");
  EXPECT_EQ(s["figures"][1][4], s["figures"][0][4]);
}

TEST(SummaryWorkbook, RefusesWhatIsNotASummary) {
  fs::path scratch =
      fs::temp_directory_path() / ("docpipe-xlsx-bad-" + std::to_string(::getpid()) + ".xlsx");
  xlsx::SummaryWorkbook book(scratch, {});
  book.begin(RunInfo{});
  EXPECT_THROW(book.add(nlohmann::json{{"file", "x"}}, DocumentStatus{"ok", "", 0}), Error);
}

TEST(SummaryWorkbook, AbandonedRunLeavesNoScratchFile) {
  fs::path scratch =
      fs::temp_directory_path() / ("docpipe-xlsx-test-" + std::to_string(::getpid()) + ".xlsx");
  {
    xlsx::SummaryWorkbook book(scratch, {});
    book.begin(RunInfo{});
    Document doc;
    doc.blocks.push_back(Block{BlockKind::heading, 1, "一、", "一、总体情况", {}, {}});
    book.add(doc, DocumentStatus{"ok", "", 0});
  }
  EXPECT_FALSE(fs::exists(scratch));
}

// The JSON writer plugin, loaded as the host loads it.
class JsonWriterPlugin : public ::testing::Test {
 protected:
  std::string write(const Document& doc, const char* params) {
    void* lib = dlopen(WRITERS_PLUGIN_DIR "/docpipe_write_json.so", RTLD_NOW | RTLD_LOCAL);
    EXPECT_NE(lib, nullptr) << dlerror();
    auto* create = reinterpret_cast<PluginFactory*>(dlsym(lib, "docpipe_plugin_create"));
    auto* desc = static_cast<const PluginDescriptor*>(dlsym(lib, "docpipe_plugin_descriptor"));
    Plugin* made = nullptr;
    std::string message;
    const auto status = create(
        PluginEnv{}, params_with_defaults(desc->params_schema, nlohmann::json::parse(params)),
        &made, [](void* to, const char* m) noexcept { *static_cast<std::string*>(to) = m; },
        &message);
    EXPECT_EQ(status, PluginStatus::ok) << message;
    std::unique_ptr<Plugin> plugin(made);
    fs::path target =
        fs::temp_directory_path() / ("docpipe-json-test-" + std::to_string(::getpid()) + ".json");
    OutputFile out(target, target.string() + ".tmp");
    plugin->as_writer()->write(doc, out);
    std::ifstream f(out.temp_path(), std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    fs::remove(out.temp_path());
    return s.str();
  }
};

TEST_F(JsonWriterPlugin, InvalidUtf8InTheModelStillGivesValidUtf8) {
  Document doc;
  doc.metadata.title = std::string("团\xff\xfe委");
  doc.blocks.push_back(Block{BlockKind::paragraph, 0, "", "半个字\xe5\x9b", {}, {}});
  std::string out = write(doc, "{}");
  EXPECT_TRUE(text::is_valid_utf8(out));
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["metadata"]["title"], "团\xEF\xBF\xBD\xEF\xBF\xBD委");
}

TEST_F(JsonWriterPlugin, CompactWithoutEditsIsOneLine) {
  Document doc;
  doc.blocks.push_back(Block{BlockKind::paragraph, 0, "", "正文", {}, {}});
  doc.edits.push_back(Edit{"clean.watermark", "watermark.domain", 0, "正www.qz26.com文", "正文"});
  std::string pretty = write(doc, "{}");
  std::string compact = write(doc, R"({"pretty": false, "include_edits": false})");
  EXPECT_GT(std::count(pretty.begin(), pretty.end(), '\n'), 10);
  EXPECT_EQ(std::count(compact.begin(), compact.end(), '\n'), 1);
  EXPECT_EQ(nlohmann::json::parse(pretty)["edits"].size(), 1u);
  EXPECT_TRUE(nlohmann::json::parse(compact)["edits"].empty());
  EXPECT_NE(compact.find("正文"), std::string::npos);  // UTF-8, not \u escapes
}

// Memory stays bounded however many documents a run has: rows are streamed
// (constant-memory mode) and no document is kept. Peak RSS is compared, not
// time, so the test does not depend on the machine's speed.
#include <sys/resource.h>

namespace {
long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}
}  // namespace

TEST(SummaryWorkbook, MemoryDoesNotGrowWithTheRun) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer keeps freed memory in quarantine: RSS says nothing here";
#endif
  fs::path dir = fs::temp_directory_path() / ("docpipe-xlsx-many-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string sentence(300, 'x');  // 300 bytes per figure and edit
  const long before = peak_rss_kb();
  {
    xlsx::SummaryWorkbook book(dir / "scratch.xlsx", {});
    book.begin(RunInfo{"many", "", "2024-05-01T08:00:00", {}, ""});
    for (int i = 0; i < 20000; ++i) {
      Document doc;
      doc.source.path = "report-" + std::to_string(i) + ".txt";
      doc.metadata.title = "共青团第" + std::to_string(i) + "区委2020年上半年工作总结";
      doc.metadata.organization = "共青团第" + std::to_string(i % 50) + "区委";
      for (int h = 0; h < 5; ++h)
        doc.blocks.push_back(Block{BlockKind::heading, 1, "一、", "一、标题" + sentence, {}, {}});
      for (int m = 0; m < 3; ++m)
        doc.metrics.push_back(Metric{1.0 * m, "人次", "3人次", sentence, {"一、标题"}, 0, {}});
      for (int e = 0; e < 2; ++e)
        doc.edits.push_back(Edit{"clean.lines", "spaces", 0, sentence, sentence});
      book.add(doc, DocumentStatus{"ok", "", 0});
    }
    book.finish(RunTotals{"2024-05-01T09:00:00", {{"ok", 20000}}}, dir / "summary.xlsx");
  }
  const long grown_kb = peak_rss_kb() - before;
  // 20,000 documents carry ~60 MB of text; buffering them (or the rows)
  // would show here.
  EXPECT_LT(grown_kb, 30 * 1024) << "peak RSS grew by " << grown_kb << " KiB";
  RecordProperty("peak_rss_growth_kib", static_cast<int>(grown_kb));
  EXPECT_GT(fs::file_size(dir / "summary.xlsx"), 1000000u);
  fs::remove_all(dir);
}

TEST(OrgGrouping, OneBodyInItsWrittenForms) {
  const docpipe::xlsx::OrgForms forms(nlohmann::json::parse(R"({
    "league_prefixes": ["共青团"], "league_level_prefix": "团",
    "levels": ["区委", "县委", "市委"],
    "league_suffixes": [["团工委", "工委"], ["团委", "委"]],
    "long_forms": [["工作委员会", "工委"], ["委员会", "委"], ["妇女联合会", "妇联"]]})"));
  const auto k = forms.key("共青团西湖区委");
  EXPECT_EQ(forms.key("共青团西湖区委员会"), k);
  EXPECT_EQ(forms.key("西湖区团委"), k);
  EXPECT_EQ(forms.key("团西湖区委"), k);
  EXPECT_EQ(forms.key("共青团 西湖区委"), k);
  EXPECT_EQ(forms.key("共青团某街道工作委员会"), forms.key("某街道团工委"));
  EXPECT_EQ(forms.key("某镇妇女联合会"), forms.key("某镇妇联"));
  EXPECT_EQ(forms.key("ＸＸ镇团委"), forms.key("XX镇团委"));
  // The Party's district committee is another body; so are other places.
  EXPECT_NE(forms.key("西湖区委"), k);
  EXPECT_NE(forms.key("共青团上城区委"), k);
  EXPECT_NE(forms.key("团委"), forms.key("校团委"));

  docpipe::xlsx::OrgGroups groups(forms);
  const auto& key = groups.add("共青团西湖区委");
  groups.add("西湖区团委");
  groups.add("西湖区团委");
  EXPECT_EQ(groups.add("共青团西湖区委员会"), key);
  EXPECT_EQ(groups.shown(key), "西湖区团委");  // the commonest form
}
