// A minimal host for the writer tests: loads one writer plugin library the
// way the real host does (its exported descriptor and factory), feeds it
// documents read from JSON files and commits the outputs. It keeps the writer
// tests independent of the cleaning and structure stages.
//
//   writers_harness PLUGIN.so DATA_DIR PARAMS_JSON OUT [INPUT.json...]
//
// A per-document writer writes OUT/<stem>.<first format>; a batch writer
// writes the single file OUT. Inputs are docpipe/document@1 JSON or the
// gold shape of ../shared/gold (source as a plain string).
#include <dlfcn.h>

#include <docpipe/json.hpp>
#include <docpipe/plugin.hpp>
#include <docpipe/schema_defaults.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

docpipe::Document load_document(const fs::path& path) {
  std::ifstream f(path);
  json j = json::parse(f);
  if (j.contains("source") && j["source"].is_string()) j["source"] = json{{"path", j["source"]}};
  if (!j.contains("source")) j["source"] = json{{"path", path.filename().string()}};
  if (!j.contains("metadata")) j["metadata"] = json::object();
  return docpipe::document_from_json(j);
}

void commit(const fs::path& temp, const fs::path& target) {
  fs::create_directories(target.parent_path());
  fs::rename(temp, target);
}

int run(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: writers_harness PLUGIN.so DATA_DIR PARAMS_JSON OUT [INPUT.json...]\n";
    return 2;
  }
  void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) throw std::runtime_error(dlerror());
  auto* desc =
      static_cast<const docpipe::PluginDescriptor*>(dlsym(lib, "docpipe_plugin_descriptor"));
  auto* create = reinterpret_cast<docpipe::PluginFactory*>(dlsym(lib, "docpipe_plugin_create"));
  if (!desc || !create) throw std::runtime_error("not a docpipe plugin: " + std::string(argv[1]));

  docpipe::PluginEnv env{"test", argv[1], argv[2]};
  // As the host does: the entry point returns a status and hands over its
  // message; nothing is thrown across it. Parameters carry the schema's defaults.
  auto make = [&] {
    docpipe::Plugin* made = nullptr;
    std::string message;
    const auto status = create(
        env, docpipe::params_with_defaults(desc->params_schema, json::parse(argv[3])), &made,
        [](void* to, const char* m) noexcept { *static_cast<std::string*>(to) = m; }, &message);
    if (status != docpipe::PluginStatus::ok) throw std::runtime_error(message);
    return made;
  };
  std::unique_ptr<docpipe::Plugin> plugin(make());
  const fs::path out = argv[4];
  std::vector<fs::path> inputs(argv + 5, argv + argc);

  if (auto* batch = plugin->as_batch_writer()) {
    docpipe::RunInfo info{
        "writers-test", "tests/writers", "2024-05-01T08:00:00", {{desc->name, desc->version}}, ""};
    batch->begin(info);
    docpipe::RunTotals totals{"2024-05-01T08:05:30", {}};
    // As the host does: a writer that summarizes gets each document as its
    // summary, after a trip through JSON text (the worker pipe and ledger).
    // A separate instance summarizes, as a worker's would.
    std::unique_ptr<docpipe::Plugin> summarizer(make());
    // summarize() exists from ABI 1.1 on (host/processor.cpp decides the same way).
    const bool summaries = (desc->abi_major > 1 || desc->abi_minor >= 1) && batch->summarizes();
    for (const auto& in : inputs) {
      docpipe::DocumentStatus status{"ok", "", 0.5};
      if (summaries) {
        auto text = summarizer->as_batch_writer()->summarize(load_document(in)).dump();
        batch->add_summary(json::parse(text), status);
      } else {
        batch->add(load_document(in), status);
      }
      ++totals.counts["ok"];
    }
    docpipe::OutputFile file(out, out.string() + ".tmp");
    batch->finish(totals, file);
    commit(file.temp_path(), out);
    return 0;
  }
  auto* writer = plugin->as_writer();
  if (!writer) throw std::runtime_error("not a writer: " + std::string(desc->name));
  std::string ext = desc->formats;
  ext = ext.substr(0, ext.find(','));
  for (const auto& in : inputs) {
    fs::path target = out / (in.stem().string() + "." + ext);
    fs::create_directories(out);
    docpipe::OutputFile file(target, target.string() + ".tmp");
    writer->write(load_document(in), file);
    commit(file.temp_path(), target);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "writers_harness: " << e.what() << "\n";
    return 1;
  }
}
