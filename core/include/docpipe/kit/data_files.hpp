// Loading the data files a plugin ships (docpipe_add_plugin DATA, found in
// PluginEnv::data_dir at run time). Offices extend them through `with:`.
// Every plugin finds its files through data_file, so a missing file is the
// same error everywhere.
#pragma once

#include <docpipe/plugin.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace docpipe::kit {

// env.data_dir / name; throws docpipe::ConfigError "data file missing: <path>
// (stage <id>)" when it does not exist.
std::filesystem::path data_file(const PluginEnv& env, const std::string& name);

// The bytes of a data file. Throws docpipe::ConfigError "data file missing:
// <path>" when it does not exist, "cannot read data file <path>" when it
// cannot be read. The loaders below read through it.
std::string read_data_file(const std::filesystem::path& path);

// One entry per line; blank lines and lines starting with '#' are skipped,
// surrounding spaces trimmed.
std::vector<std::string> read_list_file(const std::filesystem::path& path);

// Two columns separated by a tab (or spaces): "spun<TAB>original".
std::vector<std::pair<std::string, std::string>> read_pairs_file(const std::filesystem::path& path);

nlohmann::json read_json_file(const std::filesystem::path& path);

// The strings of the array `key` of a rules object; none when it is absent.
std::vector<std::string> json_strings(const nlohmann::json& j, const char* key);

}  // namespace docpipe::kit
