// libFuzzer target: read.html (charset detection, the markup sanitizer,
// libxml2, main-content extraction) on arbitrary bytes.
#include "fuzz_reader.hpp"
#include "html_parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace docpipe::readers;
  return fuzz_reader(
      data, size, [](std::string_view b) { sniff_html("fuzz.html", b); },
      [](std::string_view b) { parse_html("fuzz.html", b, {}); });
}
