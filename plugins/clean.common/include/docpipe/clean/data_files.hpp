// Loading the data files a clean.* plugin ships (DATA in CMake, found in
// PluginEnv::data_dir at run time). Offices extend them through `with:`.
#pragma once

#include <docpipe/plugin.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace docpipe::clean {

// env.data_dir / name; throws docpipe::ConfigError when it does not exist.
std::filesystem::path data_file(const PluginEnv& env, const std::string& name);

// One entry per line; blank lines and lines starting with '#' are skipped,
// surrounding spaces trimmed.
std::vector<std::string> read_list_file(const std::filesystem::path& path);

// Two columns separated by a tab (or spaces): "spun<TAB>original".
std::vector<std::pair<std::string, std::string>> read_pairs_file(const std::filesystem::path& path);

nlohmann::json read_json_file(const std::filesystem::path& path);

// The strings of the array `key` of a rules object; none when it is absent.
std::vector<std::string> json_strings(const nlohmann::json& j, const char* key);

}  // namespace docpipe::clean
