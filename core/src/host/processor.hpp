// Runs one document through a resolved pipeline: pick a reader by sniffing,
// read, apply every transform, render every per-document output atomically.
// One instance per thread (plugin instances are not shared between threads).
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/model.hpp"
#include "host/inputs.hpp"
#include "host/outcome.hpp"
#include "host/pipeline.hpp"
#include "host/registry.hpp"

namespace docpipe::host {

struct ProcessResult {
  std::string input;
  Outcome outcome = Outcome::ok;  // ok, partial, failed, skipped (timeout, crashed: the pool)
  ErrorKind error_kind = ErrorKind::none;
  std::string stage;  // stage that failed, when failed
  std::string error;
  double seconds = 0;
  std::vector<std::string> outputs;
  std::vector<std::int64_t> output_sizes;  // bytes, parallel to outputs
  std::optional<Document> doc;             // set when reading succeeded (batch writers need it)
  // What each summarizing batch writer made of the document, keyed by stage
  // id (an object; null when not asked for or nothing summarizes).
  nlohmann::json batch_summaries;
};

// Whether a batch writer instance takes summaries (ABI 1.1 and it says so)
// rather than whole documents.
bool takes_summaries(const PluginInfo& info, Plugin& instance);

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
  // transform() then every per-document writer of the pipeline; with
  // `for_batch`, also the summaries of the batch writers that summarize.
  ProcessResult process(const InputItem& item, const std::filesystem::path& out_dir,
                        bool for_batch = false);
  // Some batch writer of the pipeline takes whole documents, not summaries.
  bool batch_needs_documents() const { return batch_needs_documents_; }
  // Told the id of each step as it starts ("read", "read:<reader>", a stage
  // or output id) and "" when a document is done: a worker posts it where
  // its parent can read it after a crash (StageBoard).
  void on_step(std::function<void(std::string_view)> listener) { on_step_ = std::move(listener); }
  // Renders one document with one writer instance to an explicit path.
  // Returns the output's size in bytes.
  static std::uintmax_t render(Writer& writer, const Document& doc,
                               const std::filesystem::path& target, bool sync_data = true);

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
  std::vector<Stage> summarizers_;  // batch writers that summarize, summarize() only
  bool batch_needs_documents_ = false;
  std::function<void(std::string_view)> on_step_;
  void step(std::string_view id) {
    if (on_step_) on_step_(id);
  }

  void summarize(ProcessResult& r);
};

}  // namespace docpipe::host
