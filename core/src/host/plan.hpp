// Decides, per input, whether this run must process it and why: the
// incremental part of nightly runs. Compares the input's content hash, the
// pipeline's processing hash and the plugin versions with the ledger, and
// checks that recorded outputs still exist.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "host/inputs.hpp"
#include "host/ledger.hpp"
#include "host/pipeline.hpp"
#include "host/registry.hpp"

namespace docpipe::host {

// The plan of one input (the input of the same index in the InputList given
// to plan_run): a few dozen bytes, since a collection has hundreds of
// thousands of inputs. What else the ledger had for it is looked up again
// when needed.
struct PlannedItem {
  std::array<unsigned char, 32> content_sha256{};  // of the input's bytes
  bool readable = false;  // false: the file could not be read (the worker reports why)
  bool process = true;
  bool known = false;  // the ledger has an entry for the input
  // new, changed, pipeline changed, plugin changed, output missing, output changed, forced,
  // output renamed | unchanged, quarantined (unchanged)
  const char* reason = "";
  // The content hash as the ledger keeps it (hex); empty when not readable.
  std::string content_hash() const;
};

// The ledger key of an input: its absolute, normalised path.
std::string ledger_key(std::string_view path);

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
std::vector<PlannedItem> plan_run(const InputList& items, const LedgerLookup& ledger,
                                  const std::string& pipeline_hash, const std::string& plugins,
                                  bool force, const ExpectedOutputs& expected = {});
// The same from inputs and entries already in memory (tests).
std::vector<PlannedItem> plan_run(const std::vector<InputItem>& items,
                                  const std::unordered_map<std::string, LedgerEntry>& ledger,
                                  const std::string& pipeline_hash, const std::string& plugins,
                                  bool force, const ExpectedOutputs& expected = {});

}  // namespace docpipe::host
