#include "test_support.hpp"

#include <docpipe/schema_defaults.hpp>

namespace cleaning_test {

docpipe::Document doc_of(const std::vector<std::string>& lines) {
  docpipe::Document d;
  int n = 0;
  for (const auto& l : lines) {
    docpipe::Block b;
    b.text = l;
    b.origin.line_start = b.origin.line_end = ++n;
    d.blocks.push_back(b);
  }
  return d;
}

std::vector<std::string> texts(const docpipe::Document& doc) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks) out.push_back(b.text);
  return out;
}

docpipe::PluginEnv env_for(const std::string& plugin_name) {
  docpipe::PluginEnv env;
  env.stage_id = plugin_name;
  env.data_dir = std::filesystem::path(DOCPIPE_PLUGIN_SOURCE_DIR) / plugin_name;
  return env;
}

docpipe::Params params(const char* schema, const nlohmann::json& j) {
  return docpipe::params_with_defaults(schema, j);
}

std::size_t edits_with(const docpipe::Document& doc, const std::string& rule) {
  std::size_t n = 0;
  for (const auto& e : doc.edits) n += e.rule == rule ? 1 : 0;
  return n;
}

}  // namespace cleaning_test
