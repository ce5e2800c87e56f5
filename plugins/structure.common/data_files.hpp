// Loading the data files plugins ship (docpipe_add_plugin DATA): the shared
// loaders of clean.common under the names the structure stages use.
#pragma once

#include <docpipe/clean/data_files.hpp>
#include <docpipe/clean/regex.hpp>

namespace docpipe::structure {

// Non-empty, trimmed lines; lines starting with '#' are comments.
inline std::vector<std::string> load_word_list(const std::filesystem::path& file) {
  return clean::read_list_file(file);
}
inline nlohmann::json load_json(const std::filesystem::path& file) {
  return clean::read_json_file(file);
}
using clean::regex_escape;

}  // namespace docpipe::structure
