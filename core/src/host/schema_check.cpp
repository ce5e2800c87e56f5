#include "host/schema_check.hpp"

#include <map>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "docpipe/error.hpp"

namespace docpipe::host {

namespace {
// valijson context entries look like "<root>", "[stages]", "[0]".
std::string to_pointer(const std::vector<std::string>& context) {
  std::string out;
  for (const auto& c : context) {
    if (c == "<root>") continue;
    std::string token = c;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
      token = token.substr(1, token.size() - 2);
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"')
      token = token.substr(1, token.size() - 2);
    out += "/" + token;
  }
  return out;
}
}  // namespace

std::vector<SchemaError> validate_json(const nlohmann::json& schema_json,
                                       const nlohmann::json& value) {
  valijson::Schema schema;
  valijson::SchemaParser parser;
  try {
    valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
    parser.populateSchema(schema_adapter, schema);
  } catch (const std::exception& e) {
    throw ConfigError(std::string("invalid JSON Schema: ") + e.what());
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(value);
  if (validator.validate(schema, target, &results)) return {};
  // valijson reports a chain of errors from the root down; keep the deepest
  // message per location and drop ancestors whose only fault is a child.
  std::map<std::string, std::string> deepest;
  valijson::ValidationResults::Error err;
  while (results.popError(err)) {
    auto p = to_pointer(err.context);
    if (!deepest.count(p)) deepest[p] = err.description;
  }
  std::vector<SchemaError> out;
  for (const auto& [p, msg] : deepest) {
    bool has_deeper = false;
    for (const auto& [q, _] : deepest)
      if (q.size() > p.size() && q.compare(0, p.size(), p) == 0 && q[p.size()] == '/') {
        has_deeper = true;
        break;
      }
    bool is_child_summary = msg.find("Failed to validate") != std::string::npos ||
                            msg.find("failed to validate") != std::string::npos;
    if (has_deeper && is_child_summary) continue;
    out.push_back({p, msg});
  }
  return out;
}

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

}  // namespace docpipe::host
