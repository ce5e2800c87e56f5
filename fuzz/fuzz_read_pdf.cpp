// libFuzzer target: read.pdf (poppler's parser, then the line grouping and
// layout rules) on arbitrary bytes, seeded with the PDFs the test set-up
// makes. Small limits keep each input fast; a refusal is an InputError.
#include "fuzz_reader.hpp"
#include "pdf_parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace docpipe::readers;
  static const PdfLimits limits{.max_pages = 50, .max_chars = 1000000, .max_seconds = 5};
  return fuzz_reader(
      data, size, [](std::string_view b) { sniff_pdf("fuzz.pdf", b); },
      [](std::string_view b) { parse_pdf("fuzz.pdf", b, limits); });
}
