// The structure stages' view of a compiled PCRE2 pattern: optional matches
// and named groups. The pattern itself is a clean::Regex (UTF + UCP, JIT,
// compiled once per plugin instance), the one PCRE2 wrapper of the plugins.
#pragma once

#include <docpipe/clean/regex.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::structure {

// Byte offsets of one match; group 0 is the whole match. An unset group has
// begin == end == npos.
struct RegexMatch {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::vector<std::pair<std::size_t, std::size_t>> groups;
  bool has(std::size_t g) const { return g < groups.size() && groups[g].first != npos; }
  std::size_t begin(std::size_t g = 0) const { return groups[g].first; }
  std::size_t end(std::size_t g = 0) const { return groups[g].second; }
  std::string_view view(std::string_view subject, std::size_t g = 0) const {
    return has(g) ? subject.substr(begin(g), end(g) - begin(g)) : std::string_view{};
  }
};

class Regex {
 public:
  // Throws docpipe::ConfigError with PCRE2's message on a bad pattern.
  explicit Regex(const std::string& pattern) : re_(pattern) {}

  // First match at or after byte offset `start`.
  std::optional<RegexMatch> find(std::string_view subject, std::size_t start = 0) const;
  std::vector<RegexMatch> find_all(std::string_view subject) const;
  // Group number of a named group, or -1.
  int group(const char* name) const { return re_.group_number(name); }

 private:
  clean::Regex re_;
};

}  // namespace docpipe::structure
