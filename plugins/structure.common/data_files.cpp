#include "data_files.hpp"

#include <docpipe/error.hpp>
#include <docpipe/text.hpp>
#include <fstream>
#include <sstream>

namespace docpipe::structure {

namespace {
std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError("cannot read data file " + file.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

std::vector<std::string> load_word_list(const std::filesystem::path& file) {
  std::string all = read_file(file);
  std::vector<std::string> out;
  for (auto line : text::split_lines(all)) {
    auto hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    auto t = text::trim(line);
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

nlohmann::json load_json(const std::filesystem::path& file) {
  try {
    return nlohmann::json::parse(read_file(file));
  } catch (const nlohmann::json::parse_error& e) {
    throw ConfigError("bad JSON in " + file.string() + ": " + e.what());
  }
}

std::string regex_escape(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (std::string_view("\\^$.|?*+()[]{}-#/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace docpipe::structure
