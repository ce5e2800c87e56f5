#include "row_spool.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "docpipe/error.hpp"

namespace docpipe::review {

namespace {

[[noreturn]] void fail(const char* what) {
  throw Error(std::string("write.review: cannot ") + what +
              " the document rows: " + std::strerror(errno));
}

void put(std::FILE* f, const void* bytes, std::size_t n) {
  if (n && std::fwrite(bytes, 1, n, f) != n) fail("write");
}
void put_string(std::FILE* f, const std::string& s) {
  const auto n = static_cast<std::uint32_t>(s.size());
  put(f, &n, sizeof n);
  put(f, s.data(), s.size());
}
void put_strings(std::FILE* f, const std::vector<std::string>& v) {
  const auto n = static_cast<std::uint32_t>(v.size());
  put(f, &n, sizeof n);
  for (const auto& s : v) put_string(f, s);
}

// False at the end of the file (before the first byte of a row).
bool get(std::FILE* f, void* bytes, std::size_t n) {
  if (!n) return true;
  if (std::fread(bytes, 1, n, f) == n) return true;
  if (std::ferror(f)) fail("read");
  return false;
}
void get_string(std::FILE* f, std::string& s) {
  std::uint32_t n = 0;
  if (!get(f, &n, sizeof n)) fail("read");
  s.resize(n);
  if (!get(f, s.data(), s.size())) fail("read");
}
void get_strings(std::FILE* f, std::vector<std::string>& v) {
  std::uint32_t n = 0;
  if (!get(f, &n, sizeof n)) fail("read");
  v.resize(n);
  for (auto& s : v) get_string(f, s);
}

}  // namespace

RowSpool::~RowSpool() {
  if (file_) std::fclose(file_);
}

void RowSpool::add(const SpooledRow& row) {
  if (!file_ && !(file_ = std::tmpfile())) fail("make a temporary file for");
  for (const auto* s :
       {&row.file, &row.title, &row.organization, &row.period, &row.status, &row.error})
    put_string(file_, *s);
  put_strings(file_, row.flags);
  put_strings(file_, row.rules);
  put(file_, &row.edits, sizeof row.edits);
  put(file_, &row.seconds, sizeof row.seconds);
}

void RowSpool::read_all(const std::function<void(const SpooledRow&)>& visit) {
  if (!file_) return;
  if (std::fflush(file_) != 0) fail("write");
  std::rewind(file_);
  SpooledRow row;
  std::uint32_t n = 0;
  while (get(file_, &n, sizeof n)) {  // the length of the row's first string
    row.file.resize(n);
    if (!get(file_, row.file.data(), n)) fail("read");
    for (auto* s : {&row.title, &row.organization, &row.period, &row.status, &row.error})
      get_string(file_, *s);
    get_strings(file_, row.flags);
    get_strings(file_, row.rules);
    if (!get(file_, &row.edits, sizeof row.edits) || !get(file_, &row.seconds, sizeof row.seconds))
      fail("read");
    visit(row);
  }
}

}  // namespace docpipe::review
