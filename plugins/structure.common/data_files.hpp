// Loading the data files plugins ship (docpipe_add_plugin DATA): word lists
// with one entry per line ('#' starts a comment) and JSON documents.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace docpipe::structure {

// Non-empty, trimmed lines without '#' comments. Throws docpipe::ConfigError
// when the file cannot be read.
std::vector<std::string> load_word_list(const std::filesystem::path& file);
nlohmann::json load_json(const std::filesystem::path& file);

// Escapes PCRE2 metacharacters so a word can go into an alternation.
std::string regex_escape(std::string_view word);

}  // namespace docpipe::structure
