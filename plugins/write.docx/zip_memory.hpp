// A ZIP archive built in memory with libzip: no temporary file, no rename;
// the caller gets the bytes (or the archive reopened for reading).
#pragma once

#include <zip.h>

#include <string>
#include <string_view>

namespace docpipe::docx {

class MemoryZip {
 public:
  MemoryZip();  // throws docpipe::Error
  ~MemoryZip();
  MemoryZip(const MemoryZip&) = delete;
  MemoryZip& operator=(const MemoryZip&) = delete;

  zip_t* archive() { return zip_; }
  // Adds an entry deflated at `level` (1 fastest .. 9 smallest; 0 stores it). The bytes
  // are not copied: they must stay alive until close_to_bytes() or
  // reopen_read_only().
  zip_uint64_t add(const std::string& name, std::string_view bytes, long long mtime, int level = 9);
  // Adds an entry read from `src` (taken over, also on failure), as it is.
  zip_uint64_t add(const std::string& name, zip_source_t* src, long long mtime);
  // Finishes the archive and returns its bytes.
  std::string close_to_bytes();
  // Finishes the archive and opens it for reading; the caller owns the
  // result (zip_discard).
  zip_t* reopen_read_only();

 private:
  [[noreturn]] void fail(const std::string& what);
  void close();

  zip_source_t* buffer_ = nullptr;  // the archive's bytes; kept across zip_close
  zip_t* zip_ = nullptr;
};

}  // namespace docpipe::docx
