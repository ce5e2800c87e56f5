// clean.dedupe: removes what a scraper duplicated.
//  - dedupe.title:     a title line repeated near the top; when one copy is
//                      redacted ("共青团**区委…") and the other is not, the
//                      redacted copy goes (placeholders match any 1-8 chars)
//  - dedupe.teaser:    a truncated copy of a paragraph (the farm's teaser)
//                      just before the full paragraph (prefix match with tolerance)
//  - dedupe.paragraph: a paragraph repeated anywhere later
#pragma once

#include <docpipe/plugin.hpp>
#include <string>

namespace docpipe::clean {

inline constexpr const char* kDedupeSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "head_blocks": {"type": "integer", "minimum": 0, "default": 6,
                    "description": "leading blocks searched for repeated titles"},
    "max_title_chars": {"type": "integer", "minimum": 1, "default": 60},
    "min_teaser_chars": {"type": "integer", "minimum": 1, "default": 20},
    "teaser_window": {"type": "integer", "minimum": 1, "default": 3,
                      "description": "how many blocks after a teaser its full paragraph may come"},
    "min_prefix_ratio": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.9,
                         "description": "share of the teaser that must equal the start of the full paragraph"},
    "min_repeat_chars": {"type": "integer", "minimum": 1, "default": 20,
                         "description": "shorter repeated blocks (headings) are kept"}
  }
})json";

class Deduplicator final : public Transform {
 public:
  Deduplicator(const PluginEnv& env, const Params& params);
  void apply(Document& doc) override;

  // Equal after folding, where a run of placeholder characters (* X x ×) in
  // either text stands for 1-8 characters of the other.
  static bool same_title(const std::string& a, const std::string& b);
  static bool has_placeholder(const std::string& s);
  // True when `teaser` is a cut-off start of `full`.
  bool is_teaser_of(const std::string& teaser, const std::string& full) const;

 private:
  bool is_prefix_copy(const std::u32string& teaser, const std::u32string& full) const;

  std::size_t head_blocks_ = 6, max_title_chars_ = 60, min_teaser_chars_ = 20, teaser_window_ = 3,
              min_repeat_chars_ = 20;
  double min_prefix_ratio_ = 0.9;
};

}  // namespace docpipe::clean
