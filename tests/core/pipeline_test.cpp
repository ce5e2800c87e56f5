#include "host/pipeline.hpp"

#include <gtest/gtest.h>

#include "docpipe/error.hpp"
#include "test_support.hpp"

using namespace docpipe;
using namespace docpipe::host;
using docpipe::testing::TempDir;
using docpipe::testing::write_file;
namespace fs = std::filesystem;

namespace {

std::string config_error(const fs::path& file, bool resolve = true) {
  try {
    auto p = load_pipeline(file);
    if (resolve) {
      PluginRegistry reg;
      reg.load_directory(BUILTIN_PLUGIN_DIR);
      resolve_pipeline(p, reg);
    }
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Pipeline, LoadsAGoodPipelineAndFillsDefaults) {
  TempDir t;
  write_file(t / "p.yaml",
             "version: 1\nname: good\nplugin_paths: [\"" TEST_PLUGIN_DIR
             "/good\"]\n"
             "inputs: [in]\n"
             "stages:\n  - use: test.replace\n    id: star\n    with: {from: \"团\"}\n"
             "outputs:\n  - use: write.json\n    path: \"{out}/{stem}.json\"\n"
             "run: {jobs: 2, on_error: stop}\n");
  auto p = load_pipeline(t / "p.yaml");
  PluginRegistry reg;
  reg.load_directory(BUILTIN_PLUGIN_DIR);
  resolve_pipeline(p, reg);
  ASSERT_EQ(p.stages.size(), 1u);
  EXPECT_EQ(p.stages[0].id, "star");
  EXPECT_EQ(p.stages[0].with["to"], "*");  // default from the plugin's schema
  EXPECT_EQ(p.outputs[0].with["pretty"], true);
  EXPECT_EQ(p.run.jobs, 2);
  EXPECT_EQ(p.run.on_error, "stop");
  EXPECT_EQ(p.inputs.paths[0], (t / "in").string());  // relative to the pipeline file
}

TEST(Pipeline, SyntaxErrorsNameFileLineAndColumn) {
  TempDir t;
  write_file(t / "p.yaml", "version: 1\nstages:\n  - use: [unclosed\n");
  auto msg = config_error(t / "p.yaml");
  EXPECT_NE(msg.find((t / "p.yaml").string() + ":"), std::string::npos) << msg;
  EXPECT_NE(msg.find("YAML syntax error"), std::string::npos) << msg;
}

// Found by fuzz/fuzz_pipeline_loader: bytes that are not UTF-8 reached the
// schema validator, whose UTF-8 walk reads out of bounds on them.
TEST(Pipeline, BytesThatAreNotUtf8AreRejectedWithTheirLine) {
  TempDir t;
  write_file(t / "p.yaml", "version: 1\nname: \"x\x80\x80\x80\x80\x80\x80\x80\x80\"\n");
  auto msg = config_error(t / "p.yaml", false);
  EXPECT_NE(msg.find((t / "p.yaml").string() + ":2:1: not UTF-8"), std::string::npos) << msg;
}

// Found by fuzz/fuzz_pipeline_loader: NULs at the start of a line made
// yaml-cpp read the rest as UTF-32, and the schema check's message threw
// nlohmann's invalid-UTF-8 error past the loader (exit 3, no file named).
TEST(Pipeline, NulBytesAreRejectedWithTheirLine) {
  TempDir t;
  write_file(t / "p.yaml", std::string("\n\0\0\0# comment\nversion: 1\nname: x\n", 33));
  auto msg = config_error(t / "p.yaml", false);
  EXPECT_NE(msg.find((t / "p.yaml").string() + ":2: a NUL byte"), std::string::npos) << msg;
}

// Found by fuzz/fuzz_pipeline_loader: a complex key made yaml-cpp throw
// its own exception past the loader instead of a ConfigError.
TEST(Pipeline, ComplexKeysAreRejectedAtTheirPosition) {
  TempDir t;
  write_file(t / "p.yaml", "version: 1\noutputs:\n  - use: write.json\n    ? [a, b]\n    : x\n");
  auto msg = config_error(t / "p.yaml", false);
  EXPECT_NE(msg.find((t / "p.yaml").string() + ":4:7: a key must be a plain string"),
            std::string::npos)
      << msg;
}

TEST(Pipeline, UnknownKeysAreRejectedAtTheirPosition) {
  TempDir t;
  write_file(t / "p.yaml", "version: 1\nname: x\nstages:\n  - use: read.txt\n    wiht: {}\n");
  auto msg = config_error(t / "p.yaml");
  EXPECT_EQ(msg, (t / "p.yaml").string() +
                     ":5:5: stages[0].wiht: unknown key 'wiht'; did you mean 'with'?");
}

TEST(Pipeline, TypeErrorsNameTheKey) {
  TempDir t;
  write_file(t / "p.yaml", "version: 1\nrun:\n  jobs: many\n");
  auto msg = config_error(t / "p.yaml");
  EXPECT_NE(msg.find(":3:3: run.jobs:"), std::string::npos) << msg;
}

TEST(Pipeline, UnknownPluginSuggestsTheClosestNames) {
  TempDir t;
  write_file(t / "p.yaml", "version: 1\noutputs:\n  - use: write.jsno\n    path: x.json\n");
  auto msg = config_error(t / "p.yaml");
  EXPECT_EQ(msg,
            (t / "p.yaml").string() +
                ":3:5: outputs[0].use: unknown plugin 'write.jsno'; did you mean 'write.json'?");
}

TEST(Pipeline, WrongKindAndBadParametersAreReported) {
  TempDir t;
  write_file(t / "p.yaml",
             "version: 1\nstages:\n  - use: write.json\n"
             "outputs:\n  - use: write.json\n    path: x.json\n    with: {pretty: 3}\n");
  auto msg = config_error(t / "p.yaml");
  EXPECT_NE(msg.find(":3:5: stages[0].use: 'write.json' is a writer, expected a transform"),
            std::string::npos)
      << msg;
  // At the key's own position, with what was expected.
  EXPECT_NE(msg.find(":7:12: outputs[0].with.pretty: expected true or false, got 3"),
            std::string::npos)
      << msg;
}

TEST(Pipeline, ExtendsReplacesStagesWithTheSameIdAndAppendsNewOnes) {
  TempDir t;
  write_file(t / "base.yaml",
             "version: 1\nname: base\n"
             "stages:\n  - {use: a.one, id: one}\n  - {use: a.two, id: two}\n"
             "outputs:\n  - {use: write.json, path: \"{out}/{stem}.json\"}\n");
  write_file(t / "office.yaml",
             "version: 1\nname: office\nextends: base.yaml\n"
             "stages:\n  - {use: b.one, id: one, with: {k: 1}}\n  - {use: c.three}\n");
  auto p = load_pipeline(t / "office.yaml");
  ASSERT_EQ(p.stages.size(), 3u);
  EXPECT_EQ(p.stages[0].use, "b.one");  // replaced in place
  EXPECT_EQ(p.stages[0].with["k"], 1);
  EXPECT_EQ(p.stages[1].use, "a.two");
  EXPECT_EQ(p.stages[2].id, "c.three");  // id defaults to the plugin name
  EXPECT_EQ(p.outputs.size(), 1u);
  EXPECT_EQ(p.name, "office");
}

TEST(Pipeline, ExtendsCyclesAndMissingBasesAreErrors) {
  TempDir t;
  write_file(t / "a.yaml", "version: 1\nextends: b.yaml\n");
  write_file(t / "b.yaml", "version: 1\nextends: a.yaml\n");
  EXPECT_NE(config_error(t / "a.yaml", false).find("cycle"), std::string::npos);
  write_file(t / "c.yaml", "version: 1\nextends: nowhere.yaml\n");
  EXPECT_NE(config_error(t / "c.yaml", false)
                .find("c.yaml:2:10: extends: no such pipeline 'nowhere.yaml'"),
            std::string::npos)
      << config_error(t / "c.yaml", false);
}

TEST(Pipeline, HashChangesWithStagesNotWithInputs) {
  TempDir t;
  write_file(t / "a.yaml", "version: 1\ninputs: [x]\nstages:\n  - {use: s, with: {k: 1}}\n");
  write_file(t / "b.yaml", "version: 1\ninputs: [y]\nstages:\n  - {use: s, with: {k: 1}}\n");
  write_file(t / "c.yaml", "version: 1\ninputs: [x]\nstages:\n  - {use: s, with: {k: 2}}\n");
  EXPECT_EQ(load_pipeline(t / "a.yaml").hash(), load_pipeline(t / "b.yaml").hash());
  EXPECT_NE(load_pipeline(t / "a.yaml").hash(), load_pipeline(t / "c.yaml").hash());
}

// The hash covers the schemas' defaults (a changed default reprocesses), the
// same whether a parameter is written out or left to its default, and the
// defaults of the readers a pipeline does not list.
TEST(Pipeline, ResolvedHashCarriesSchemaDefaults) {
  TempDir t;
  auto resolved = [&](const char* name, const char* with) {
    write_file(t / name, std::string("version: 1\nplugin_paths: [\"" TEST_PLUGIN_DIR
                                     "/good\"]\nstages:\n  - use: test.replace\n    with: ") +
                             with + "\n");
    auto p = load_pipeline(t / name);
    PluginRegistry reg;
    reg.load_directory(BUILTIN_PLUGIN_DIR);
    resolve_pipeline(p, reg);
    return p;
  };
  auto implicit = resolved("a.yaml", "{from: x}");
  auto explicit_to = resolved("b.yaml", "{from: x, to: \"*\"}");
  auto other_to = resolved("c.yaml", "{from: x, to: y}");
  EXPECT_EQ(implicit.merged["stages"][0]["with"]["to"], "*");
  EXPECT_EQ(implicit.hash(), explicit_to.hash());
  EXPECT_NE(implicit.hash(), other_to.hash());
  const auto& readers = implicit.merged["unlisted_readers"];
  ASSERT_TRUE(readers.is_array());
  bool txt = false;
  for (const auto& r : readers) {
    txt = txt || r["reader"] == "read.txt";  // core_tests depends on read.txt
    if (r["reader"] == "read.pdf") {
      EXPECT_EQ(r["with"].value("max_pages", 0), 2000);
    }
  }
  EXPECT_TRUE(txt) << readers.dump();
}

TEST(Pipeline, BundledPipelinesValidate) {
  for (const char* name : {"base.yaml", "demo.yaml"}) {
    auto file = bundled_pipeline_dir() / name;
    if (!fs::exists(file)) GTEST_SKIP() << "no " << name;
    auto p = load_pipeline(file);
    EXPECT_FALSE(p.stages.empty()) << name;
  }
}

TEST(Pipeline, AUsedPluginThatWasRefusedSaysWhy) {
  TempDir t;
  write_file(t / "p.yaml", "version: 1\nplugin_paths: [\"" TEST_PLUGIN_DIR
                           "/abi_major\"]\n"
                           "stages:\n  - use: test.abi_major\n");
  auto msg = config_error(t / "p.yaml");
  EXPECT_NE(msg.find("stages[0].use: unknown plugin 'test.abi_major'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("note: "), std::string::npos) << msg;
  EXPECT_NE(msg.find("built for docpipe plugin ABI 99.0"), std::string::npos) << msg;
}

TEST(Pipeline, ExtendsInsertsBeforeOrAfterAndDisables) {
  TempDir t;
  write_file(t / "base.yaml",
             "version: 1\nstages:\n  - use: clean.lines\n  - use: clean.dedupe\n"
             "  - use: structure.outline\n  - use: structure.figures\n"
             "outputs:\n  - use: write.json\n    path: \"{out}/{stem}.json\"\n"
             "  - use: write.docx\n    path: \"{out}/{stem}.docx\"\n");
  write_file(t / "office.yaml",
             "version: 1\nextends: base.yaml\nstages:\n"
             "  - {use: clean.terms, before: structure.outline}\n"
             "  - {id: clean.lines, after: clean.dedupe}\n"
             "  - {id: structure.figures, enabled: false}\n"
             "outputs:\n  - {id: write.docx, enabled: false}\n");
  auto p = load_pipeline(t / "office.yaml");
  std::vector<std::string> ids;
  for (const auto& s : p.stages) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"clean.dedupe", "clean.lines", "clean.terms",
                                           "structure.outline"}));
  EXPECT_EQ(p.stages[1].use, "clean.lines");  // moved by id, plugin kept
  ASSERT_EQ(p.outputs.size(), 1u);
  EXPECT_EQ(p.outputs[0].id, "write.json");
}

TEST(Pipeline, InsertingNextToAMissingStageNamesTheClosest) {
  TempDir t;
  write_file(t / "base.yaml", "version: 1\nstages:\n  - use: structure.outline\n");
  write_file(t / "office.yaml",
             "version: 1\nextends: base.yaml\nstages:\n"
             "  - {use: clean.terms, before: structure.outlne}\n"
             "  - {id: clean.nothing, with: {}}\n");
  auto msg = config_error(t / "office.yaml", false);
  EXPECT_NE(msg.find("office.yaml:4:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("stages[0].before: no stage 'structure.outlne' to insert before; did you "
                     "mean 'structure.outline'?"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("stages[1]: no stage 'clean.nothing'"), std::string::npos) << msg;
}

TEST(Pipeline, StageIndexesCountWithinTheUsersFile) {
  TempDir t;
  write_file(t / "office.yaml",
             "version: 1\nextends: base.yaml\nstages:\n"
             "  - use: structure.figures\n    with:\n      extra_unit: [\"架次\"]\n");
  auto msg = config_error(t / "office.yaml");
  EXPECT_NE(msg.find("office.yaml:6:7: stages[0].with: unknown key 'extra_unit' in "
                     "structure.figures's `with`; did you mean 'extra_units'?"),
            std::string::npos)
      << msg;
}
