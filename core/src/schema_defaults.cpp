#include "docpipe/schema_defaults.hpp"

#include "docpipe/error.hpp"

namespace docpipe {

void apply_schema_defaults(const nlohmann::json& schema, nlohmann::json& value) {
  if (!schema.is_object() || !value.is_object()) return;
  auto props = schema.find("properties");
  if (props == schema.end() || !props->is_object()) return;
  for (const auto& [key, sub] : props->items()) {
    if (!value.contains(key)) {
      if (sub.is_object() && sub.contains("default")) value[key] = sub.at("default");
    } else if (value.at(key).is_object()) {
      apply_schema_defaults(sub, value.at(key));
    }
  }
}

Params params_with_defaults(std::string_view schema, nlohmann::json with) {
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(schema);
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(std::string("parameter schema is not JSON: ") + e.what());
  }
  apply_schema_defaults(parsed, with);
  return Params(std::move(with));
}

}  // namespace docpipe
