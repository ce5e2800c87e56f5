// The scan cache: the manifests of plugin libraries already read, keyed by
// the library's path with the size and modification time of the library and
// of its manifest (GStreamer's registry cache keeps plugin details the same
// way). A run, and every worker it starts, then reads one file instead of
// every manifest in every plugin directory; an entry whose library or
// manifest changed size or mtime is read again.
//
// Where: $DOCPIPE_SCAN_CACHE when set (empty turns the cache off), else
// $XDG_CACHE_HOME/docpipe/plugin-scan.json, else ~/.cache/docpipe/…; no
// cache when neither is known. Workers and concurrent runs share the file:
// it is only ever replaced whole (written to a temporary file in the same
// directory, then renamed), so a reader sees one complete version, and an
// update lost to a concurrent writer only costs a later re-read. The cache
// is an optimisation: a file that cannot be read or written is ignored.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace docpipe::host {

struct FileStamp {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// What a cache entry is valid for: the library and its manifest as they were.
struct ScanStamp {
  FileStamp library, manifest;
  bool operator==(const ScanStamp&) const = default;
};

// The stamps of `library` and its manifest; nullopt when either is missing.
std::optional<ScanStamp> scan_stamp_of(const std::filesystem::path& library);

class ScanCache {
 public:
  // `file` empty: no cache (every lookup misses, save does nothing).
  explicit ScanCache(std::filesystem::path file = {});
  // The cache file named by the environment (see above); empty when off.
  static std::filesystem::path default_file();

  // The cached manifest of `library` when its stamp is still `stamp`.
  const nlohmann::json* find(const std::filesystem::path& library, const ScanStamp& stamp);
  void store(const std::filesystem::path& library, const ScanStamp& stamp, nlohmann::json manifest);
  // Writes the cache when store() changed it; atomic, errors ignored.
  void save();
  const std::filesystem::path& file() const { return file_; }

 private:
  struct Entry {
    ScanStamp stamp;
    nlohmann::json manifest;
  };
  void load();

  std::filesystem::path file_;
  bool loaded_ = false;
  bool changed_ = false;
  std::map<std::string, Entry> entries_;  // by library path
};

}  // namespace docpipe::host
