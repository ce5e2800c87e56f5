// The templates of `docpipe plugins new`, compiled in so the CLI needs no
// data files to scaffold. Placeholders: @NAME@ (plugin name), @IDENT@ (name
// as a C++/CMake identifier), @CLASS@ (class name), @KIND@, @EXT@ (the file
// extension a scaffolded reader claims), @SDK_VERSION@.
#include <cctype>
#include <string_view>

#include "cli/scaffold.hpp"
#include "docpipe/version.hpp"

namespace docpipe::cli {

namespace {

constexpr std::string_view kCMakeLists =
    R"tmpl(# @NAME@: a docpipe @KIND@ plugin, built out of tree against an installed docpipe.
#   cmake -S . -B build -DCMAKE_PREFIX_PATH=<docpipe install prefix>
#   cmake --build build && ctest --test-dir build
cmake_minimum_required(VERSION 3.25)
project(@IDENT@ VERSION 0.1.0 LANGUAGES CXX)

# docpipe::sdk, docpipe_add_plugin() and DOCPIPE_EXECUTABLE (the docpipe CLI).
find_package(docpipe @SDK_VERSION@ REQUIRED)

# The plugin's logic in a static library, so the test links it directly.
add_library(@IDENT@_impl STATIC src/@IDENT@.cpp)
set_target_properties(@IDENT@_impl PROPERTIES POSITION_INDEPENDENT_CODE ON
                      CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
target_include_directories(@IDENT@_impl PUBLIC src)
target_link_libraries(@IDENT@_impl PUBLIC docpipe::sdk)
target_compile_options(@IDENT@_impl PRIVATE -Wall -Wextra)

# The loadable library: build/plugins/docpipe_@IDENT@.so. List build/plugins
# under `plugin_paths:` in a pipeline, or pass it as `--path`.
docpipe_add_plugin(NAME @NAME@ SOURCES src/plugin.cpp LIBRARIES @IDENT@_impl)

enable_testing()
add_executable(@IDENT@_test test/@IDENT@_test.cpp)
target_link_libraries(@IDENT@_test PRIVATE @IDENT@_impl)
add_test(NAME @IDENT@_unit COMMAND @IDENT@_test)
# The built library loads into the installed docpipe (ABI check included).
add_test(NAME @IDENT@_loads
         COMMAND ${DOCPIPE_EXECUTABLE} plugins info @NAME@ --path ${PROJECT_BINARY_DIR}/plugins)
set_tests_properties(@IDENT@_loads PROPERTIES PASS_REGULAR_EXPRESSION "name: +@NAME@")
)tmpl";

constexpr std::string_view kPluginCpp =
    R"tmpl(// Exports the plugin to docpipe: the descriptor the loader checks before it
// runs any code of this library (ABI version, kind, name, parameter schema)
// and the factory. DOCPIPE_PLUGIN must appear exactly once per library; the
// ABI version comes from the SDK headers this file is compiled with.
#include "@IDENT@.hpp"

DOCPIPE_PLUGIN(@IDENT@::@CLASS@,
               .kind = docpipe::PluginKind::@KIND@,
               .name = "@NAME@",
               .version = "0.1.0",
               .description = @IDENT@::kDescription,
               .params_schema = @IDENT@::kParamsSchema@DESCRIPTOR_EXTRA@)
)tmpl";

constexpr std::string_view kCheckHpp =
    R"tmpl(// A minimal check for the test: prints the failed condition and counts it.
#pragma once

#include <cstdio>

inline int g_failures = 0;
#define CHECK(cond)                                                          \
  do {                                                                       \
    if (!(cond)) {                                                           \
      std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++g_failures;                                                          \
    }                                                                        \
  } while (0)
)tmpl";

// ---- transform ------------------------------------------------------------

constexpr std::string_view kTransformHpp =
    R"tmpl(// @NAME@: a docpipe transform. Replaces the words listed in the stage's
// `replace:` parameter in every block. Change apply() to do your own work.
#pragma once

#include <map>
#include <string>

#include <docpipe/plugin.hpp>

namespace @IDENT@ {

inline constexpr const char* kDescription = "replaces listed words in every block";

// The stage's `with:` parameters. The host validates a pipeline against this
// schema and fills in the defaults before the constructor runs.
inline constexpr const char* kParamsSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "replace": {"type": "object", "additionalProperties": {"type": "string"}, "default": {},
                "description": "word -> replacement"}
  }
})json";

// One instance per worker thread: members need no locking.
class @CLASS@ final : public docpipe::Transform {
 public:
  @CLASS@(const docpipe::PluginEnv& env, const docpipe::Params& params);
  void apply(docpipe::Document& doc) override;

 private:
  std::map<std::string, std::string> replace_;
};

}  // namespace @IDENT@
)tmpl";

constexpr std::string_view kTransformCpp = R"tmpl(#include "@IDENT@.hpp"

namespace @IDENT@ {

@CLASS@::@CLASS@(const docpipe::PluginEnv&, const docpipe::Params& params)
    // The schema gives `replace` a default, which the host fills in, so it is
    // always there: require() throws a ConfigError naming it otherwise.
    : replace_(params.get<std::map<std::string, std::string>>("replace")) {}

void @CLASS@::apply(docpipe::Document& doc) {
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    std::string text = doc.blocks[i].text;
    for (const auto& [from, to] : replace_) {
      if (from.empty()) continue;
      for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    }
    // Records an edit (stage, rule, block, before, after) only when the text
    // changed: every change a transform makes must be explainable.
    doc.set_block_text(i, std::move(text), "replace");
  }
}

}  // namespace @IDENT@
)tmpl";

constexpr std::string_view kTransformTest =
    R"tmpl(// Unit test of @NAME@: runs apply() on a small document.
#include "@IDENT@.hpp"
#include "check.hpp"

int main() {
  docpipe::Params params(nlohmann::json{{"replace", {{"旧称", "新称"}}}});
  @IDENT@::@CLASS@ transform(docpipe::PluginEnv{}, params);

  docpipe::Document doc;
  doc.blocks.resize(2);
  doc.blocks[0].text = "旧称办公室";
  doc.blocks[1].text = "无关的段落";
  transform.apply(doc);
  doc.attribute_to_stage({}, "test");  // what the runner does when a stage returns

  CHECK(doc.blocks[0].text == "新称办公室");
  CHECK(doc.blocks[1].text == "无关的段落");
  CHECK(doc.edits.size() == 1);
  if (!doc.edits.empty()) {
    CHECK(doc.edits[0].stage == "test");
    CHECK(doc.edits[0].block == 0);
    CHECK(doc.edits[0].before == "旧称办公室");
  }
  return g_failures ? 1 : 0;
}
)tmpl";

// ---- reader ---------------------------------------------------------------

constexpr std::string_view kReaderHpp =
    R"tmpl(// @NAME@: a docpipe reader for .@EXT@ files. Lines starting with '#' are
// headings (one '#' per level), other non-empty lines are paragraphs.
// Change read() to parse your own format.
#pragma once

#include <docpipe/plugin.hpp>

namespace @IDENT@ {

inline constexpr const char* kDescription = ".@EXT@ files: '#' headings and paragraphs";
inline constexpr const char* kParamsSchema = R"json({"type": "object", "additionalProperties": false})json";

class @CLASS@ final : public docpipe::Reader {
 public:
  @CLASS@(const docpipe::PluginEnv& env, const docpipe::Params& params);
  // 0..100: how sure this reader is that it can read the file. Look at the
  // content (head = first bytes), not only the extension, when you can.
  int sniff(const std::filesystem::path& path, std::string_view head) const override;
  // Throws docpipe::InputError for input it cannot read; the run goes on
  // with the other documents.
  docpipe::Document read(const docpipe::InputFile& input) override;
};

}  // namespace @IDENT@
)tmpl";

constexpr std::string_view kReaderCpp = R"tmpl(#include "@IDENT@.hpp"

#include <docpipe/error.hpp>
#include <docpipe/text.hpp>

namespace @IDENT@ {

@CLASS@::@CLASS@(const docpipe::PluginEnv&, const docpipe::Params&) {}

int @CLASS@::sniff(const std::filesystem::path& path, std::string_view) const {
  return path.extension() == ".@EXT@" ? 90 : 0;
}

docpipe::Document @CLASS@::read(const docpipe::InputFile& input) {
  if (!docpipe::text::is_valid_utf8(input.bytes))
    throw docpipe::InputError(input.path.string() + ": not UTF-8");
  docpipe::Document doc;
  doc.source.format = "@EXT@";
  doc.source.encoding = "UTF-8";
  int line_no = 0;
  for (auto line : docpipe::text::split_lines(input.bytes)) {
    ++line_no;
    std::string text = docpipe::text::trim(line);
    if (text.empty()) continue;
    docpipe::Block b;
    std::size_t level = text.find_first_not_of('#');
    if (level > 0 && level != std::string::npos && level <= 9) {
      b.kind = docpipe::BlockKind::heading;
      b.level = static_cast<int>(level);
      text = docpipe::text::trim(std::string_view(text).substr(level));
    }
    b.text = std::move(text);
    b.origin.line_start = b.origin.line_end = line_no;  // so users can find it again
    doc.blocks.push_back(std::move(b));
  }
  return doc;
}

}  // namespace @IDENT@
)tmpl";

constexpr std::string_view kReaderTest =
    R"tmpl(// Unit test of @NAME@: sniffing and reading a small input.
#include <docpipe/error.hpp>

#include "@IDENT@.hpp"
#include "check.hpp"

int main() {
  @IDENT@::@CLASS@ reader(docpipe::PluginEnv{}, docpipe::Params{});
  CHECK(reader.sniff("report.@EXT@", "") > 50);
  CHECK(reader.sniff("report.docx", "") == 0);

  auto doc = reader.read({"report.@EXT@", "# 工作总结\n\n全年完成任务。\n"});
  CHECK(doc.blocks.size() == 2);
  if (doc.blocks.size() == 2) {
    CHECK(doc.blocks[0].kind == docpipe::BlockKind::heading);
    CHECK(doc.blocks[0].text == "工作总结");
    CHECK(doc.blocks[1].text == "全年完成任务。");
    CHECK(doc.blocks[1].origin.line_start == 3);
  }
  bool refused = false;
  try {
    reader.read({"bad.@EXT@", "\xB9\xA4\xD7\xF7"});
  } catch (const docpipe::InputError&) {
    refused = true;
  }
  CHECK(refused);
  return g_failures ? 1 : 0;
}
)tmpl";

// ---- writer ---------------------------------------------------------------

constexpr std::string_view kWriterHpp =
    R"tmpl(// @NAME@: a docpipe writer. Writes each document as plain text, headings
// marked with '#', list items with '-'. Change render() to write your format.
#pragma once

#include <string>

#include <docpipe/plugin.hpp>

namespace @IDENT@ {

inline constexpr const char* kDescription = "plain text with '#' headings";
inline constexpr const char* kParamsSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "title": {"type": "boolean", "default": true, "description": "start with the document title"}
  }
})json";

std::string render(const docpipe::Document& doc, bool with_title);

// One instance per worker thread; write() is called once per document.
class @CLASS@ final : public docpipe::Writer {
 public:
  @CLASS@(const docpipe::PluginEnv& env, const docpipe::Params& params);
  // The host commits `out` atomically (temp file + rename) when this returns.
  void write(const docpipe::Document& doc, docpipe::OutputFile& out) override;

 private:
  bool title_;
};

}  // namespace @IDENT@
)tmpl";

constexpr std::string_view kWriterCpp = R"tmpl(#include "@IDENT@.hpp"

namespace @IDENT@ {

std::string render(const docpipe::Document& doc, bool with_title) {
  std::string out;
  if (with_title && doc.metadata.title) out += *doc.metadata.title + "\n\n";
  for (const auto& b : doc.blocks) {
    if (b.kind == docpipe::BlockKind::heading) out += std::string(b.level > 0 ? b.level : 1, '#') + " ";
    else if (b.kind == docpipe::BlockKind::list_item) out += "- ";
    out += b.text + "\n";
  }
  return out;
}

@CLASS@::@CLASS@(const docpipe::PluginEnv&, const docpipe::Params& params)
    : title_(params.get<bool>("title")) {}

void @CLASS@::write(const docpipe::Document& doc, docpipe::OutputFile& out) {
  out.write(render(doc, title_));
}

}  // namespace @IDENT@
)tmpl";

constexpr std::string_view kWriterTest =
    R"tmpl(// Unit test of @NAME@: renders a document through an OutputFile.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <docpipe/schema_defaults.hpp>

#include "@IDENT@.hpp"
#include "check.hpp"

int main() {
  // The parameters the host would pass: the schema's defaults.
  @IDENT@::@CLASS@ writer(docpipe::PluginEnv{},
                          docpipe::params_with_defaults(@IDENT@::kParamsSchema));
  docpipe::Document doc;
  doc.metadata.title = "工作总结";
  doc.blocks.resize(2);
  doc.blocks[0].kind = docpipe::BlockKind::heading;
  doc.blocks[0].level = 2;
  doc.blocks[0].text = "一、基本情况";
  doc.blocks[1].text = "全年完成任务。";

  auto temp = std::filesystem::temp_directory_path() / "@IDENT@_test.tmp";
  docpipe::OutputFile out(temp.string() + ".final", temp);
  writer.write(doc, out);
  std::ifstream in(temp, std::ios::binary);
  std::stringstream got;
  got << in.rdbuf();
  std::filesystem::remove(temp);
  CHECK(got.str() == "工作总结\n\n## 一、基本情况\n全年完成任务。\n");
  CHECK(@IDENT@::render(doc, false).rfind("## ", 0) == 0);
  return g_failures ? 1 : 0;
}
)tmpl";

constexpr std::string_view kReadme = R"tmpl(# @NAME@

A docpipe @KIND@ plugin, scaffolded by `docpipe plugins new`.

## Build and test

    cmake -S . -B build -DCMAKE_PREFIX_PATH=<docpipe install prefix>
    cmake --build build
    ctest --test-dir build

The plugin library is `build/plugins/docpipe_@IDENT@.so`. The second test
loads it into the installed docpipe, which checks its ABI version.

## Use it

    docpipe plugins info @NAME@ --path build/plugins

In a pipeline:

```yaml
version: 1
plugin_paths: [build/plugins]   # relative to the pipeline file
@USAGE@
```

Or put the directory on `DOCPIPE_PLUGIN_PATH`.

## Layout

- `src/@IDENT@.hpp`, `src/@IDENT@.cpp` - the plugin class; edit these.
- `src/plugin.cpp` - `DOCPIPE_PLUGIN(...)`: name, kind, version, parameter schema.
- `test/@IDENT@_test.cpp` - unit test run by ctest.

Data files the plugin needs at run time: add `DATA file...` to
`docpipe_add_plugin()`; they are copied to `build/plugins/@NAME@/`, which the
plugin finds as `env.data_dir`.

`docpipe_add_plugin()` also writes the plugin's manifest, the `.plugin.json`
beside the `.so` in `build/plugins/`: docpipe reads it, and checks the ABI,
before it loads any of the library's code. Ship the two files together.

Rebuild the plugin when docpipe's plugin ABI major version changes: docpipe
refuses, with a message naming this library and both versions, to load a
plugin built for another major ABI. The plugin guide (API, ABI policy,
thread-safety rules) is installed as `share/doc/docpipe/plugins.md`; example
projects are in `share/docpipe/examples/plugins/`.
)tmpl";

std::string substitute(std::string_view tmpl,
                       const std::vector<std::pair<std::string, std::string>>& vars) {
  std::string out(tmpl);
  for (const auto& [key, value] : vars)
    for (auto pos = out.find(key); pos != std::string::npos;
         pos = out.find(key, pos + value.size()))
      out.replace(pos, key.size(), value);
  return out;
}

// office.mask -> office_mask; OfficeMask.
std::string ident_of(const std::string& name) {
  std::string s;
  for (char c : name) s += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return s;
}

std::string class_of(const std::string& name) {
  std::string s;
  bool upper = true;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    s += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return s;
}

// A reader claims the last segment of its name as extension: read.notes ->
// .notes.
std::string ext_of(const std::string& name) {
  auto pos = name.find_last_of(".-_");
  std::string ext = pos == std::string::npos ? name : name.substr(pos + 1);
  return ext.empty() ? "dat" : ext;
}

}  // namespace

bool valid_plugin_name(const std::string& name) {
  if (name.empty() || name.size() > 64 || !std::islower(static_cast<unsigned char>(name[0])))
    return false;
  bool after_sep = false;
  for (char c : name) {
    bool alnum =
        std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
    bool sep = c == '.' || c == '-' || c == '_';
    if (!alnum && !sep) return false;
    if (sep && after_sep) return false;
    after_sep = sep;
  }
  return !after_sep;
}

std::vector<ScaffoldFile> scaffold_files(const ScaffoldSpec& spec) {
  const std::string ident = ident_of(spec.name);
  std::string usage, extra;
  std::string_view hpp, cpp, test;
  if (spec.kind == "reader") {
    hpp = kReaderHpp, cpp = kReaderCpp, test = kReaderTest;
    extra = ",\n               .formats = \"" + ext_of(spec.name) + "\"";
    usage =
        "inputs: [reports]                # .@EXT@ files are read by @NAME@\n"
        "outputs:\n  - use: write.json\n    path: \"{out}/{stem}.json\"";
  } else if (spec.kind == "writer") {
    hpp = kWriterHpp, cpp = kWriterCpp, test = kWriterTest;
    extra = ",\n               .formats = \"txt\"";
    usage = "inputs: [reports]\noutputs:\n  - use: @NAME@\n    path: \"{out}/{stem}.txt\"";
  } else {
    hpp = kTransformHpp, cpp = kTransformCpp, test = kTransformTest;
    usage =
        "inputs: [reports]\nstages:\n  - use: @NAME@\n    with:\n      replace: {旧称: 新称}\n"
        "outputs:\n  - use: write.json\n    path: \"{out}/{stem}.json\"";
  }
  std::string sdk = DOCPIPE_VERSION_STRING;
  sdk = sdk.substr(0, sdk.rfind('.'));  // find_package(docpipe 0.1): major.minor
  const std::vector<std::pair<std::string, std::string>> vars = {{"@USAGE@", usage},
                                                                 {"@DESCRIPTOR_EXTRA@", extra},
                                                                 {"@NAME@", spec.name},
                                                                 {"@IDENT@", ident},
                                                                 {"@CLASS@", class_of(spec.name)},
                                                                 {"@KIND@", spec.kind},
                                                                 {"@EXT@", ext_of(spec.name)},
                                                                 {"@SDK_VERSION@", sdk}};
  return {
      {"CMakeLists.txt", substitute(kCMakeLists, vars)},
      {"README.md", substitute(kReadme, vars)},
      {"src/" + ident + ".hpp", substitute(hpp, vars)},
      {"src/" + ident + ".cpp", substitute(cpp, vars)},
      {"src/plugin.cpp", substitute(kPluginCpp, vars)},
      {"test/check.hpp", substitute(kCheckHpp, vars)},
      {"test/" + ident + "_test.cpp", substitute(test, vars)},
  };
}

}  // namespace docpipe::cli
