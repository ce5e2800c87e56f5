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
#include <string_view>
#include <utility>
#include <vector>

namespace docpipe::docx {

class SharedParts {
 public:
  SharedParts() = default;
  ~SharedParts();
  SharedParts(const SharedParts&) = delete;
  SharedParts& operator=(const SharedParts&) = delete;

  // A part by name and content, as the package writer hands it over.
  using Part = std::pair<std::string_view, std::string_view>;

  // Deflates the parts not seen before (all at once). Throws docpipe::Error.
  void prepare(const std::vector<Part>& parts);
  // A source that reads a part prepared before in compressed form, for
  // zip_file_add into `target`.
  zip_source_t* source_for(zip_t* target, const Part& part);

 private:
  struct Version {
    std::string bytes;
    zip_uint64_t index = 0;  // of its entry in archive_
  };
  const Version* find(const Part& part) const;
  void rebuild();  // re-creates archive_ with every version of every part

  // By part name, each content it was seen with (the content types with and
  // without numbering.xml, say): found by name, then compared byte for byte.
  std::map<std::string, std::vector<Version>, std::less<>> parts_;
  std::size_t versions_ = 0;
  zip_t* archive_ = nullptr;  // in memory, read-only
};

}  // namespace docpipe::docx
