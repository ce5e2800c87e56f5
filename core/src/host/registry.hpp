// Finds, checks and loads plugin libraries. Built-in plugins and third-party
// plugins take exactly this path: a directory scan that reads each library's
// manifest (through the scan cache) and refuses what this host cannot load,
// then, only for a plugin a pipeline instantiates, dlopen through Boost.DLL,
// a check that the library's descriptor is its manifest's, and a factory
// call per instance.
#pragma once

#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "docpipe/plugin.hpp"
#include "host/plugin_manifest.hpp"
#include "host/scan_cache.hpp"

namespace docpipe::host {

// A live plugin instance; keeps its library loaded for as long as it lives.
class PluginInstance {
 public:
  PluginInstance(std::shared_ptr<boost::dll::shared_library> lib, std::unique_ptr<Plugin> obj)
      : lib_(std::move(lib)), obj_(std::move(obj)) {}
  Plugin& get() { return *obj_; }
  Plugin* operator->() { return obj_.get(); }

 private:
  std::shared_ptr<boost::dll::shared_library> lib_;  // destroyed after obj_
  std::unique_ptr<Plugin> obj_;
};

class PluginRegistry {
 public:
  // The scan cache this registry reads and updates (default:
  // ScanCache::default_file(); empty path: none). Set it before scanning.
  void set_scan_cache(std::filesystem::path file);

  // Registers every shared library in the directory (not recursive) from its
  // manifest, without loading it. Libraries refused (no manifest, another
  // ABI, a duplicate name) are recorded in load_errors(), not thrown: one
  // broken third-party plugin must not take down the others.
  void load_directory(const std::filesystem::path& dir);
  // Registers one library from its manifest, without loading it; throws
  // PluginLoadError naming the file and the reason.
  const PluginInfo& load_library(const std::filesystem::path& file);
  // Loads the plugin's code (the first call for each plugin; create() does
  // it too) and checks it against the manifest; throws PluginLoadError.
  void open(const std::string& name) const;

  const PluginInfo* find(const std::string& name) const;
  // Up to three known plugin names closest to `name` (edit distance).
  std::vector<std::string> suggest(const std::string& name) const;
  std::vector<const PluginInfo*> all() const;
  std::vector<const PluginInfo*> of_kind(PluginKind kind) const;
  const std::vector<std::string>& load_errors() const { return load_errors_; }

  // Creates an instance; `params` must already be validated. Loads the
  // library first if needed. Whatever the constructor threw arrives as a
  // status and a message (nothing crosses the boundary) and is thrown here as
  // a ConfigError naming the stage and the plugin.
  PluginInstance create(const std::string& name, const std::string& stage_id,
                        const Params& params) const;

  // The built-in directory (<exe dir>/../lib/docpipe/plugins) followed by the
  // entries of DOCPIPE_PLUGIN_PATH (':'-separated).
  static std::vector<std::filesystem::path> default_search_path();

 private:
  struct Entry {
    PluginInfo info;
    // Set by open(), once, under open_mutex_: instances may be created from
    // several threads.
    mutable std::shared_ptr<boost::dll::shared_library> lib;
    mutable PluginFactory* factory = nullptr;
  };
  const PluginInfo& add_library(const std::filesystem::path& file);  // load_library, unsaved
  const Entry& opened(const std::string& name) const;
  ScanCache& scan_cache();

  std::map<std::string, Entry> plugins_;
  std::unique_ptr<std::mutex> open_mutex_ = std::make_unique<std::mutex>();
  std::unique_ptr<ScanCache> scan_cache_;
  std::map<std::filesystem::path, std::string> loaded_files_;
  std::vector<std::string> load_errors_;
};

// Levenshtein distance over bytes; used for "did you mean" hints.
std::size_t edit_distance(const std::string& a, const std::string& b);
// Up to three of `candidates` close enough to `name` to be a typo of it
// (within max(min_limit, |name|/3) edits) and not much further than the best.
std::vector<std::string> closest_names(const std::string& name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t min_limit = 2);
// "; did you mean 'a', 'b' or 'c'?", or empty when there is none.
std::string did_you_mean(const std::vector<std::string>& names);

}  // namespace docpipe::host
