// libFuzzer target: the pipeline loader (YAML, `extends`, the pipeline
// schema) on arbitrary bytes written to a pipeline file. ConfigError is the
// correct answer to a bad pipeline.
#include <unistd.h>

#include <docpipe/error.hpp>
#include <filesystem>
#include <fstream>

#include "host/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto dir = [] {
    auto d = std::filesystem::temp_directory_path() /
             ("docpipe-fuzz-pipeline-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  auto file = dir / "fuzz.yaml";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    docpipe::host::load_pipeline(file);
  } catch (const docpipe::ConfigError&) {
  }
  return 0;
}
