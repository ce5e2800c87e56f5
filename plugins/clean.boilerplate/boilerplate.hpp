// clean.boilerplate: removes site chrome (site-name line, breadcrumb, crawl
// timestamp, Tags line, navigation/sidebar words, pager, share prompts,
// copyright/ICP) and paywall / "contact us for the full text" tails.
// Lines are judged by shape and position: only short lines inside the head or
// tail zone of the document are candidates, so body text never is.
#pragma once

#include <docpipe/clean/regex.hpp>
#include <docpipe/clean/trie.hpp>
#include <docpipe/plugin.hpp>
#include <optional>
#include <string>
#include <vector>

namespace docpipe::clean {

inline constexpr const char* kBoilerplateSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "head_lines": {"type": "integer", "minimum": 0, "default": 8,
                   "description": "blocks at the start that may be site chrome"},
    "tail_lines": {"type": "integer", "minimum": 0, "default": 10,
                   "description": "blocks at the end that may be site chrome or a paywall tail"},
    "max_chrome_chars": {"type": "integer", "minimum": 1, "default": 40,
                         "description": "longer lines are never treated as chrome (paywall lines excepted)"},
    "extra_nav_words": {"type": "array", "items": {"type": "string"}, "default": []},
    "extra_paywall_phrases": {"type": "array", "items": {"type": "string"}, "default": [],
                              "description": "phrases that alone mark a paywall notice (预览已结束)"},
    "extra_paywall_hints": {"type": "array", "items": {"type": "string"}, "default": [],
                            "description": "phrases that mark one only next to a contact line (获取全文, 代写)"},
    "extra_share_phrases": {"type": "array", "items": {"type": "string"}, "default": []},
    "extra_copyright_phrases": {"type": "array", "items": {"type": "string"}, "default": []},
    "extra_site_suffixes": {"type": "array", "items": {"type": "string"}, "default": []},
    "extra_patterns": {"type": "array", "items": {"type": "string"}, "default": [],
                       "description": "PCRE2 patterns; a chrome-zone line matching one is removed"}
  }
})json";

class BoilerplateCleaner final : public Transform {
 public:
  BoilerplateCleaner(const PluginEnv& env, const Params& params);
  void apply(Document& doc) override;

  enum class Zone { head, tail };
  // The rule a line matches as chrome ("boilerplate.breadcrumb"...), or ""
  // when it is not chrome. Site names need context and are judged in apply().
  std::string classify(const std::string& line, Zone zone) const;

 private:
  bool is_paywall(const std::u32string& u) const;
  bool is_contact(const std::string& line, const std::u32string& u) const;
  bool is_navigation(const std::string& line) const;
  bool is_breadcrumb(const std::string& line) const;
  bool is_site_name(const std::string& line) const;
  std::optional<std::string> published_iso(const std::string& line) const;
  std::vector<std::string> tags_of(const std::string& line) const;
  static bool contains_any(const std::u32string& u, const Trie& t);
  static bool starts_with_any(const std::u32string& u, const Trie& t);

  int head_lines_ = 8;
  int tail_lines_ = 10;
  int max_chrome_chars_ = 40;
  Trie nav_words_, paywall_, paywall_hints_, share_, copyright_, contact_words_, pager_,
      breadcrumb_starts_, tag_prefixes_;
  std::vector<std::u32string> site_suffixes_;
  std::vector<std::string> breadcrumb_separators_;
  Regex timestamp_;
  Regex meta_rest_;
  Regex tag_line_;
  Regex phone_or_id_;
  Regex domain_;
  std::vector<Regex> extra_patterns_;
};

}  // namespace docpipe::clean
