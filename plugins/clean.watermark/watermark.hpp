// clean.watermark: removes domains/URLs a content farm stamped into the text
// (inside sentences or on their own lines) and re-joins the sentence such a
// stamp split across two lines. A URL that the sentence is about ("请登录官网
// www.example.gov.cn 报名") is kept: context words before it say so.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/kit/trie.hpp>
#include <docpipe/plugin.hpp>
#include <string>
#include <vector>

namespace docpipe::clean {

inline constexpr const char* kWatermarkSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "watermark_domains": {"type": "array", "items": {"type": "string"}, "default": [],
                          "description": "domains always removed (e.g. a farm this office meets often)"},
    "keep_domains": {"type": "array", "items": {"type": "string"}, "default": [],
                     "description": "domains never removed"},
    "context_words": {"type": "array", "items": {"type": "string"}, "default": [],
                      "description": "extra words that, just before a URL, mean the text is about the site"},
    "context_window": {"type": "integer", "minimum": 0, "default": 8,
                       "description": "characters before a URL searched for context words"}
  }
})json";

class WatermarkCleaner final : public Transform {
 public:
  WatermarkCleaner(const PluginEnv& env, const Params& params);
  void apply(Document& doc) override;

 private:
  // Domain key of a URL: lower case, without scheme, "www." and path.
  static std::string domain_key(std::string_view url);
  bool has_context(std::string_view text, std::size_t url_begin) const;

  kit::Regex url_;
  kit::Trie context_words_;
  std::vector<std::string> always_, never_;
  std::size_t context_window_ = 8;
};

}  // namespace docpipe::clean
