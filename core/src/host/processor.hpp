// Runs one document through a resolved pipeline: pick a reader by sniffing,
// read, apply every transform, render every per-document output atomically.
// One instance per thread (plugin instances are not shared between threads).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "docpipe/model.hpp"
#include "host/inputs.hpp"
#include "host/pipeline.hpp"
#include "host/registry.hpp"

namespace docpipe::host {

struct ProcessResult {
  std::string input;
  std::string status = "ok";  // ok, partial, failed, skipped
  std::string stage;          // stage that failed, when failed
  std::string error;
  double seconds = 0;
  std::vector<std::string> outputs;
  std::optional<Document> doc;  // set when reading succeeded (batch writers need it)
};

// Expands an output path template: {out} {stem} {name} {ext} {reldir}.
std::filesystem::path expand_output_path(const std::string& tmpl, const std::filesystem::path& out,
                                         const InputItem& item);

// Inputs larger than this are refused before they are read into memory.
inline constexpr std::uintmax_t kMaxInputBytes = 256ull * 1024 * 1024;

class DocumentProcessor {
 public:
  DocumentProcessor(const Pipeline& pipeline, const PluginRegistry& registry);

  // Reads and transforms; no outputs written. Throws nothing: failures are
  // reported in the result.
  ProcessResult transform(const InputItem& item);
  // transform() then every per-document writer of the pipeline.
  ProcessResult process(const InputItem& item, const std::filesystem::path& out_dir);
  // Renders one document with one writer instance to an explicit path.
  static void render(Writer& writer, const Document& doc, const std::filesystem::path& target);

 private:
  struct Stage {
    std::string id;
    PluginInstance instance;
  };
  struct ReaderSlot {
    std::string name;
    PluginInstance instance;
  };
  const Pipeline& pipeline_;
  std::vector<ReaderSlot> readers_;
  std::vector<Stage> transforms_;
  std::vector<Stage>
      writers_;  // per-document writers, parallel to pipeline_.outputs (batch ones skipped)
  std::vector<const OutputSpec*> writer_specs_;
};

}  // namespace docpipe::host
