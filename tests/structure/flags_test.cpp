#include <gtest/gtest.h>

#include "quality_flags.hpp"
#include "test_docs.hpp"

using namespace docpipe;
using namespace docpipe::structure;
using docpipe::structure::testing::doc_of;
using docpipe::structure::testing::has_diagnostic;

namespace {
const QualityFlagger& flagger() {
  static const QualityFlagger f(FlagRules::from_file(STRUCTURE_FLAGS_DATA_FILE));
  return f;
}
}  // namespace

TEST(Flags, StartsMidEnumeration) {
  auto d = doc_of(
      {"三是坚持与健全完善团的工作项目体系相结合。", "(三)突出服务广带动", "一是建立服务基地。"});
  flagger().apply(d);
  EXPECT_TRUE(d.has_flag("truncated_start"));
  EXPECT_TRUE(has_diagnostic(d, "flag truncated_start"));
  EXPECT_FALSE(d.has_flag("truncated_end"));
}

TEST(Flags, StartsMidOutlineOrMidSentence) {
  auto a = doc_of({"（三）突出服务广带动", "一是建立服务基地。"});
  flagger().apply(a);
  EXPECT_TRUE(a.has_flag("truncated_start"));
  auto b = doc_of({"，进一步加强了团的建设。"});
  flagger().apply(b);
  EXPECT_TRUE(b.has_flag("truncated_start"));
}

TEST(Flags, CompleteDocumentIsNotFlagged) {
  auto d = doc_of({"一年来,团区委积极开展各项工作。", "一、坚持党建带团建",
                   "一是召开会议。二是建立制度。", "共青团西湖区委 2020年5月29日"});
  d.blocks[3].kind = BlockKind::signature;  // ends without a full stop, but it is the signature
  flagger().apply(d);
  EXPECT_TRUE(d.flags.empty());
}

TEST(Flags, EndsMidSentence) {
  auto d = doc_of({"一年来,团区委积极开展各项工作。",
                   "同时,团区委还将积极引导青年参与社会治理,为建设和谐美丽xx贡献青春"});
  flagger().apply(d);
  EXPECT_TRUE(d.has_flag("truncated_end"));
  EXPECT_TRUE(has_diagnostic(d, "贡献青春\""));
}

TEST(Flags, EncodingGuessed) {
  auto d = doc_of({"今年以来,团县委积极开展各项工作。"});
  d.source.encoding = "GB18030";
  d.source.encoding_confidence = 0.8;
  flagger().apply(d);
  EXPECT_TRUE(d.has_flag("encoding_guessed"));
  EXPECT_TRUE(has_diagnostic(d, "GB18030 detected with confidence 0.80"));
}

TEST(Flags, EvidenceForAnEarlierStagesFlag) {
  auto d = doc_of({"今年以来,团县委积极开展各项工作。"});
  d.record_edit("despin.dictionary", 0, "今年以来,团县委积极开展各项勾当。",
                "今年以来,团县委积极开展各项工作。");
  d.set_flag("spun_restored");
  d.set_flag("mojibake");  // set without any edit: reported as unexplained
  d.attribute_to_stage({}, "clean.despin");
  flagger().apply(d);
  EXPECT_TRUE(
      has_diagnostic(d, "flag spun_restored: evidence in edits clean.despin:despin.dictionary×1"));
  EXPECT_TRUE(
      has_diagnostic(d, "flag mojibake: set by an earlier stage without recorded evidence"));
}

TEST(Flags, ExistingEvidenceIsNotRepeated) {
  auto d = doc_of({"今年以来,团县委积极开展各项工作。"});
  d.set_flag("pinyin_removed");
  d.diagnose(Level::info, "pinyin_removed: 12 glosses such as 團(tuán)");
  std::size_t before = d.diagnostics.size();
  flagger().apply(d);
  EXPECT_EQ(d.diagnostics.size(), before);
}

TEST(Flags, LastItemWithItsOwnTextIsNotATruncatedEnd) {
  auto a = doc_of({"一、下半年工作计划", "6、推动品牌建设。结合工作重点,打造特色品牌。"});
  a.blocks[1].kind = BlockKind::heading;
  a.blocks[1].level = 3;
  flagger().apply(a);
  EXPECT_FALSE(a.has_flag("truncated_end"));
  auto b = doc_of({"一年来,团区委积极开展各项工作。", "三、相关工作建议"});
  b.blocks[1].kind = BlockKind::heading;
  b.blocks[1].level = 1;
  flagger().apply(b);
  EXPECT_TRUE(b.has_flag("truncated_end"));
}

TEST(Flags, ACompleteEndingWithoutAFullStopIsNoCut) {
  // An editor line, a date, a name, a plan's last short item: closing lines.
  for (const char* last : {"（责任编辑：某某）", "2019/1/2", "某某某", "5、做好年终总结"}) {
    auto d = doc_of({"一年来,团区委积极开展各项工作,取得了较好成效。", last});
    if (std::string(last).rfind("5、", 0) == 0) {
      d.blocks[1].kind = BlockKind::heading;
      d.blocks[1].level = 3;
    }
    flagger().apply(d);
    EXPECT_FALSE(d.has_flag("truncated_end")) << last;
  }
}
