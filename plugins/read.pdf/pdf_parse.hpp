// Turning the bytes of a PDF into a Document with poppler's C++ API. Kept
// out of the plugin class so tests can call it directly.
#pragma once

#include <cstdint>
#include <docpipe/model.hpp>
#include <filesystem>
#include <string>
#include <string_view>

#include "pdf_layout.hpp"

namespace docpipe::readers {

struct PdfLimits {
  int max_pages = 2000;               // more pages: refused before any page is read
  std::int64_t max_chars = 20000000;  // more text (code points): refused
  double max_seconds = 90;            // reading longer: refused (checked between pages)
};

// How plausible it is that these first bytes are a PDF, 0..100.
int sniff_pdf(const std::filesystem::path& path, std::string_view head);

// Throws InputError naming the file when the PDF cannot be read: damaged,
// encrypted with a password, over a limit. A PDF without a text layer (a
// scan) gives a Document with no blocks, the flag `no_text_layer` and an
// error diagnostic. `stage` stamps the edits the reader records.
Document parse_pdf(const std::filesystem::path& path, std::string_view bytes,
                   const PdfLimits& limits = {}, const pdf::LayoutOptions& layout = {},
                   const std::string& stage = "read.pdf");

}  // namespace docpipe::readers
