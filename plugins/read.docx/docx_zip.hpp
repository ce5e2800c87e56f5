// Reading parts out of a DOCX (a ZIP package) with limits that stop zip bombs
// before they are inflated.
#pragma once

#include <cstdint>
#include <docpipe/plugin.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace docpipe::readers {

struct ZipLimits {
  std::int64_t max_entries = 2000;
  std::int64_t max_entry_bytes = 64ll << 20;   // uncompressed, per entry
  std::int64_t max_total_bytes = 256ll << 20;  // uncompressed, whole package
  double max_ratio = 200.0;                    // uncompressed / compressed, per entry
};

// The limits from a reader's parameters max_entries, max_entry_mb,
// max_total_mb and max_compression_ratio (read.docx, and read.doc for the
// DOCX it converts to).
ZipLimits zip_limits(const Params& p);

// Those parameters in a plugin's JSON Schema ("properties" members), so the
// two readers declare them once: R"({..., )" DOCPIPE_ZIP_LIMIT_PROPERTIES R"(})".
#define DOCPIPE_ZIP_LIMIT_PROPERTIES                                                              \
  "\"max_entries\": {\"type\": \"integer\", \"minimum\": 1, \"default\": 2000, \"description\": " \
  "\"most ZIP entries of the DOCX package\"}, "                                                   \
  "\"max_entry_mb\": {\"type\": \"integer\", \"minimum\": 1, \"default\": 64, \"description\": "  \
  "\"most uncompressed MiB of one entry of the DOCX package\"}, "                                 \
  "\"max_total_mb\": {\"type\": \"integer\", \"minimum\": 1, \"default\": 256, \"description\": " \
  "\"most uncompressed MiB of the whole DOCX package\"}, "                                        \
  "\"max_compression_ratio\": {\"type\": \"number\", \"minimum\": 1, \"default\": 200, "          \
  "\"description\": \"largest uncompressed/compressed ratio of an entry over 64 KiB\"}"

class ZipPackage {
 public:
  // Opens the archive held in `bytes` (which must outlive the package) and
  // checks the entry count and the sizes the central directory declares.
  // `name` is used in error messages. Throws InputError.
  ZipPackage(std::string name, std::string_view bytes, const ZipLimits& limits);
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  bool has(const std::string& entry) const;
  // The entry's bytes, or nullopt when absent. Stops reading at the per-entry
  // limit even when the directory lied about the size. Throws InputError.
  std::optional<std::string> read(const std::string& entry);

 private:
  std::string name_;
  ZipLimits limits_;
  zip* archive_ = nullptr;
  std::int64_t total_read_ = 0;
};

}  // namespace docpipe::readers
