// Small helpers the reader tests share: loading fixtures, expected text.
#pragma once

#include <docpipe/model.hpp>
#include <docpipe/text.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace readers_test {

inline std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(READERS_FIXTURES) / name;
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The non-blank lines of a UTF-8 file, trimmed: what a text reader must give.
inline std::vector<std::string> expected_lines(const std::filesystem::path& p) {
  std::vector<std::string> out;
  const std::string content = slurp(p);
  for (auto line : docpipe::text::split_lines(content)) {
    auto t = docpipe::text::trim(line);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

inline std::vector<std::string> block_texts(const docpipe::Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks) out.push_back(b.text);
  return out;
}

}  // namespace readers_test
