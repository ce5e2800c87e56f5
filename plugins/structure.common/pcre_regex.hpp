// A compiled PCRE2 pattern in UTF + UCP mode with JIT, compiled once and
// reused (one instance per plugin instance, so no locking is needed).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pcre2_real_code_8;
struct pcre2_real_match_data_8;

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
  // Throws std::invalid_argument with PCRE2's message on a bad pattern.
  explicit Regex(const std::string& pattern);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // First match at or after byte offset `start`.
  std::optional<RegexMatch> find(std::string_view subject, std::size_t start = 0) const;
  std::vector<RegexMatch> find_all(std::string_view subject) const;
  // Group number of a named group, or -1.
  int group(const char* name) const;

 private:
  pcre2_real_code_8* code_ = nullptr;
  pcre2_real_match_data_8* data_ = nullptr;
};

}  // namespace docpipe::structure
