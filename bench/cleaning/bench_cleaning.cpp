// Cleaning throughput benchmark.
//   bench_cleaning [--repeat N] FILE_OR_DIR...
// Reads UTF-8 text files (one block per non-empty line, as read.txt does),
// then runs each clean.* stage in pipeline order over fresh copies of the
// documents N times and prints MB/s of input text per stage and for the chain.
// Time is the thread's CPU time, so the figure is throughput per core and does
// not depend on what else the (shared) machine is running.
#include <cstdio>
#include <ctime>
#include <docpipe/schema_defaults.hpp>
#include <docpipe/text.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "boilerplate.hpp"
#include "dedupe.hpp"
#include "despin.hpp"
#include "lines.hpp"
#include "mojibake.hpp"
#include "pinyin.hpp"
#include "placeholders.hpp"
#include "t2s.hpp"
#include "watermark.hpp"

namespace fs = std::filesystem;
using namespace docpipe;

namespace {

Document read_lines(const fs::path& p, std::size_t& bytes) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  bytes += all.size();
  Document d;
  for (auto line : text::split_lines(all)) {
    auto t = text::trim(line);
    if (t.empty()) continue;
    Block b;
    b.text = t;
    d.blocks.push_back(std::move(b));
  }
  return d;
}

template <class T>
std::unique_ptr<Transform> make(const char* name, const char* schema) {
  PluginEnv env;
  env.stage_id = name;
  env.data_dir = fs::path(DOCPIPE_PLUGIN_SOURCE_DIR) / name;
  return std::make_unique<T>(env, params_with_defaults(schema));
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 200;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::stoi(argv[++i]);
    } else if (fs::is_directory(a)) {
      for (auto& e : fs::directory_iterator(a))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    } else {
      files.emplace_back(a);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: bench_cleaning [--repeat N] FILE_OR_DIR...\n");
    return 2;
  }
  std::size_t bytes = 0;
  std::vector<Document> docs;
  for (auto& f : files) docs.push_back(read_lines(f, bytes));

  std::vector<std::pair<const char*, std::unique_ptr<Transform>>> stages;
  stages.emplace_back("clean.boilerplate", make<clean::BoilerplateCleaner>(
                                               "clean.boilerplate", clean::kBoilerplateSchema));
  stages.emplace_back("clean.watermark",
                      make<clean::WatermarkCleaner>("clean.watermark", clean::kWatermarkSchema));
  stages.emplace_back("clean.pinyin",
                      make<clean::PinyinCleaner>("clean.pinyin", clean::kPinyinSchema));
  stages.emplace_back("clean.t2s", make<clean::T2sConverter>("clean.t2s", clean::kT2sSchema));
  stages.emplace_back("clean.despin", make<clean::Despinner>("clean.despin", clean::kDespinSchema));
  stages.emplace_back("clean.mojibake",
                      make<clean::MojibakeRepairer>("clean.mojibake", clean::kMojibakeSchema));
  stages.emplace_back("clean.lines", make<clean::LineCleaner>("clean.lines", clean::kLinesSchema));
  stages.emplace_back("clean.dedupe",
                      make<clean::Deduplicator>("clean.dedupe", clean::kDedupeSchema));
  stages.emplace_back("clean.placeholders", make<clean::PlaceholderCounter>(
                                                "clean.placeholders", clean::kPlaceholdersSchema));

  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  std::vector<double> seconds(stages.size(), 0.0);
  for (int r = 0; r < repeat; ++r) {
    for (const auto& original : docs) {
      Document d = original;
      for (std::size_t s = 0; s < stages.size(); ++s) {
        const auto before = d.record_counts();
        double t0 = cpu_now();
        stages[s].second->as_transform()->apply(d);
        seconds[s] += cpu_now() - t0;
        d.attribute_to_stage(before, stages[s].first);
      }
    }
  }
  const double mb = static_cast<double>(bytes) * repeat / 1e6;
  double total = 0;
  std::printf("%zu files, %zu bytes, %d repeats, %.1f MB processed\n", files.size(), bytes, repeat,
              mb);
  std::printf("%-20s %10s %10s\n", "stage", "cpu s", "MB/s");
  for (std::size_t s = 0; s < stages.size(); ++s) {
    total += seconds[s];
    std::printf("%-20s %10.3f %10.1f\n", stages[s].first, seconds[s], mb / seconds[s]);
  }
  std::printf("%-20s %10.3f %10.1f\n", "all cleaning", total, mb / total);
  return 0;
}
