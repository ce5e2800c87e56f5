#include "despin.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace cleaning_test;
using docpipe::clean::Despinner;

namespace {
Despinner make(const nlohmann::json& j = nlohmann::json::object()) {
  return Despinner(env_for("clean.despin"), params(docpipe::clean::kDespinSchema, j));
}
// A spun paragraph (not from any seed) dense enough to be detected.
const std::string kSpun =
    "团县委经由过程年夜力开展自愿处事勾当,增强下层团组织培植,明确工作标的目的,"
    "不竭晋升处事青年的能力。";
}  // namespace

TEST(Despin, SpunDocumentIsRestored) {
  auto doc = doc_of({kSpun});
  make().apply(doc);
  EXPECT_EQ(
      doc.blocks[0].text,
      "团县委通过大力开展志愿服务活动,加强基层团组织建设,明确工作方向,不断提升服务青年的能力。");
  EXPECT_TRUE(doc.has_flag("spun_restored"));
  EXPECT_GE(edits_with(doc, "spin.pair"), 9u);
}

TEST(Despin, SubstitutionInsideALongerWordIsUndone) {
  auto doc = doc_of({kSpun, "进一步增强了下层团干戎行伍培植。"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[1].text, "进一步加强了基层团干部队伍建设。");
}

TEST(Despin, GuardedRealWordsStayInASpunDocument) {
  auto doc =
      doc_of({kSpun, "春节前组织志愿者为孤寡白叟送年夜饭,助力平安建设,展现新时代青年风貌。"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[1].text,
            "春节前组织志愿者为孤寡老人送年夜饭,助力平安建设,展现新时代青年风貌。");
}

TEST(Despin, LongestMatchWins) {
  auto doc = doc_of({kSpun, "评为前进前辈集体,测验考试新方法。"});
  make().apply(doc);
  EXPECT_EQ(doc.blocks[1].text, "评为先进集体,尝试新方法。");
}

TEST(Despin, UnspunDocumentIsNeverChanged) {
  // Real words that are also spun forms of others: 增强 成立 有关 主要 年夜饭.
  const std::vector<std::string> lines{
      "今年以来,团区委增强服务意识,成立青年志愿服务队,主要负责有关青年工作。",
      "春节期间为困难家庭送去年夜饭,资本市场知识讲座也如期举办。"};
  auto doc = doc_of(lines);
  make().apply(doc);
  EXPECT_EQ(texts(doc), lines);
  EXPECT_FALSE(doc.has_flag("spun_restored"));
  EXPECT_TRUE(doc.edits.empty());
}

TEST(Despin, DetectionCountsDistinctMarkersPerThousand) {
  auto d = make();
  auto spun = d.detect(kSpun);
  EXPECT_TRUE(d.is_spun(spun));
  EXPECT_GE(spun.distinct, 3u);
  // One stray marker is not enough.
  EXPECT_FALSE(d.is_spun(d.detect("今年我们开展了很多活动,大家都很满意,不竭努力。")));
  // A guarded word does not count.
  EXPECT_EQ(d.detect("年夜饭年夜饭年夜饭").hits, 0u);
}

TEST(Despin, OfficePairsAndGuardsFromParameters) {
  auto doc = doc_of({kSpun + "坚持走群众门路。"});
  make({{"extra_pairs", {{"群众门路", "群众路线"}}}}).apply(doc);
  EXPECT_NE(doc.blocks[0].text.find("群众路线"), std::string::npos);
  auto guarded = doc_of({kSpun + "宣传部勾当。"});
  make({{"extra_guards", {"宣传部勾当"}}}).apply(guarded);
  EXPECT_NE(guarded.blocks[0].text.find("宣传部勾当"), std::string::npos);
}

TEST(Despin, DictionaryCoversTheFamilyNotOneDocument) { EXPECT_GE(make().pair_count(), 300u); }

TEST(Despin, TheDeToHuanShangArtefactIsUndone) {
  auto doc = doc_of({kSpun + "各项工作取患上了较着成效,值患上一提的是青年踊跃介入。"});
  make().apply(doc);
  EXPECT_NE(doc.blocks[0].text.find("取得了明显成效,值得一提的是青年积极参与。"),
            std::string::npos);
}

TEST(Despin, TableCellsAreRestoredWithEdits) {
  auto doc = doc_of({kSpun});
  docpipe::Block table;
  table.kind = docpipe::BlockKind::table;
  table.rows = {{"勾当名称", "介入人数"}, {"自愿处事", "30"}};
  doc.blocks.push_back(table);
  make().apply(doc);
  EXPECT_EQ(doc.blocks[1].rows[0][0], "活动名称");
  EXPECT_EQ(doc.blocks[1].rows[1][0], "志愿服务");
  std::size_t table_edits = 0;
  for (const auto& e : doc.edits) table_edits += e.block == 1 ? 1 : 0;
  EXPECT_EQ(table_edits, 4u);
}

TEST(Despin, IdiomHoldingASpunFormStaysInASpunDocument) {
  // 人为 is the seed tool's spin of 工资; inside 助人为乐 it is the idiom's own.
  auto doc = doc_of({kSpun, "团员们发扬助人为乐的精神,经由过程志愿勾当赐顾帮衬白叟。"});
  make().apply(doc);
  ASSERT_TRUE(doc.has_flag("spun_restored"));
  EXPECT_NE(texts(doc).back().find("助人为乐"), std::string::npos) << texts(doc).back();
  EXPECT_NE(texts(doc).back().find("通过"), std::string::npos);
}

TEST(Despin, ACommonWordTheDocumentAlsoUsesUnspunStays) {
  // The spun document still writes 得到 (the original of 获得): a tool that
  // spins replaces every 得到, so 获得 here is the author's own word.
  auto doc = doc_of({kSpun, "学生会获得市级表彰,同时得到了学校的支持,经由过程勾当晋升了本质。"});
  make().apply(doc);
  ASSERT_TRUE(doc.has_flag("spun_restored"));
  EXPECT_NE(texts(doc).back().find("获得市级表彰"), std::string::npos) << texts(doc).back();
}
