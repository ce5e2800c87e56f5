#include "host/registry.hpp"

#include <gtest/gtest.h>

#include "docpipe/error.hpp"
#include "docpipe/schema_defaults.hpp"

using namespace docpipe;
using namespace docpipe::host;
namespace fs = std::filesystem;

namespace {
fs::path lib(const std::string& dir, const std::string& name) {
  return fs::path(TEST_PLUGIN_DIR) / dir / (name + ".so");
}
std::string load_error(const fs::path& file) {
  PluginRegistry reg;
  try {
    reg.load_library(file);
  } catch (const PluginLoadError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(Registry, LoadsBuiltInPluginsWithTheirDescriptors) {
  PluginRegistry reg;
  reg.load_directory(BUILTIN_PLUGIN_DIR);
  const auto* txt = reg.find("read.txt");
  ASSERT_NE(txt, nullptr);
  EXPECT_EQ(txt->kind, PluginKind::reader);
  EXPECT_EQ(txt->abi_major, kHostAbiMajor);
  EXPECT_FALSE(txt->version.empty());
  const auto* json = reg.find("write.json");
  ASSERT_NE(json, nullptr);
  EXPECT_EQ(json->kind, PluginKind::writer);
}

TEST(Registry, RefusesAnotherAbiMajorNamingFileAndBothVersions) {
  auto file = lib("abi_major", "docpipe_test_abi_major");
  auto msg = load_error(file);
  EXPECT_NE(msg.find(file.filename().string()), std::string::npos) << msg;
  EXPECT_NE(msg.find("built for docpipe plugin ABI 99.0"), std::string::npos) << msg;
  const std::string host = std::to_string(DOCPIPE_ABI_MAJOR) + ".0 to " +
                           std::to_string(DOCPIPE_ABI_MAJOR) + "." +
                           std::to_string(DOCPIPE_ABI_MINOR);
  EXPECT_NE(msg.find("this docpipe loads ABI " + host), std::string::npos) << msg;
}

TEST(Registry, RefusesANewerAbiMinor) {
  auto msg = load_error(lib("abi_minor", "docpipe_test_abi_minor"));
  EXPECT_NE(msg.find("built for docpipe plugin ABI " + std::to_string(DOCPIPE_ABI_MAJOR) + ".7"),
            std::string::npos)
      << msg;
}

TEST(Registry, MissingFactoryIsAClearError) {
  auto msg = load_error(lib("no_factory", "docpipe_test_no_factory"));
  EXPECT_NE(msg.find("symbol 'docpipe_plugin_create' is missing"), std::string::npos) << msg;
}

TEST(Registry, ALibraryThatIsNoPluginIsAClearError) {
  // libdocpipe itself is a shared library without a descriptor.
  PluginRegistry reg;
  reg.load_directory(TEST_PLUGIN_DIR "/no_such_dir");  // silently nothing
  EXPECT_TRUE(reg.all().empty());
  auto msg = load_error(fs::path(BUILTIN_PLUGIN_DIR) / ".." / ".." / "libdocpipe.so");
  EXPECT_NE(msg.find("symbol 'docpipe_plugin_descriptor' is missing"), std::string::npos) << msg;
}

TEST(Registry, DuplicateNamesAreRefusedNotCrashed) {
  PluginRegistry reg;
  reg.load_directory(fs::path(TEST_PLUGIN_DIR) / "dup_a");
  reg.load_directory(fs::path(TEST_PLUGIN_DIR) / "dup_b");
  ASSERT_NE(reg.find("test.duplicate"), nullptr);
  EXPECT_EQ(reg.find("test.duplicate")->version, "1.0.1");  // the first one stays
  ASSERT_EQ(reg.load_errors().size(), 1u);
  EXPECT_NE(reg.load_errors()[0].find("duplicate plugin name 'test.duplicate'"), std::string::npos);
  EXPECT_NE(reg.load_errors()[0].find("docpipe_test_dup_a.so"), std::string::npos);
}

TEST(Registry, BadLibrariesInADirectoryDoNotStopTheOthers) {
  PluginRegistry reg;
  reg.load_directory(fs::path(TEST_PLUGIN_DIR) / "abi_major");
  reg.load_directory(fs::path(TEST_PLUGIN_DIR) / "good");
  EXPECT_EQ(reg.find("test.abi_major"), nullptr);
  EXPECT_NE(reg.find("test.replace"), nullptr);
  EXPECT_EQ(reg.load_errors().size(), 1u);
}

TEST(Registry, SuggestsCloseNames) {
  PluginRegistry reg;
  reg.load_directory(BUILTIN_PLUGIN_DIR);
  auto near = reg.suggest("write.jsn");
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near[0], "write.json");
  EXPECT_TRUE(reg.suggest("completely-unrelated-name").empty());
}

TEST(Registry, InstancesGetTheirDataDirectory) {
  PluginRegistry reg;
  reg.load_directory(fs::path(TEST_PLUGIN_DIR) / "good");
  auto inst =
      reg.create("test.replace", "star", Params(nlohmann::json{{"from", "a"}, {"to", "b"}}));
  ASSERT_NE(inst->as_transform(), nullptr);
  EXPECT_EQ(inst->as_reader(), nullptr);
  Document doc;
  doc.blocks.push_back({BlockKind::paragraph, 0, "", "aaa", {}, {}});
  doc.current_stage = "star";
  inst->as_transform()->apply(doc);
  EXPECT_EQ(doc.blocks[0].text, "bbb");
  ASSERT_EQ(doc.edits.size(), 1u);
  EXPECT_EQ(doc.edits[0].stage, "star");
}

// Defaults come from the schema only; a parameter the schema gives none is
// a ConfigError naming the stage and the key, not a silent fallback.
TEST(Registry, ParametersGetSchemaDefaultsAndMissingOnesNameStageAndKey) {
  PluginRegistry reg;
  reg.load_directory(fs::path(TEST_PLUGIN_DIR) / "good");
  const auto* info = reg.find("test.replace");
  ASSERT_NE(info, nullptr);
  Params p = params_with_defaults(info->params_schema, {{"from", "a"}});
  EXPECT_EQ(p.get<std::string>("to"), "*");
  EXPECT_THROW(p.get<int>("to"), ConfigError);
  try {
    reg.create("test.replace", "star", Params(nlohmann::json{{"to", "b"}}));
    FAIL() << "a missing parameter must be refused";
  } catch (const ConfigError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("star"), std::string::npos) << what;
    EXPECT_NE(what.find("'from'"), std::string::npos) << what;
  }
}

TEST(Registry, EditDistance) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}
