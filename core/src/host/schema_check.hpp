// JSON Schema validation (valijson) with errors reported as JSON pointers,
// so callers can map them back to YAML positions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace docpipe::host {

struct SchemaError {
  std::string pointer;  // JSON pointer of the offending value
  std::string message;
};

// Validates `value` against `schema`. Returns the most specific errors, one
// per location. Throws ConfigError when the schema itself is malformed.
std::vector<SchemaError> validate_json(const nlohmann::json& schema, const nlohmann::json& value);

// Fills in "default" values of the schema's top-level properties (and of
// nested object properties) that `value` does not set.
void apply_schema_defaults(const nlohmann::json& schema, nlohmann::json& value);

}  // namespace docpipe::host
