// A PCRE2 pattern compiled once (UTF + UCP mode, JIT when available) and
// matched many times. Plugins build their patterns in the plugin
// constructor, never per document (the standard library regex is not used:
// slow, no Unicode classes).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::kit {

// One match: byte offsets of the whole match (group 0) and each group.
// A group that did not take part has begin == end == npos.
struct Match {
  struct Span {
    std::size_t begin = std::string_view::npos;
    std::size_t end = std::string_view::npos;
    bool matched() const { return begin != std::string_view::npos; }
    std::size_t size() const { return matched() ? end - begin : 0; }
  };
  std::vector<Span> groups;
  // Whether group i took part in the match (false for a group the pattern
  // does not have, e.g. group_number's -1 cast to size_t).
  bool has(std::size_t i) const { return i < groups.size() && groups[i].matched(); }
  std::size_t begin(std::size_t i = 0) const { return groups.at(i).begin; }
  std::size_t end(std::size_t i = 0) const { return groups.at(i).end; }
  // The text of group i; empty when it did not take part.
  std::string_view group(std::string_view subject, std::size_t i = 0) const;
};

class Regex {
 public:
  // Throws docpipe::ConfigError with the PCRE2 message when the pattern is bad.
  explicit Regex(const std::string& pattern, bool caseless = false);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // First match at or after byte offset `start`; false when none.
  bool search(std::string_view subject, Match& m, std::size_t start = 0) const;
  // The same, as an optional.
  std::optional<Match> find(std::string_view subject, std::size_t start = 0) const;
  bool contains(std::string_view subject) const;
  // True when the pattern matches the whole subject.
  bool full_match(std::string_view subject) const;
  // All non-overlapping matches, left to right.
  std::vector<Match> find_all(std::string_view subject) const;
  // Replaces every match by what `fn` returns for it.
  std::string replace_all(
      std::string_view subject,
      const std::function<std::string(std::string_view, const Match&)>& fn) const;
  // Number of the named group `(?<name>...)`, or -1 when there is none.
  int group_number(const char* name) const;
  const std::string& pattern() const { return pattern_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string pattern_;
};

// Escapes a literal string for use inside a pattern.
std::string regex_escape(std::string_view literal);

// The words as one escaped alternation, longest first so 发布时间 wins over
// 时间; "(?!)" (never matches) for no words.
std::string regex_alternation(std::vector<std::string> words);

}  // namespace docpipe::kit
