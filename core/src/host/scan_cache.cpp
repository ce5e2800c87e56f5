#include "host/scan_cache.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>

#include "host/plugin_manifest.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Version of the cache file's layout; a file of another version is ignored.
constexpr int kCacheFormat = 1;

std::optional<FileStamp> file_stamp(const fs::path& p) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec) return std::nullopt;
  auto mtime = fs::last_write_time(p, ec);
  if (ec) return std::nullopt;
  return FileStamp{
      size,
      static_cast<std::int64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count())};
}

json stamp_json(const FileStamp& s) { return json::array({s.size, s.mtime_ns}); }

FileStamp stamp_from(const json& j) {
  return FileStamp{j.at(0).get<std::uintmax_t>(), j.at(1).get<std::int64_t>()};
}

}  // namespace

std::optional<ScanStamp> scan_stamp_of(const fs::path& library) {
  auto lib = file_stamp(library);
  auto manifest = file_stamp(manifest_path(library));
  if (!lib || !manifest) return std::nullopt;
  return ScanStamp{*lib, *manifest};
}

ScanCache::ScanCache(fs::path file) : file_(std::move(file)) {}

fs::path ScanCache::default_file() {
  if (const char* env = std::getenv("DOCPIPE_SCAN_CACHE")) return fs::path(env);
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return fs::path(xdg) / "docpipe" / "plugin-scan.json";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache" / "docpipe" / "plugin-scan.json";
  return {};
}

void ScanCache::load() {
  loaded_ = true;
  if (file_.empty()) return;
  std::ifstream in(file_, std::ios::binary);
  if (!in) return;
  try {
    json j = json::parse(in);
    if (j.value("docpipe_plugin_scan", 0) != kCacheFormat) return;
    for (const auto& [library, e] : j.at("libraries").items())
      entries_[library] =
          Entry{ScanStamp{stamp_from(e.at("library")), stamp_from(e.at("manifest_file"))},
                e.at("manifest")};
  } catch (const std::exception&) {
    entries_.clear();  // a damaged cache is an empty one
  }
}

const json* ScanCache::find(const fs::path& library, const ScanStamp& stamp) {
  if (!loaded_) load();
  auto it = entries_.find(library.string());
  if (it == entries_.end() || !(it->second.stamp == stamp)) return nullptr;
  return &it->second.manifest;
}

void ScanCache::store(const fs::path& library, const ScanStamp& stamp, json manifest) {
  if (file_.empty()) return;
  if (!loaded_) load();
  entries_[library.string()] = Entry{stamp, std::move(manifest)};
  changed_ = true;
}

void ScanCache::save() {
  if (file_.empty() || !changed_) return;
  json libraries = json::object();
  for (const auto& [library, e] : entries_) {
    // Libraries removed since (an old build tree) drop out of the cache.
    std::error_code gone;
    if (!fs::exists(library, gone)) continue;
    libraries[library] = json{{"library", stamp_json(e.stamp.library)},
                              {"manifest_file", stamp_json(e.stamp.manifest)},
                              {"manifest", e.manifest}};
  }
  const json j{{"docpipe_plugin_scan", kCacheFormat}, {"libraries", std::move(libraries)}};
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  // A name no concurrent writer uses, in the same directory so that the
  // rename is atomic.
  std::random_device rd;
  fs::path tmp = file_;
  tmp += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(rd());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << j.dump(1) << '\n';
    if (!out.flush()) {
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, file_, ec);
  if (ec) fs::remove(tmp, ec);
  changed_ = false;
}

}  // namespace docpipe::host
