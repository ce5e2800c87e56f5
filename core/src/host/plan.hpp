// Decides, per input, whether this run must process it and why: the
// incremental part of nightly runs. Compares the input's content hash, the
// pipeline's processing hash and the plugin versions with the ledger, and
// checks that recorded outputs still exist.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "host/inputs.hpp"
#include "host/ledger.hpp"
#include "host/pipeline.hpp"
#include "host/registry.hpp"

namespace docpipe::host {

struct PlannedItem {
  // The input in the list given to plan_run(), which must outlive the plan
  // (a copy per input cost about 500 bytes: a path keeps its components).
  const InputItem* item = nullptr;
  std::string key;             // absolute normalised path: the ledger key
  std::string content_sha256;  // empty when the file cannot be read (the worker reports why)
  bool process = true;
  // new, changed, pipeline changed, plugin changed, output missing, output changed, forced,
  // previous run interrupted | unchanged, quarantined (unchanged)
  std::string reason;
  // What the ledger had for the input (a skipped document reaches the batch
  // writers with it); `known` false when the ledger had nothing.
  bool known = false;
  std::string known_status, known_error;
  double known_seconds = 0;
};

// The hash that decides reprocessing: the merged pipeline without `run:`
// and `inputs:`, which change neither what a document becomes nor where it
// goes (every stage's parameters are in it), and the content of every data
// file a stage of the pipeline reads: the files under each plugin's data
// directory (PluginEnv::data_dir), so an edited dictionary or rule list
// reprocesses without a version bump.
std::string processing_hash(const Pipeline& pipeline, const PluginRegistry& registry);
// sha256 over the relative paths and contents of the data files of the
// pipeline's plugins, in a stable order; empty when none has data files.
std::string data_files_hash(const Pipeline& pipeline, const PluginRegistry& registry);
// "name=version,..." of every plugin the pipeline may use, sorted.
std::string plugin_versions(const Pipeline& pipeline, const PluginRegistry& registry);
// sha256 of a file's bytes, read in blocks; empty when unreadable.
std::string file_sha256(const std::filesystem::path& path);

// The per-document output paths an input is to have this run.
using ExpectedOutputs = std::function<std::vector<std::string>(const InputItem&)>;

// The ledger's entry of an input key, nullopt when it has none. Called from
// one thread at a time.
using LedgerLookup = std::function<std::optional<LedgerEntry>(const std::string& key)>;

// With `expected`, a document done before whose outputs now have other
// paths (report.json became report.txt.json when report.docx arrived) is
// processed again: "output renamed". Entries are looked up a few thousand
// inputs at a time and dropped once decided, so planning a collection of
// hundreds of thousands of inputs never holds the whole ledger.
std::vector<PlannedItem> plan_run(const std::vector<InputItem>& items, const LedgerLookup& ledger,
                                  const std::string& pipeline_hash, const std::string& plugins,
                                  bool force, const ExpectedOutputs& expected = {});
// The same from entries already in memory (tests).
std::vector<PlannedItem> plan_run(const std::vector<InputItem>& items,
                                  const std::unordered_map<std::string, LedgerEntry>& ledger,
                                  const std::string& pipeline_hash, const std::string& plugins,
                                  bool force, const ExpectedOutputs& expected = {});

}  // namespace docpipe::host
