// Finds, loads and checks plugin libraries. Built-in plugins and third-party
// plugins take exactly this path: a directory scan, dlopen through Boost.DLL,
// a descriptor check, then a factory call per instance.
#pragma once

#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "docpipe/plugin.hpp"

namespace docpipe::host {

// A descriptor copied out of the library with its strings owned.
struct PluginInfo {
  std::string name, version, description, params_schema, formats;
  PluginKind kind = PluginKind::transform;
  bool batch = false;
  unsigned abi_major = 0, abi_minor = 0;
  std::filesystem::path library;
  std::vector<std::string> format_list() const;  // formats split on ','
};

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
  // Loads every shared library in the directory (not recursive). Libraries
  // that fail to load are recorded in load_errors(), not thrown: one broken
  // third-party plugin must not take down the others.
  void load_directory(const std::filesystem::path& dir);
  // Loads one library; throws PluginLoadError naming the file and the reason.
  const PluginInfo& load_library(const std::filesystem::path& file);

  const PluginInfo* find(const std::string& name) const;
  // Up to three known plugin names closest to `name` (edit distance).
  std::vector<std::string> suggest(const std::string& name) const;
  std::vector<const PluginInfo*> all() const;
  std::vector<const PluginInfo*> of_kind(PluginKind kind) const;
  const std::vector<std::string>& load_errors() const { return load_errors_; }

  // Creates an instance; `params` must already be validated.
  PluginInstance create(const std::string& name, const std::string& stage_id,
                        const Params& params) const;

  // The built-in directory (<exe dir>/../lib/docpipe/plugins) followed by the
  // entries of DOCPIPE_PLUGIN_PATH (':'-separated).
  static std::vector<std::filesystem::path> default_search_path();

 private:
  struct Entry {
    PluginInfo info;
    std::shared_ptr<boost::dll::shared_library> lib;
    PluginFactory* factory = nullptr;
  };
  std::map<std::string, Entry> plugins_;
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
