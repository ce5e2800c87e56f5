#include "docpipe/model.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "docpipe/json.hpp"

using namespace docpipe;

TEST(Model, EditsGetTheStageTheHostNamesWhenTheStageReturns) {
  Document doc;
  doc.blocks.push_back({BlockKind::paragraph, 0, "", "甲乙", {}, {}});
  doc.record_edit("earlier", -1, "", "x");
  doc.attribute_to_stage({}, "read");
  const auto before = doc.record_counts();
  doc.set_block_text(0, "甲", "drop.yi");
  doc.set_block_text(0, "甲", "unchanged");  // no edit: the text is the same
  doc.diagnose(Level::info, "dropped 乙");
  ASSERT_EQ(doc.edits.size(), 2u);
  EXPECT_EQ(doc.edits[1].stage, "");  // the document does not know which stage runs
  doc.attribute_to_stage(before, "clean");
  EXPECT_EQ(doc.edits[0].stage, "read");  // an earlier stage's edit keeps its stage
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_EQ(doc.diagnostics[0].stage, "clean");
  doc.edits.erase(doc.edits.begin());
  EXPECT_EQ(doc.edits[0].stage, "clean");
  EXPECT_EQ(doc.edits[0].rule, "drop.yi");
  EXPECT_EQ(doc.edits[0].before, "甲乙");
  EXPECT_EQ(doc.edits[0].after, "甲");
}

TEST(Model, RemovingABlockRecordsWhatWasRemoved) {
  Document doc;
  doc.blocks.push_back({BlockKind::paragraph, 0, "", "keep", {}, {}});
  doc.blocks.push_back({BlockKind::paragraph, 0, "", "www.example.com", {}, {}});
  doc.remove_block(1, "watermark.line");
  ASSERT_EQ(doc.blocks.size(), 1u);
  ASSERT_EQ(doc.edits.size(), 1u);
  EXPECT_EQ(doc.edits[0].before, "www.example.com");
  EXPECT_EQ(doc.edits[0].after, "");
  EXPECT_EQ(doc.edits[0].block, 1);
}

// A metric's attributes are keys of its JSON object, beside its own fields,
// which win over an attribute of the same name.
TEST(Model, MetricAttributesAreKeysOfTheMetricInJson) {
  Document doc;
  doc.metrics.push_back({12, "次", "约12次", "s", {}, 0, {{"qualifier", "约"}, {"unit", "x"}}});
  doc.metrics.push_back({3, "个", "3个", "s", {}, 0, {}});
  const auto j = document_to_json(doc);
  EXPECT_EQ(j["metrics"][0]["qualifier"], "约");
  EXPECT_EQ(j["metrics"][0]["unit"], "次");
  EXPECT_FALSE(j["metrics"][1].contains("qualifier"));
  const Document back = document_from_json(j);
  EXPECT_EQ(back.metrics[0].attributes, (std::map<std::string, std::string>{{"qualifier", "约"}}));
  EXPECT_TRUE(back.metrics[1].attributes.empty());
}

TEST(Model, FlagsAreASet) {
  Document doc;
  doc.set_flag("spun_restored");
  doc.set_flag("spun_restored");
  EXPECT_EQ(doc.flags.size(), 1u);
  EXPECT_TRUE(doc.has_flag("spun_restored"));
  EXPECT_FALSE(doc.has_flag("mojibake"));
}

TEST(Model, JsonRoundTripKeepsEverything) {
  Document doc;
  doc.source.path = "a/b.txt";
  doc.source.format = "txt";
  doc.source.encoding = "GB18030";
  doc.source.encoding_confidence = 0.8;
  doc.metadata.title = "共青团某区委2022年度工作总结";
  doc.metadata.period.year = 2022;
  doc.metadata.period.span = "annual";
  doc.metadata.page.tags = {"共青团"};
  Block h{BlockKind::heading, 1, "一、", "一、思想引领", {}, {3, 3, ""}};
  Block t{BlockKind::table, 0, "", "", {{"a", "b"}, {"1", "2"}}, {}};
  doc.blocks = {h, t};
  doc.metrics.push_back(
      {572000, "人次", "57.2万人次", "s", {"一、思想引领"}, 0, {{"qualifier", "约"}}});
  doc.record_edit("r", 0, "b", "a");
  doc.diagnose(Level::warning, "w");
  doc.attribute_to_stage({}, "x");
  auto j = document_to_json(doc);
  EXPECT_EQ(j["schema"], "docpipe/document@1");
  EXPECT_EQ(j["blocks"][0]["marker"], "一、");
  EXPECT_EQ(j["blocks"][1]["rows"][1][0], "1");
  Document back = document_from_json(j);
  EXPECT_EQ(document_to_json(back), j);
}

TEST(Model, JsonCanOmitEdits) {
  Document doc;
  doc.record_edit("r", 0, "b", "a");
  JsonOptions o;
  o.include_edits = false;
  EXPECT_TRUE(document_to_json(doc, o)["edits"].empty());
}

// dump_json must write exactly what nlohmann's dump writes (it replaces it on
// the hot path of write.json and of the worker protocol).
TEST(Json, FastDumpMatchesNlohmannByteForByte) {
  using nlohmann::json;
  std::vector<json> values;
  for (const char* name : {"writers/fixtures/rich.json", "writers/fixtures/empty.json",
                           "e2e/gold/000.json", "e2e/gold/004.json"}) {
    std::ifstream f(std::string(TESTS_DIR) + "/" + name);
    ASSERT_TRUE(f) << name;
    values.push_back(json::parse(f));
  }
  values.push_back(document_to_json(document_from_json(values[0])));
  values.push_back(json{{"quote\"back\\slash", "tab\tnew\nline\rcr\bbs\fff\x01\x1f\x7f"},
                        {"empty", json::object()},
                        {"none", json::array()},
                        {"nested", {{"a", {1, -2, 3.5, 1e-7, 12345678901234LL, true, nullptr}}}},
                        {"invalid", std::string("ok\xC0\xAF then \xE5\x9B") + "end"},
                        {"cjk", "共青团“五个一”活动，57.2万人次。😀"}});
  values.push_back(json("a lone string"));
  values.push_back(json(42));
  for (const auto& v : values)
    for (int indent : {-1, 0, 1, 2, 4}) {
      std::string fast;
      dump_json(fast, v, indent);
      EXPECT_EQ(fast, v.dump(indent, ' ', false, json::error_handler_t::replace))
          << "indent " << indent;
    }
  // Nested: `depth` levels in, as write.json places each top-level part.
  std::string fast = "x";
  dump_json(fast, values.back() = json{{"k", {1, 2}}}, 2, 1);
  EXPECT_EQ(fast, "x{\n    \"k\": [\n      1,\n      2\n    ]\n  }");
}
