#include "host/registry.hpp"

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "docpipe/error.hpp"
#include "docpipe/schema_defaults.hpp"
#include "host/scan_cache.hpp"

using namespace docpipe;
using namespace docpipe::host;
namespace fs = std::filesystem;

namespace {
fs::path lib(const std::string& dir, const std::string& name) {
  return fs::path(TEST_PLUGIN_DIR) / dir / (name + ".so");
}
// Registers the library from its manifest and loads its code; the message
// of the refusal, or "" when it loads.
std::string load_error(const fs::path& file) {
  PluginRegistry reg;
  reg.set_scan_cache({});
  try {
    reg.open(reg.load_library(file).name);
  } catch (const PluginLoadError& e) {
    return e.what();
  }
  return "";
}

// A private directory for one test, removed when the test ends.
struct ScratchDir {
  fs::path path;
  explicit ScratchDir(const std::string& name)
      : path(fs::temp_directory_path() /
             ("docpipe-registry-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() { fs::remove_all(path); }
};

// Copies test.replace's library and manifest into `dir`.
fs::path copy_replace_plugin(const fs::path& dir) {
  const fs::path from = lib("good", "docpipe_test_replace");
  fs::copy_file(from, dir / from.filename());
  fs::copy_file(manifest_path(from), manifest_path(dir / from.filename()));
  return dir / from.filename();
}

nlohmann::json read_json(const fs::path& p) { return nlohmann::json::parse(std::ifstream(p)); }
void write_json(const fs::path& p, const nlohmann::json& j) { std::ofstream(p) << j.dump(); }
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
  EXPECT_NE(msg.find("none of its code was loaded"), std::string::npos) << msg;
  EXPECT_NE(msg.find(file.filename().string()), std::string::npos) << msg;
  EXPECT_NE(msg.find("built for docpipe plugin ABI 99.0"), std::string::npos) << msg;
  const std::string host = std::to_string(DOCPIPE_ABI_MAJOR) + ".0 to " +
                           std::to_string(DOCPIPE_ABI_MAJOR) + "." +
                           std::to_string(DOCPIPE_ABI_MINOR);
  EXPECT_NE(msg.find("this docpipe loads ABI " + host), std::string::npos) << msg;
}

// The refusal comes from the manifest: the library's static initialiser,
// which leaves a mark when the library is loaded, has not run.
TEST(Registry, RefusesAnotherAbiBeforeAnyOfThePluginsCodeRuns) {
  ScratchDir dir("load-mark");
  const fs::path mark = dir.path / "loaded";
  ::setenv("DOCPIPE_TEST_LOAD_MARK", mark.c_str(), 1);
  const fs::path file = lib("abi_major", "docpipe_test_abi_major");
  PluginRegistry reg;
  reg.set_scan_cache({});
  reg.load_directory(file.parent_path());
  ASSERT_EQ(reg.load_errors().size(), 1u);
  EXPECT_NE(reg.load_errors()[0].find("ABI 99.0"), std::string::npos) << reg.load_errors()[0];
  EXPECT_FALSE(fs::exists(mark)) << "the refused plugin's code ran";
  // The mark does work: loading the library writes it.
  void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(handle, nullptr) << ::dlerror();
  EXPECT_TRUE(fs::exists(mark));
  ::dlclose(handle);
  ::unsetenv("DOCPIPE_TEST_LOAD_MARK");
}

TEST(Registry, ALibraryWithoutAManifestIsRefusedNamingTheFileAndTheFix) {
  ScratchDir dir("no-manifest");
  const fs::path file = copy_replace_plugin(dir.path);
  fs::remove(manifest_path(file));
  PluginRegistry reg;
  reg.set_scan_cache({});
  reg.load_directory(dir.path);
  EXPECT_EQ(reg.find("test.replace"), nullptr);
  ASSERT_EQ(reg.load_errors().size(), 1u);
  const std::string& msg = reg.load_errors()[0];
  EXPECT_NE(msg.find(file.string() + ": no plugin manifest docpipe_test_replace.plugin.json"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("docpipe_add_plugin()"), std::string::npos) << msg;
}

// A manifest left from another build of the library is caught when the
// library is loaded: its descriptor must say what the manifest said.
TEST(Registry, AStaleManifestIsRefusedWhenTheLibraryLoads) {
  ScratchDir dir("stale-manifest");
  const fs::path file = copy_replace_plugin(dir.path);
  auto m = read_json(manifest_path(file));
  m["version"] = "9.9.9";
  write_json(manifest_path(file), m);
  auto msg = load_error(file);
  EXPECT_NE(msg.find("differs from its manifest docpipe_test_replace.plugin.json"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("9.9.9"), std::string::npos) << msg;
}

// A library that passes its manifest but cannot be loaded is refused when
// it is, naming the file and what the dynamic loader said.
TEST(Registry, ALibraryThatCannotBeLoadedIsRefusedWithTheLoadersReason) {
  ScratchDir dir("not-elf");
  const fs::path file = copy_replace_plugin(dir.path);
  std::ofstream(file, std::ios::trunc) << "not a shared library\n";
  auto msg = load_error(file);
  EXPECT_NE(msg.find(file.string() + ": cannot load plugin library: "), std::string::npos) << msg;
  EXPECT_EQ(msg.find("Bad file descriptor"), std::string::npos) << msg;
}

TEST(Registry, ScanningReadsNoLibrary) {
  PluginRegistry reg;
  reg.set_scan_cache({});
  reg.load_directory(fs::path(TEST_PLUGIN_DIR) / "no_factory");
  // Registered from its manifest; its missing factory shows only when loaded.
  ASSERT_NE(reg.find("test.no_factory"), nullptr);
  EXPECT_THROW(reg.open("test.no_factory"), PluginLoadError);
}

// The scan cache serves a manifest while the library and the manifest keep
// their size and mtime, and reads the manifest again when either changes.
TEST(ScanCache, AnEntryIsReadAgainWhenSizeOrMtimeChange) {
  ScratchDir dir("scan-cache");
  const fs::path plugins = dir.path / "plugins";
  fs::create_directories(plugins);
  const fs::path file = copy_replace_plugin(plugins);
  const fs::path cache_file = dir.path / "cache" / "plugin-scan.json";
  auto description = [&] {
    PluginRegistry reg;
    reg.set_scan_cache(cache_file);
    reg.load_directory(plugins);
    return reg.find("test.replace")->description;
  };
  EXPECT_EQ(description(), "replaces text, for tests");
  ASSERT_TRUE(fs::exists(cache_file));
  // Doctor the cached copy: a registry that uses the cache shows it.
  auto cache = read_json(cache_file);
  const std::string key = fs::weakly_canonical(file).string();
  ASSERT_TRUE(cache["libraries"].contains(key)) << cache.dump();
  cache["libraries"][key]["manifest"]["description"] = "from the cache";
  write_json(cache_file, cache);
  EXPECT_EQ(description(), "from the cache");
  // A new mtime of the library: read again.
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(10));
  EXPECT_EQ(description(), "replaces text, for tests");
  // A new size of the manifest: read again too.
  cache = read_json(cache_file);
  cache["libraries"][key]["manifest"]["description"] = "from the cache";
  write_json(cache_file, cache);
  EXPECT_EQ(description(), "from the cache");
  auto m = read_json(manifest_path(file));
  m["description"] = "rebuilt";
  write_json(manifest_path(file), m);
  EXPECT_EQ(description(), "rebuilt");
  // Nothing left beside the cache: it is written aside and renamed.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(cache_file.parent_path()))
    files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST(ScanCache, LibrariesThatAreGoneDropOut) {
  ScratchDir dir("scan-cache-gone");
  const ScanStamp stamp{{1, 2}, {3, 4}};
  const fs::path here = copy_replace_plugin(dir.path);
  {
    ScanCache cache(dir.path / "plugin-scan.json");
    cache.store(dir.path / "gone.so", stamp, {{"name", "gone"}});
    cache.store(here, stamp, {{"name", "here"}});
    cache.save();
  }
  ScanCache again(dir.path / "plugin-scan.json");
  EXPECT_EQ(again.find(dir.path / "gone.so", stamp), nullptr);
  ASSERT_NE(again.find(here, stamp), nullptr);
  EXPECT_EQ(again.find(here, ScanStamp{{1, 2}, {3, 5}}), nullptr);  // another stamp
}

TEST(ScanCache, ADamagedCacheFileIsAnEmptyCache) {
  ScratchDir dir("scan-cache-damaged");
  const fs::path cache_file = dir.path / "plugin-scan.json";
  std::ofstream(cache_file) << "{\"docpipe_plugin_scan\": 1, \"libraries\": [";
  PluginRegistry reg;
  reg.set_scan_cache(cache_file);
  reg.load_directory(fs::path(TEST_PLUGIN_DIR) / "good");
  EXPECT_NE(reg.find("test.replace"), nullptr);
  EXPECT_TRUE(reg.load_errors().empty());
  EXPECT_NO_THROW(read_json(cache_file));  // rewritten whole
}

// A constructor that throws its own exception type reaches the host as a
// status and a message the host owns: the message stays readable after the
// registry, and with it the library, is gone.
TEST(Registry, AThrowingConstructorIsAConfigErrorWithAHostOwnedMessage) {
  std::string msg;
  {
    PluginRegistry reg;
    reg.set_scan_cache({});
    reg.load_directory(fs::path(TEST_PLUGIN_DIR) / "ctor_throws");
    try {
      reg.create("test.ctor_throws", "bad-pattern", Params(nlohmann::json{{"pattern", "("}}));
    } catch (const ConfigError& e) {
      msg = e.what();
    }
  }
  EXPECT_EQ(msg,
            "stage 'bad-pattern' (plugin 'test.ctor_throws') cannot start: cannot compile "
            "pattern '('");
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
  EXPECT_NE(msg.find(": no plugin manifest libdocpipe"), std::string::npos) << msg;
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
  inst->as_transform()->apply(doc);
  EXPECT_EQ(doc.blocks[0].text, "bbb");
  ASSERT_EQ(doc.edits.size(), 1u);
  EXPECT_EQ(doc.edits[0].rule, "replace");
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
