#include "docpipe/kit/file_signature.hpp"

namespace docpipe::kit {
namespace {

struct Signature {
  std::string_view magic;
  std::string_view what;
};
constexpr Signature kSignatures[] = {
    {"PK\x03\x04", "a ZIP archive (DOCX/XLSX?)"},
    {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "an OLE compound file (.doc/.xls)"},
    {"%PDF-", "a PDF file"},
    {"\x89PNG", "a PNG image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"GIF8", "a GIF image"},
    {"\x7F"
     "ELF",
     "an ELF executable"},
    {"\x1F\x8B", "gzip-compressed data"},
    {"Rar!", "a RAR archive"},
    {"7z\xBC\xAF", "a 7z archive"},
};

}  // namespace

std::string_view binary_signature(std::string_view head) {
  for (const auto& s : kSignatures)
    if (head.starts_with(s.magic)) return s.what;
  return {};
}

}  // namespace docpipe::kit
