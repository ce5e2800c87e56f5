// libFuzzer target: read.txt (encoding detection, mixed encodings, NUL
// handling, line splitting) on arbitrary bytes.
#include "fuzz_reader.hpp"
#include "txt_parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace docpipe::readers;
  return fuzz_reader(
      data, size, [](std::string_view b) { sniff_text("fuzz.txt", b); },
      [](std::string_view b) { parse_text_file("fuzz.txt", b); });
}
