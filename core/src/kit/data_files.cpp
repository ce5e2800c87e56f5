#include "docpipe/kit/data_files.hpp"

#include <docpipe/error.hpp>
#include <docpipe/text.hpp>
#include <fstream>
#include <sstream>

namespace docpipe::kit {

std::filesystem::path data_file(const PluginEnv& env, const std::string& name) {
  auto p = env.data_dir / name;
  if (!std::filesystem::exists(p))
    throw ConfigError("data file missing: " + p.string() + " (stage " + env.stage_id + ")");
  return p;
}

std::string read_data_file(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) throw ConfigError("data file missing: " + path.string());
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("cannot read data file " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> read_list_file(const std::filesystem::path& path) {
  std::vector<std::string> out;
  std::string all = read_data_file(path);
  for (auto line : docpipe::text::split_lines(all)) {
    auto t = docpipe::text::trim(line);
    if (t.empty() || t[0] == '#') continue;
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> read_pairs_file(
    const std::filesystem::path& path) {
  std::vector<std::pair<std::string, std::string>> out;
  int line_no = 0;
  std::string all = read_data_file(path);
  for (auto line : docpipe::text::split_lines(all)) {
    ++line_no;
    auto t = docpipe::text::trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto cut = t.find_first_of("\t ");
    if (cut == std::string::npos)
      throw ConfigError(path.string() + ":" + std::to_string(line_no) + ": expected two columns");
    auto second = docpipe::text::trim(std::string_view(t).substr(cut + 1));
    // A third column (a comment) may follow the second after more spaces.
    auto end = second.find_first_of("\t ");
    if (end != std::string::npos) second = second.substr(0, end);
    out.emplace_back(t.substr(0, cut), second);
  }
  return out;
}

nlohmann::json read_json_file(const std::filesystem::path& path) {
  try {
    return nlohmann::json::parse(read_data_file(path));
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(path.string() + ": " + e.what());
  }
}

std::vector<std::string> json_strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key))
    for (const auto& v : j.at(key)) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace docpipe::kit
