// Builders shared by the cleaning tests: a document from lines, a plugin
// environment pointing at the plugin's shipped data files, parameters.
#pragma once

#include <docpipe/plugin.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cleaning_test {

docpipe::Document doc_of(const std::vector<std::string>& lines);
std::vector<std::string> texts(const docpipe::Document& doc);
// PluginEnv whose data_dir is plugins/<name>/ in the source tree.
docpipe::PluginEnv env_for(const std::string& plugin_name);
// `j` with the defaults of the plugin's parameter schema filled in, as the
// host passes them.
docpipe::Params params(const char* schema, const nlohmann::json& j = nlohmann::json::object());
// Number of edits whose rule is `rule`.
std::size_t edits_with(const docpipe::Document& doc, const std::string& rule);

}  // namespace cleaning_test
