#include "host/registry.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "docpipe/error.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

void PluginRegistry::set_scan_cache(fs::path file) {
  scan_cache_ = std::make_unique<ScanCache>(std::move(file));
}

ScanCache& PluginRegistry::scan_cache() {
  if (!scan_cache_) scan_cache_ = std::make_unique<ScanCache>(ScanCache::default_file());
  return *scan_cache_;
}

void PluginRegistry::load_directory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".so") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    try {
      add_library(f);
    } catch (const PluginLoadError& e) {
      load_errors_.push_back(e.what());
    }
  }
  scan_cache().save();
}

namespace {

// The manifest of `file`: from the scan cache when neither the library nor
// the manifest changed since it was stored, else read (and stored).
nlohmann::json manifest_for(const fs::path& file, ScanCache& cache) {
  const fs::path manifest = manifest_path(file);
  auto stamp = scan_stamp_of(file);
  if (!stamp)
    throw PluginLoadError(
        file.string() + ": no plugin manifest " + manifest.filename().string() +
        " beside it; docpipe reads a plugin's descriptor from its manifest before it loads any "
        "of its code. Build the plugin with docpipe_add_plugin() from the docpipe SDK, or write "
        "the manifest with `docpipe-plugin-manifest " +
        file.filename().string() + "`");
  if (const auto* cached = cache.find(file, *stamp)) return *cached;
  nlohmann::json m;
  try {
    std::ifstream in(manifest, std::ios::binary);
    m = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw PluginLoadError(file.string() + ": plugin manifest " + manifest.filename().string() +
                          " is not valid JSON: " + e.what());
  }
  cache.store(file, *stamp, m);
  return m;
}

// The host's ErrorSink: the plugin's message copied into a host string.
void copy_message(void* context, const char* message) noexcept {
  try {
    *static_cast<std::string*>(context) = message ? message : "";
  } catch (...) {
    // Out of memory while copying: the status still says it failed.
  }
}

}  // namespace

const PluginInfo& PluginRegistry::load_library(const fs::path& file) {
  const PluginInfo& info = add_library(file);
  scan_cache().save();
  return info;
}

const PluginInfo& PluginRegistry::add_library(const fs::path& file_in) {
  fs::path file = fs::weakly_canonical(file_in);
  if (auto it = loaded_files_.find(file); it != loaded_files_.end())
    return plugins_.at(it->second).info;
  Entry entry;
  entry.info = info_from_manifest(manifest_for(file, scan_cache()), file);
  if (auto it = plugins_.find(entry.info.name); it != plugins_.end())
    throw PluginLoadError(file.string() + ": duplicate plugin name '" + entry.info.name +
                          "', already loaded from " + it->second.info.library.string());
  std::string name = entry.info.name;
  loaded_files_[file] = name;
  return plugins_.emplace(name, std::move(entry)).first->second.info;
}

const PluginRegistry::Entry& PluginRegistry::opened(const std::string& name) const {
  auto it = plugins_.find(name);
  if (it == plugins_.end()) throw ConfigError("unknown plugin '" + name + "'");
  const Entry& e = it->second;
  std::lock_guard<std::mutex> lock(*open_mutex_);
  if (e.factory) return e;
  const fs::path& file = e.info.library;
  auto lib = std::make_shared<boost::dll::shared_library>();
  boost::system::error_code bec;
  lib->load(boost::dll::fs::path(file.string()),
            boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, bec);
  if (bec) {
    // Boost.DLL says only "Bad file descriptor"; the loader says why.
    const char* why = ::dlerror();
    throw PluginLoadError(file.string() +
                          ": cannot load plugin library: " + (why ? why : bec.message()));
  }
  if (!lib->has("docpipe_plugin_descriptor"))
    throw PluginLoadError(file.string() +
                          ": not a docpipe plugin: symbol 'docpipe_plugin_descriptor' is missing "
                          "(build it with DOCPIPE_PLUGIN)");
  check_descriptor_matches(lib->get<const PluginDescriptor>("docpipe_plugin_descriptor"), e.info);
  if (!lib->has("docpipe_plugin_create"))
    throw PluginLoadError(file.string() +
                          ": not a docpipe plugin: symbol 'docpipe_plugin_create' is missing");
  e.factory = &lib->get<PluginFactory>("docpipe_plugin_create");
  e.lib = std::move(lib);
  return e;
}

void PluginRegistry::open(const std::string& name) const { opened(name); }

const PluginInfo* PluginRegistry::find(const std::string& name) const {
  auto it = plugins_.find(name);
  return it == plugins_.end() ? nullptr : &it->second.info;
}

std::vector<std::string> closest_names(const std::string& name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t min_limit) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& c : candidates) scored.emplace_back(edit_distance(name, c), c);
  std::sort(scored.begin(), scored.end());
  // Close enough to be a typo, and not much further than the best match, so
  // "write.jsn" suggests write.json but not write.xlsx.
  std::vector<std::string> out;
  const std::size_t limit = std::max<std::size_t>(min_limit, name.size() / 3);
  for (const auto& [d, c] : scored)
    if (out.size() < 3 && d <= limit && d <= scored.front().first + 1) out.push_back(c);
  return out;
}

std::string did_you_mean(const std::vector<std::string>& names) {
  if (names.empty()) return {};
  std::string msg = "; did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i)
    msg += std::string(i ? (i + 1 == names.size() ? " or '" : ", '") : "'") + names[i] + "'";
  return msg + "?";
}

std::vector<std::string> PluginRegistry::suggest(const std::string& name) const {
  std::vector<std::string> names;
  for (const auto& [n, _] : plugins_) names.push_back(n);
  return closest_names(name, names, 3);
}

std::vector<const PluginInfo*> PluginRegistry::all() const {
  std::vector<const PluginInfo*> out;
  for (const auto& [_, e] : plugins_) out.push_back(&e.info);
  return out;
}

std::vector<const PluginInfo*> PluginRegistry::of_kind(PluginKind kind) const {
  std::vector<const PluginInfo*> out;
  for (const auto& [_, e] : plugins_)
    if (e.info.kind == kind) out.push_back(&e.info);
  return out;
}

PluginInstance PluginRegistry::create(const std::string& name, const std::string& stage_id,
                                      const Params& params) const {
  const Entry& e = opened(name);
  PluginEnv env{stage_id, e.info.library, e.info.library.parent_path() / e.info.name};
  // The plugin's constructor runs behind its entry point, which catches what
  // it throws and hands the message over as a host-owned string: an
  // exception object whose type lives in the plugin library must not travel
  // into the host (issue 15: explain and convert unloaded the library while
  // it did, and what() jumped into unmapped code).
  Plugin* raw = nullptr;
  std::string message;
  const PluginStatus status = e.factory(env, params, &raw, &copy_message, &message);
  if (status != PluginStatus::ok) {
    if (message.empty())
      message = "its entry point returned status " + std::to_string(static_cast<int>(status));
    throw ConfigError("stage '" + stage_id + "' (plugin '" + name + "') cannot start: " + message);
  }
  if (!raw) throw Error("plugin '" + name + "' factory returned no instance");
  return PluginInstance(e.lib, std::unique_ptr<Plugin>(raw));
}

std::vector<fs::path> PluginRegistry::default_search_path() {
  std::vector<fs::path> out;
  boost::system::error_code ec;
  auto exe = boost::dll::program_location(ec);
  if (!ec) {
    fs::path prefix = fs::path(exe.parent_path().string()) / "..";
    out.push_back(prefix / "lib" / "docpipe" / "plugins");
#ifdef DOCPIPE_INSTALL_LIBDIR
    // Installed with a multiarch libdir (lib/x86_64-linux-gnu under /usr).
    out.push_back(prefix / DOCPIPE_INSTALL_LIBDIR / "docpipe" / "plugins");
#endif
  }
#ifdef DOCPIPE_BUILTIN_PLUGIN_DIR
  out.emplace_back(DOCPIPE_BUILTIN_PLUGIN_DIR);
#endif
  if (const char* env = std::getenv("DOCPIPE_PLUGIN_PATH")) {
    std::stringstream ss(env);
    std::string item;
    while (std::getline(ss, item, ':'))
      if (!item.empty()) out.emplace_back(item);
  }
  // The same directory reached twice (build tree and compiled-in path) is
  // scanned once.
  std::vector<fs::path> unique;
  for (auto& p : out) {
    std::error_code fec;
    auto c = fs::weakly_canonical(p, fec);
    if (!fs::is_directory(c, fec)) continue;
    if (std::find(unique.begin(), unique.end(), c) == unique.end()) unique.push_back(c);
  }
  return unique;
}

}  // namespace docpipe::host
