#include "host/yaml_json.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "docpipe/error.hpp"
#include "docpipe/text.hpp"

namespace docpipe::host {

namespace {

std::string escape_pointer_token(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

SourceMark to_mark(const YAML::Mark& m) { return {m.line + 1, m.column + 1}; }

nlohmann::json scalar_value(const YAML::Node& n) {
  const std::string& s = n.Scalar();
  if (n.Tag() == "!") return s;  // quoted: always a string
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  long long i = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
  if (ec == std::errc() && p == s.data() + s.size()) return i;
  double d = 0;
  auto [p2, ec2] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec2 == std::errc() && p2 == s.data() + s.size()) return d;
  return s;
}

nlohmann::json convert(const YAML::Node& n, const std::string& ptr, YamlDocument& doc) {
  doc.marks[ptr] = to_mark(n.Mark());
  switch (n.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      // An escape in a quoted string ("\xF5") can give yaml-cpp a byte that
      // is no character (found by fuzz/fuzz_pipeline_loader: the schema
      // check's message then threw past the loader).
      if (!text::is_valid_utf8(n.Scalar()))
        throw ConfigError(doc.file.string() + ":" + std::to_string(n.Mark().line + 1) + ":" +
                          std::to_string(n.Mark().column + 1) + ": a value that is not UTF-8 text");
      return scalar_value(n);
    case YAML::NodeType::Sequence: {
      auto arr = nlohmann::json::array();
      std::size_t i = 0;
      for (const auto& item : n) {
        arr.push_back(convert(item, ptr + "/" + std::to_string(i), doc));
        ++i;
      }
      return arr;
    }
    case YAML::NodeType::Map: {
      auto obj = nlohmann::json::object();
      for (const auto& kv : n) {
        // A complex key ("? [a, b]: x") has no string form (found by
        // fuzz/fuzz_pipeline_loader: as<std::string>() threw past the loader).
        if (!kv.first.IsScalar())
          throw ConfigError(doc.file.string() + ":" + std::to_string(kv.first.Mark().line + 1) +
                            ":" + std::to_string(kv.first.Mark().column + 1) +
                            ": a key must be a plain string");
        std::string key = kv.first.as<std::string>();
        if (!text::is_valid_utf8(key))
          throw ConfigError(doc.file.string() + ":" + std::to_string(kv.first.Mark().line + 1) +
                            ":" + std::to_string(kv.first.Mark().column + 1) +
                            ": a key that is not UTF-8 text");
        std::string child = ptr + "/" + escape_pointer_token(key);
        if (obj.contains(key))
          throw ConfigError(doc.file.string() + ":" + std::to_string(kv.first.Mark().line + 1) +
                            ":" + std::to_string(kv.first.Mark().column + 1) + ": duplicate key '" +
                            key + "'");
        doc.key_marks[child] = to_mark(kv.first.Mark());
        obj[key] = convert(kv.second, child, doc);
      }
      return obj;
    }
  }
  return nullptr;
}

}  // namespace

SourceMark YamlDocument::mark_for(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    if (auto it = marks.find(p); it != marks.end()) return it->second;
    auto slash = p.rfind('/');
    if (slash == std::string::npos || p.empty()) break;
    p = p.substr(0, slash);
  }
  if (auto it = marks.find(""); it != marks.end()) return it->second;
  return {1, 1};
}

std::string YamlDocument::where(const std::string& pointer) const {
  auto m = mark_for(pointer);
  return file.string() + ":" + std::to_string(m.line) + ":" + std::to_string(m.column);
}

YamlDocument parse_yaml(const std::string& text, const std::filesystem::path& file) {
  // A NUL byte is no YAML text; yaml-cpp takes NULs at the start of a line
  // for UTF-16 or UTF-32 and reads the rest as such (found by
  // fuzz/fuzz_pipeline_loader).
  if (const auto nul = text.find('\0'); nul != std::string::npos)
    throw ConfigError(file.string() + ":" +
                      std::to_string(1 + std::count(text.begin(), text.begin() + nul, '\n')) +
                      ": a NUL byte (a pipeline is YAML text in UTF-8)");
  // YAML is Unicode text; bytes that are not UTF-8 would also reach the
  // schema validator, whose UTF-8 walk reads out of bounds on them (found
  // by fuzz/fuzz_pipeline_loader).
  if (!text::is_valid_utf8(text)) {
    int line = 1;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1, ++line)
      if (!text::is_valid_utf8(std::string_view(text).substr(start, nl - start))) break;
    throw ConfigError(file.string() + ":" + std::to_string(line) +
                      ":1: not UTF-8 text (a pipeline is YAML in UTF-8)");
  }
  YamlDocument doc;
  doc.file = file;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw ConfigError(file.string() + ":" + std::to_string(e.mark.line + 1) + ":" +
                      std::to_string(e.mark.column + 1) + ": YAML syntax error: " + e.msg);
  }
  doc.value = convert(root, "", doc);
  return doc;
}

YamlDocument load_yaml(const std::filesystem::path& file) {
  std::ifstream f(file, std::ios::binary);
  if (!f) throw ConfigError(file.string() + ": cannot open pipeline file");
  std::stringstream ss;
  ss << f.rdbuf();
  return parse_yaml(ss.str(), file);
}

}  // namespace docpipe::host
