// The collected reports in samples/ (real noisy inputs) through the stages
// whose decisions are per document: spin and script detection must fire on
// the spun / traditional report and change nothing on the others.
#include <gtest/gtest.h>

#include <algorithm>
#include <docpipe/text.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "despin.hpp"
#include "t2s.hpp"
#include "test_support.hpp"

using namespace cleaning_test;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> samples() {
  std::vector<fs::path> out;
  fs::path dir = fs::path(DOCPIPE_PLUGIN_SOURCE_DIR).parent_path() / "samples";
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

docpipe::Document load(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  std::vector<std::string> lines;
  for (auto l : docpipe::text::split_lines(all)) {
    auto t = docpipe::text::trim(l);
    if (!t.empty()) lines.push_back(t);
  }
  return doc_of(lines);
}

}  // namespace

TEST(Samples, DetectionFiresOnlyWhereTheNoiseIs) {
  auto files = samples();
  if (files.empty()) {
    GTEST_SKIP() << "no samples/ directory";
  }
  docpipe::clean::Despinner despin(env_for("clean.despin"), params(docpipe::clean::kDespinSchema));
  docpipe::clean::T2sConverter t2s(env_for("clean.t2s"), params(docpipe::clean::kT2sSchema));
  int spun = 0, traditional = 0;
  for (const auto& f : files) {
    auto doc = load(f);
    auto before = texts(doc);
    despin.apply(doc);
    t2s.apply(doc);
    bool was_spun = doc.has_flag("spun_restored"), was_trad = doc.has_flag("traditional_converted");
    spun += was_spun;
    traditional += was_trad;
    if (!was_spun && !was_trad) {
      EXPECT_EQ(texts(doc), before) << f;
    }
    EXPECT_FALSE(was_spun && was_trad) << f;
  }
  // samples/ holds one spun and one traditional report among five.
  EXPECT_EQ(spun, 1);
  EXPECT_EQ(traditional, 1);
}
