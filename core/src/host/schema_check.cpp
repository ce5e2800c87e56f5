#include "host/schema_check.hpp"

#include <algorithm>
#include <map>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "docpipe/error.hpp"
#include "host/registry.hpp"

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
// How valijson words a key that neither `properties` nor
// `additionalProperties` allows; the key follows in quotes.
constexpr const char* kUnknownKeyMarker =
    "could not be validated using 'properties' or 'additionalProperties' constraints: '";

// The subschema that validates the value at `pointer`, following
// properties, items and local $refs; null when it cannot be told (oneOf).
const nlohmann::json* subschema_at(const nlohmann::json& root, const std::string& pointer) {
  const nlohmann::json* s = &root;
  auto deref = [&](const nlohmann::json* x) {
    for (int guard = 0; x && x->is_object() && x->contains("$ref") && guard < 8; ++guard) {
      auto ref = x->at("$ref").get<std::string>();
      if (ref.rfind("#/", 0) != 0) return static_cast<const nlohmann::json*>(nullptr);
      try {
        x = &root.at(nlohmann::json::json_pointer(ref.substr(1)));
      } catch (const std::exception&) {
        return static_cast<const nlohmann::json*>(nullptr);
      }
    }
    return x;
  };
  s = deref(s);
  std::size_t pos = 0;
  while (s && pos < pointer.size()) {
    auto next = pointer.find('/', pos + 1);
    std::string token = pointer.substr(pos + 1, next == std::string::npos ? next : next - pos - 1);
    pos = next == std::string::npos ? pointer.size() : next;
    if (!s->is_object()) return nullptr;
    if (auto props = s->find("properties"); props != s->end() && props->contains(token))
      s = deref(&props->at(token));
    else if (auto items = s->find("items"); items != s->end() && !token.empty() &&
                                            std::all_of(token.begin(), token.end(), ::isdigit))
      s = deref(&*items);
    else
      return nullptr;
  }
  return s;
}

std::string number_text(const nlohmann::json& n) {
  return n.is_number_integer() ? std::to_string(n.get<long long>()) : n.dump();
}

}  // namespace

std::string expected_text(const nlohmann::json& schema) {
  if (!schema.is_object()) return {};
  if (auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
    std::string out;
    for (std::size_t i = 0; i < e->size(); ++i)
      out += std::string(i ? (i + 1 == e->size() ? " or " : ", ") : "") + e->at(i).dump();
    return e->size() == 1 ? out : "one of " + out;
  }
  auto t = schema.find("type");
  if (t == schema.end()) return {};
  std::string type = t->is_string() ? t->get<std::string>()
                     : t->is_array() && !t->empty() && t->at(0).is_string()
                         ? t->at(0).get<std::string>()
                         : "";
  static const std::map<std::string, std::string> names = {
      {"integer", "an integer"},    {"number", "a number"}, {"string", "a string"},
      {"boolean", "true or false"}, {"array", "a list"},    {"object", "a mapping"}};
  auto it = names.find(type);
  if (it == names.end()) return {};
  std::string out = it->second;
  if (schema.contains("minimum")) out += " ≥ " + number_text(schema["minimum"]);
  if (schema.contains("exclusiveMinimum")) out += " > " + number_text(schema["exclusiveMinimum"]);
  if (schema.contains("maximum")) out += " ≤ " + number_text(schema["maximum"]);
  if (type == "string" && schema.value("minLength", 0) > 0) out = "a non-empty string";
  if (type == "array" && schema.contains("items") && schema["items"].is_object()) {
    auto inner = expected_text(schema["items"]);
    if (!inner.empty() && inner.rfind("a ", 0) == 0) out += " of " + inner.substr(2) + "s";
    if (!inner.empty() && inner.rfind("an ", 0) == 0) out += " of " + inner.substr(3) + "s";
  }
  return out;
}

namespace {

// An error as a person reads it: an unknown key by name with the closest
// known keys, and a wrong value with what was expected and what was given.
SchemaError friendly(const nlohmann::json& schema, const nlohmann::json& value, SchemaError e) {
  const std::string marker = kUnknownKeyMarker;
  if (auto pos = e.message.find(marker); pos != std::string::npos) {
    auto key = e.message.substr(pos + marker.size());
    key = key.substr(0, key.find('\''));
    std::vector<std::string> known;
    if (const auto* sub = subschema_at(schema, e.pointer); sub && sub->contains("properties"))
      for (const auto& [k, _] : sub->at("properties").items()) known.push_back(k);
    e.pointer += "/" + key;
    e.unknown_key = key;
    e.hint = did_you_mean(closest_names(key, known));
    e.message = "unknown key '" + key + "'" + e.hint;
    return e;
  }
  if (e.message.find("required") != std::string::npos) return e;
  const auto* sub = subschema_at(schema, e.pointer);
  if (!sub) return e;
  const nlohmann::json* given = nullptr;
  try {
    given = &value.at(nlohmann::json::json_pointer(e.pointer));
  } catch (const std::exception&) {
    return e;
  }
  auto want = expected_text(*sub);
  if (want.empty() || given->is_object() || given->is_array()) return e;
  // What the user wrote may hold bytes that are no UTF-8: shown replaced,
  // never a second error while reporting the first.
  e.message = "expected " + want + ", got " +
              given->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return e;
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
  // Unknown keys are kept besides that: an object may have a wrong value
  // and an unknown key at once.
  std::map<std::string, std::string> deepest;
  std::vector<std::pair<std::string, std::string>> unknown_keys;
  valijson::ValidationResults::Error err;
  while (results.popError(err)) {
    auto p = to_pointer(err.context);
    if (err.description.find(kUnknownKeyMarker) != std::string::npos) {
      if (std::find(unknown_keys.begin(), unknown_keys.end(), std::pair(p, err.description)) ==
          unknown_keys.end())
        unknown_keys.emplace_back(p, err.description);
      if (deepest.count(p) && deepest[p].find(kUnknownKeyMarker) == std::string::npos) continue;
      deepest[p] = err.description;
    } else if (!deepest.count(p)) {
      deepest[p] = err.description;
    }
  }
  std::vector<SchemaError> out;
  for (const auto& [p, msg] : unknown_keys)
    if (deepest[p] != msg) out.push_back(friendly(schema_json, value, {p, msg, {}, {}}));
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
    out.push_back(friendly(schema_json, value, {p, msg, {}, {}}));
  }
  return out;
}

namespace {

bool is_path(const nlohmann::json& prop) {
  return prop.is_object() && prop.value("format", "") == "path";
}

// Calls f on every string of `value` that a path-format property holds.
template <class F>
void for_each_path(const nlohmann::json& schema, nlohmann::json& value, F f) {
  if (!schema.is_object() || !value.is_object() || !schema.contains("properties")) return;
  for (const auto& [key, prop] : schema.at("properties").items()) {
    if (!value.contains(key)) continue;
    auto& v = value.at(key);
    if (is_path(prop) && v.is_string()) f(v);
    if (prop.is_object() && prop.contains("items") && is_path(prop.at("items")) && v.is_array())
      for (auto& item : v)
        if (item.is_string()) f(item);
  }
}

}  // namespace

void resolve_path_params(const nlohmann::json& schema, nlohmann::json& value,
                         const std::filesystem::path& dir) {
  for_each_path(schema, value, [&](nlohmann::json& v) {
    std::filesystem::path p = v.get<std::string>();
    if (!p.empty() && p.is_relative()) v = (dir / p).lexically_normal().string();
  });
}

std::vector<std::filesystem::path> path_params(const nlohmann::json& schema,
                                               const nlohmann::json& value) {
  std::vector<std::filesystem::path> out;
  nlohmann::json copy = value;
  for_each_path(schema, copy, [&](nlohmann::json& v) { out.emplace_back(v.get<std::string>()); });
  return out;
}

}  // namespace docpipe::host
