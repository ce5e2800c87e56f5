// YAML → JSON with source positions. Pipelines are written in YAML but
// validated as JSON (valijson), so every JSON node keeps the line and column
// of the YAML node it came from, keyed by JSON pointer.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace docpipe::host {

struct SourceMark {
  int line = 0;    // 1-based
  int column = 0;  // 1-based
};

struct YamlDocument {
  std::filesystem::path file;
  nlohmann::json value;
  std::map<std::string, SourceMark> marks;      // JSON pointer → position of the value
  std::map<std::string, SourceMark> key_marks;  // JSON pointer → position of the mapping key
  // Position for a pointer, falling back to its closest ancestor.
  SourceMark mark_for(const std::string& pointer) const;
  std::string where(const std::string& pointer) const;  // "file:line:col"
};

// Parses a YAML file; throws ConfigError "file:line:col: message" on syntax
// errors. Plain scalars become numbers, booleans or null when they read as
// such (YAML 1.2 core schema); quoted scalars stay strings.
YamlDocument load_yaml(const std::filesystem::path& file);
YamlDocument parse_yaml(const std::string& text, const std::filesystem::path& file);

}  // namespace docpipe::host
