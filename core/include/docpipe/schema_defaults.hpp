// Parameter defaults live in one place: the plugin's parameter schema. The
// host fills them into every stage's `with:` when it resolves a pipeline
// (so the pipeline hash covers them); code that creates a plugin class
// directly (unit tests, benchmarks) fills them the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "docpipe/export.hpp"
#include "docpipe/plugin.hpp"

namespace docpipe {

// Fills in the "default" values of the schema's top-level properties (and of
// nested object properties) that `value` does not set.
DOCPIPE_API void apply_schema_defaults(const nlohmann::json& schema, nlohmann::json& value);

// The parameters a stage gets for `with` under the schema given as JSON text
// (a descriptor's params_schema): `with` plus the schema's defaults. Throws
// ConfigError when the schema is not JSON.
DOCPIPE_API Params params_with_defaults(std::string_view schema,
                                        nlohmann::json with = nlohmann::json::object());

}  // namespace docpipe
