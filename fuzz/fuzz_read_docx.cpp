// libFuzzer target: read.docx (libzip with the bomb limits, pugixml, the
// body walk) on arbitrary bytes, seeded with real packages.
#include "docx_parse.hpp"
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace docpipe::readers;
  return fuzz_reader(
      data, size, [](std::string_view b) { sniff_docx("fuzz.docx", b); },
      [](std::string_view b) { parse_docx("fuzz.docx", b); });
}
