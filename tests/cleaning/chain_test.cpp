// All nine stages in pipeline order over one synthetic page that carries
// every kind of noise at once (no seed strings): the stages must compose.
#include <gtest/gtest.h>

#include <memory>

#include "boilerplate.hpp"
#include "dedupe.hpp"
#include "despin.hpp"
#include "lines.hpp"
#include "mojibake.hpp"
#include "pinyin.hpp"
#include "placeholders.hpp"
#include "t2s.hpp"
#include "test_support.hpp"
#include "watermark.hpp"

using namespace cleaning_test;
using namespace docpipe::clean;

namespace {

void run_chain(docpipe::Document& doc) {
  std::vector<std::unique_ptr<docpipe::Transform>> stages;
  stages.push_back(std::make_unique<BoilerplateCleaner>(
      env_for("clean.boilerplate"), params(docpipe::clean::kBoilerplateSchema)));
  stages.push_back(std::make_unique<WatermarkCleaner>(env_for("clean.watermark"),
                                                      params(docpipe::clean::kWatermarkSchema)));
  stages.push_back(std::make_unique<PinyinCleaner>(env_for("clean.pinyin"),
                                                   params(docpipe::clean::kPinyinSchema)));
  stages.push_back(
      std::make_unique<T2sConverter>(env_for("clean.t2s"), params(docpipe::clean::kT2sSchema)));
  stages.push_back(
      std::make_unique<Despinner>(env_for("clean.despin"), params(docpipe::clean::kDespinSchema)));
  stages.push_back(std::make_unique<MojibakeRepairer>(env_for("clean.mojibake"),
                                                      params(docpipe::clean::kMojibakeSchema)));
  stages.push_back(std::make_unique<LineCleaner>(
      env_for("clean.lines"), params(docpipe::clean::kLinesSchema, {{"fullwidth_punct", false}})));
  stages.push_back(std::make_unique<Deduplicator>(env_for("clean.dedupe"),
                                                  params(docpipe::clean::kDedupeSchema)));
  stages.push_back(std::make_unique<PlaceholderCounter>(
      env_for("clean.placeholders"), params(docpipe::clean::kPlaceholdersSchema)));
  for (auto& s : stages) s->apply(doc);
}

}  // namespace

TEST(CleaningChain, NoisySpunPageBecomesCleanText) {
  auto doc = doc_of(
      {"青年公文网", "首页 > 总结 > 团委", "2022-01-05 10:00", "某某团县委2021年工作总结",
       "某某团县委2021年工作总结 "
       "2021年以来,团县委经由过程年夜力开展自愿处事勾当,增强下层团组织培植,明确工作标的目的。",
       "一、 工作开展情况 1、开展3?5学雷锋勾当,组织志愿者走进敬老院 qq123.cc",
       "qq123.cc、福利院等处事基地。", "标签: 团县委 总结"});
  run_chain(doc);
  EXPECT_EQ(texts(doc),
            (std::vector<std::string>{
                "某某团县委2021年工作总结",
                "2021年以来,团县委通过大力开展志愿服务活动,加强基层团组织建设,明确工作方向。",
                "一、工作开展情况",
                "1、开展3·5学雷锋活动,组织志愿者走进敬老院、福利院等服务基地。",
            }));
  EXPECT_EQ(doc.metadata.page.site, "青年公文网");
  EXPECT_EQ(doc.metadata.page.tags, (std::vector<std::string>{"团县委", "总结"}));
  for (const char* flag : {"boilerplate_removed", "watermark_removed", "spun_restored", "mojibake",
                           "duplicates_removed"})
    EXPECT_TRUE(doc.has_flag(flag)) << flag;
  // Nothing changed silently: every stage that changed text left edits.
  EXPECT_GT(doc.edits.size(), 10u);
}

TEST(CleaningChain, CleanSimplifiedReportPassesUnchanged) {
  const std::vector<std::string> lines{
      "共青团某某县委2021年工作总结",
      "2021年以来,团县委坚持党建带团建,成立青年志愿服务队,增强团组织活力。", "一、主要工作",
      "(一)加强思想引领。组织青年学习党史,开展主题团日活动。", "共青团某某县委 2021年12月30日"};
  auto doc = doc_of(lines);
  run_chain(doc);
  EXPECT_EQ(texts(doc), lines);
  EXPECT_TRUE(doc.edits.empty());
  EXPECT_TRUE(doc.flags.empty());
}
