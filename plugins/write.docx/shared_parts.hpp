// Parts that every package of a writer repeats byte for byte (styles,
// settings, font table, footers, relationships, content types), deflated
// once and copied into each package as compressed data. A DOCX has eleven
// parts; deflating each of them anew costs more than building the document
// (each zlib stream starts with about 256 KiB of state to set up), while
// only the body and the two property parts actually differ per document.
//
// One instance per writer instance (so per thread); not thread-safe.
#pragma once

#include <zip.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace docpipe::docx {

class SharedParts {
 public:
  SharedParts() = default;
  ~SharedParts();
  SharedParts(const SharedParts&) = delete;
  SharedParts& operator=(const SharedParts&) = delete;

  // Deflates the parts not seen before (all at once). Throws docpipe::Error.
  void prepare(const std::vector<std::pair<std::string, std::string>>& parts);
  // A source that reads the part `name` with exactly these bytes, prepared
  // before, in compressed form, for zip_file_add into `target`.
  zip_source_t* source_for(zip_t* target, const std::string& name, const std::string& bytes);

 private:
  void rebuild();  // re-creates archive_ with every entry of parts_

  // Key: name + '\0' + bytes. Value: index of the entry in archive_.
  std::map<std::string, zip_uint64_t> parts_;
  zip_t* archive_ = nullptr;  // in memory, read-only
};

}  // namespace docpipe::docx
