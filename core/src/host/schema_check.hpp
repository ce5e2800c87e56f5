// JSON Schema validation (valijson) with errors reported as JSON pointers,
// so callers can map them back to YAML positions.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "docpipe/schema_defaults.hpp"  // apply_schema_defaults, shared with the SDK
#include "host/registry.hpp"

namespace docpipe::host {

struct SchemaError {
  std::string pointer;  // JSON pointer of the offending value
  std::string message;
  std::string unknown_key;  // set when the error is a key the schema does not know
  std::string hint;         // "; did you mean 'x'?" for an unknown key, or empty
};

// What a schema expects, in words: "an integer ≥ 0", "one of \"a\" or \"b\"";
// empty when it cannot be told.
std::string expected_text(const nlohmann::json& schema);
// (closest_names and did_you_mean, for "did you mean" hints: registry.hpp)

// Validates `value` against `schema`. Returns the most specific errors, one
// per location. Throws ConfigError when the schema itself is malformed.
std::vector<SchemaError> validate_json(const nlohmann::json& schema, const nlohmann::json& value);

// Parameters that name files: top-level properties with "format": "path"
// (a string, or an array whose items have it). Relative paths are made
// relative to `dir` (the directory of the pipeline file that set them).
void resolve_path_params(const nlohmann::json& schema, nlohmann::json& value,
                         const std::filesystem::path& dir);
// The files those parameters name, in order.
std::vector<std::filesystem::path> path_params(const nlohmann::json& schema,
                                               const nlohmann::json& value);

}  // namespace docpipe::host
