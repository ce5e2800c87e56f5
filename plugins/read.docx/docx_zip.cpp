#include "docx_zip.hpp"

#include <zip.h>

#include <docpipe/error.hpp>

namespace docpipe::readers {

ZipLimits zip_limits(const Params& p) {
  ZipLimits l;
  l.max_entries = p.get<std::int64_t>("max_entries");
  l.max_entry_bytes = p.get<std::int64_t>("max_entry_mb") << 20;
  l.max_total_bytes = p.get<std::int64_t>("max_total_mb") << 20;
  l.max_ratio = p.get<double>("max_compression_ratio");
  return l;
}

namespace {

std::string zip_error_text(int code) {
  zip_error_t e;
  zip_error_init_with_code(&e, code);
  std::string s = zip_error_strerror(&e);
  zip_error_fini(&e);
  return s;
}

}  // namespace

ZipPackage::ZipPackage(std::string name, std::string_view bytes, const ZipLimits& limits)
    : name_(std::move(name)), limits_(limits) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) throw InputError(name_ + ": cannot open as ZIP: " + zip_error_strerror(&err));
  // No ZIP_CHECKCONS: Word, LibreOffice, pandoc and unzip open packages whose
  // local headers and central directory disagree in details (libzip then
  // refuses "Zip archive inconsistent"); the central directory is read, and
  // the size limits below and in read() keep bombs out.
  archive_ = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!archive_) {
    std::string why = zip_error_strerror(&err);
    zip_source_free(src);
    zip_error_fini(&err);
    throw InputError(name_ + ": not a readable DOCX (ZIP) package: " + why);
  }
  zip_error_fini(&err);

  zip_int64_t n = zip_get_num_entries(archive_, 0);
  if (n > limits_.max_entries) {
    zip_discard(archive_);
    archive_ = nullptr;
    throw InputError(name_ + ": ZIP has " + std::to_string(n) +
                     " entries, more than the limit of " + std::to_string(limits_.max_entries));
  }
  // Declared sizes first: a bomb is usually visible in the central directory.
  std::int64_t declared_total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive_, i, 0, &st) != 0) continue;
    std::string entry = st.name ? st.name : "?";
    auto fail = [&](const std::string& why) {
      zip_discard(archive_);
      archive_ = nullptr;
      throw InputError(name_ + ": ZIP entry " + entry + " " + why);
    };
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      fail("is encrypted");
    if (!(st.valid & ZIP_STAT_SIZE)) continue;
    auto size = static_cast<std::int64_t>(st.size);
    if (size > limits_.max_entry_bytes)
      fail("would inflate to " + std::to_string(size) +
           " bytes, more than the per-entry limit of " + std::to_string(limits_.max_entry_bytes) +
           " (zip bomb?)");
    if ((st.valid & ZIP_STAT_COMP_SIZE) && size > (1 << 16) &&
        static_cast<double>(size) >
            limits_.max_ratio * static_cast<double>(std::max<zip_uint64_t>(st.comp_size, 1)))
      fail("has a compression ratio above " + std::to_string(static_cast<int>(limits_.max_ratio)) +
           ":1 (zip bomb?)");
    declared_total += size;
    if (declared_total > limits_.max_total_bytes)
      fail("brings the total uncompressed size above the limit of " +
           std::to_string(limits_.max_total_bytes) + " bytes (zip bomb?)");
  }
}

ZipPackage::~ZipPackage() {
  if (archive_) zip_discard(archive_);
}

bool ZipPackage::has(const std::string& entry) const {
  return zip_name_locate(archive_, entry.c_str(), 0) >= 0;
}

std::optional<std::string> ZipPackage::read(const std::string& entry) {
  zip_int64_t idx = zip_name_locate(archive_, entry.c_str(), 0);
  if (idx < 0) return std::nullopt;
  zip_file_t* f = zip_fopen_index(archive_, idx, 0);
  if (!f)
    throw InputError(name_ + ": cannot read ZIP entry " + entry + ": " + zip_strerror(archive_));
  std::string out;
  char buf[65536];
  for (;;) {
    zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      std::string why = zip_file_strerror(f);
      zip_fclose(f);
      throw InputError(name_ + ": ZIP entry " + entry + " is corrupt: " + why);
    }
    if (got == 0) break;
    out.append(buf, static_cast<std::size_t>(got));
    // The directory may lie about sizes: count what really comes out.
    if (static_cast<std::int64_t>(out.size()) > limits_.max_entry_bytes ||
        total_read_ + static_cast<std::int64_t>(out.size()) > limits_.max_total_bytes) {
      zip_fclose(f);
      throw InputError(name_ + ": ZIP entry " + entry +
                       " inflates beyond the size limit (zip bomb?)");
    }
  }
  int rc = zip_fclose(f);
  if (rc != 0)
    throw InputError(name_ + ": ZIP entry " + entry + " is corrupt: " + zip_error_text(rc));
  total_read_ += static_cast<std::int64_t>(out.size());
  return out;
}

}  // namespace docpipe::readers
