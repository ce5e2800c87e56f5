// What a file's first bytes say it is, for readers that must refuse a file
// of another format before decoding it as text (read.txt, read.html).
#pragma once

#include <string_view>

namespace docpipe::kit {

// "a ZIP archive (DOCX/XLSX?)", "a PDF file", ... when the bytes start with
// the magic number of a known binary format; "" when nothing matches.
std::string_view binary_signature(std::string_view head);

}  // namespace docpipe::kit
