#include "zip_memory.hpp"

#include <docpipe/error.hpp>

namespace docpipe::docx {

MemoryZip::MemoryZip() {
  zip_error_t err;
  zip_error_init(&err);
  buffer_ = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (buffer_) {
    zip_source_keep(buffer_);  // outlives zip_close, which holds the other reference
    zip_ = zip_open_from_source(buffer_, ZIP_TRUNCATE, &err);
  }
  if (!zip_) {
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    if (buffer_) {  // both references: ours and the one a failed open did not take
      zip_source_free(buffer_);
      zip_source_free(buffer_);
    }
    throw Error("cannot start a ZIP archive in memory: " + msg);
  }
  zip_error_fini(&err);
}

MemoryZip::~MemoryZip() {
  if (zip_) zip_discard(zip_);
  if (buffer_) zip_source_free(buffer_);
}

void MemoryZip::fail(const std::string& what) {
  throw Error("cannot build a ZIP archive: " + what + ": " +
              (zip_ ? zip_strerror(zip_) : "archive already closed"));
}

zip_uint64_t MemoryZip::add(const std::string& name, zip_source_t* src, long long mtime) {
  zip_int64_t idx = zip_file_add(zip_, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (idx < 0) {
    zip_source_free(src);
    fail("adding " + name);
  }
  zip_file_set_mtime(zip_, static_cast<zip_uint64_t>(idx), static_cast<time_t>(mtime), 0);
  return static_cast<zip_uint64_t>(idx);
}

zip_uint64_t MemoryZip::add(const std::string& name, std::string_view bytes, long long mtime,
                            int level) {
  zip_source_t* src = zip_source_buffer(zip_, bytes.data(), bytes.size(), 0);
  if (!src) fail("buffer for " + name);
  auto idx = add(name, src, mtime);
  const zip_int32_t method = level > 0 ? ZIP_CM_DEFLATE : ZIP_CM_STORE;
  if (zip_set_file_compression(zip_, idx, method, static_cast<zip_uint32_t>(level)) != 0)
    fail("setting the compression of " + name);
  return idx;
}

void MemoryZip::close() {
  if (zip_close(zip_) != 0) fail("closing");
  zip_ = nullptr;
}

std::string MemoryZip::close_to_bytes() {
  close();
  zip_stat_t st;
  zip_stat_init(&st);
  std::string bytes;
  if (zip_source_stat(buffer_, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
    bytes.resize(static_cast<std::size_t>(st.size));
  if (zip_source_open(buffer_) != 0) throw Error("cannot read back a ZIP archive built in memory");
  const zip_int64_t got = zip_source_read(buffer_, bytes.data(), bytes.size());
  zip_source_close(buffer_);
  if (got < 0 || static_cast<std::size_t>(got) != bytes.size())
    throw Error("cannot read back a ZIP archive built in memory");
  return bytes;
}

zip_t* MemoryZip::reopen_read_only() {
  close();
  zip_error_t err;
  zip_error_init(&err);
  zip_t* read = zip_open_from_source(buffer_, ZIP_RDONLY, &err);
  if (!read) {
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    throw Error("cannot reopen a ZIP archive built in memory: " + msg);
  }
  zip_error_fini(&err);
  buffer_ = nullptr;  // the reopened archive owns it now
  return read;
}

}  // namespace docpipe::docx
