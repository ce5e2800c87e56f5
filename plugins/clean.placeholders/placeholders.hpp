// clean.placeholders: redaction placeholders (XX区委, xx个, ***总书记,
// x月x日, 201x年) are part of the text as published: they are kept, counted
// and reported, never "fixed". Sets flag placeholders_present and
// metadata.extra["placeholders"].
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/plugin.hpp>
#include <map>
#include <string>
#include <vector>

namespace docpipe::clean {

inline constexpr const char* kPlaceholdersSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "extra_patterns": {"type": "array", "items": {"type": "string"}, "default": [],
                       "description": "PCRE2 patterns of office-specific placeholders (e.g. 某某)"}
  }
})json";

class PlaceholderCounter final : public Transform {
 public:
  PlaceholderCounter(const PluginEnv& env, const Params& params);
  void apply(Document& doc) override;
  // Placeholder texts found in `text`, in order.
  std::vector<std::string> find(const std::string& text) const;

 private:
  kit::Regex builtin_;
  std::vector<kit::Regex> extra_;
};

}  // namespace docpipe::clean
