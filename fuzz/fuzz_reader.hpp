// The body shared by the reader fuzz targets: sniff, then parse, arbitrary
// bytes. InputError is a reader's correct refusal; a crash, a sanitizer
// report, a hang or any other exception is a bug libFuzzer reports.
#pragma once

#include <cstddef>
#include <cstdint>
#include <docpipe/error.hpp>
#include <string_view>

template <class Sniff, class Parse>
int fuzz_reader(const std::uint8_t* data, std::size_t size, Sniff sniff, Parse parse) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  sniff(bytes);
  try {
    parse(bytes);
  } catch (const docpipe::InputError&) {
  }
  return 0;
}
