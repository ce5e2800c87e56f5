// clean.boilerplate: removes site chrome (site-name line, breadcrumb, crawl
// timestamp, page-metadata lines, Tags line, navigation/sidebar words, pager,
// share prompts, copyright/ICP, document-share and forum widgets, section and
// piece labels, SEO intros) and paywall / preview-limit tails.
// Lines are judged by shape and position: only short lines inside the head or
// tail zone of the document are candidates, so body text never is; a few
// span rules (page footers glued inside a sentence, a source notice after the
// last sentence, anti-scrape junk) apply anywhere because their shape alone
// says what they are. docs/cleaning.md lists every rule with an example.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/kit/remove_blocks.hpp>
#include <docpipe/kit/trie.hpp>
#include <docpipe/plugin.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "page_meta.hpp"
#include "seo_intro.hpp"

namespace docpipe::clean {

inline constexpr const char* kBoilerplateSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "head_lines": {"type": "integer", "minimum": 0, "default": 30,
                   "description": "blocks at the start that may be site chrome (only before the first body line)"},
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
    "extra_spam_phrases": {"type": "array", "items": {"type": "string"}, "default": []},
    "extra_site_suffixes": {"type": "array", "items": {"type": "string"}, "default": []},
    "extra_patterns": {"type": "array", "items": {"type": "string"}, "default": [],
                       "description": "PCRE2 patterns; a chrome-zone line matching one is removed"},
    "extra_meta_labels": {"type": "array", "items": {"type": "string"}, "default": [],
                          "description": "labels of page-metadata lines (label: value), besides the shipped ones"},
    "extra_chrome_phrases": {"type": "array", "items": {"type": "string"}, "default": [],
                             "description": "phrases that make a short chrome-zone line widget or document-share chrome"},
    "extra_inline_patterns": {"type": "array", "items": {"type": "string"}, "default": [],
                              "description": "PCRE2 patterns removed wherever they occur in the text (rule boilerplate.inline_pattern)"},
    "extra_seo_markers": {"type": "array", "items": {"type": "string"}, "default": [],
                          "description": "strong SEO-intro markers: a leading sentence with one is farm text"},
    "extra_section_labels": {"type": "array", "items": {"type": "string"}, "default": [],
                             "description": "labels (导语, 【正文】) removed at the start of the document"}
  }
})json";

class BoilerplateCleaner final : public Transform {
 public:
  BoilerplateCleaner(const PluginEnv& env, const Params& params);
  void apply(Document& doc) override;

  enum class Zone { head, tail };
  // The rule a line matches as chrome ("boilerplate.breadcrumb"...), or ""
  // when it is not chrome. Site names need context and are judged in apply().
  // `from_page` is false for a word processor's file (DOCX, DOC, WPS, ODT):
  // its 关键词 line and a labelled date line are the author's, not a site's.
  std::string classify(const std::string& line, Zone zone, bool from_page = true) const;

 private:
  struct RuleRegex {
    std::string rule;
    kit::Regex re;
    int keep_group = 0;  // a span rule may keep one group of its match (**x** -> x)
  };
  // Span rules that apply anywhere (page footers, source notice, scrape junk).
  void remove_inline_chrome(Document& doc) const;
  // Labels (导语：, 【正文】, 篇一：) and piece suffixes (…总结篇1) at the start;
  // a second piece (篇二) cuts the page there and flags multi_doc.
  void strip_labels_and_pieces(Document& doc) const;
  // Leading SEO text of the first paragraphs; the rules of whole blocks.
  void strip_seo_intros(Document& doc, std::vector<std::string>& rule) const;
  // Numbered chunks of a document-share page (1、… 2、…) cut inside sentences.
  void strip_chunk_numbers(Document& doc) const;
  bool is_page_meta(const std::string& line, Zone zone) const;
  void harvest_page_meta(Document& doc, const std::string& line) const;
  bool is_chrome_words(std::string_view s) const;
  bool looks_like_signature(const std::string& line) const;
  void mark_chrome_runs(const Document& doc, std::vector<std::string>& rule,
                        const std::optional<std::size_t>& first_body) const;
  void load_page_rules(const nlohmann::json& rules, const Params& params);
  std::size_t junk_run_end(const std::u32string& u, std::size_t i) const;
  std::string without_junk(const std::string& line) const;
  bool is_paywall(const std::u32string& u) const;
  bool is_contact(const std::string& line, const std::u32string& u) const;
  bool is_navigation(const std::string& line) const;
  bool is_breadcrumb(const std::string& line) const;
  bool is_site_name(const std::string& line) const;
  std::optional<std::string> published_iso(const std::string& line) const;
  bool is_report_date(const std::string& line) const;
  std::vector<std::string> tags_of(const std::string& line) const;
  static bool contains_any(const std::u32string& u, const kit::Trie& t);
  // How many different entries of `t` occur in u.
  static std::size_t count_distinct(const std::u32string& u, const kit::Trie& t);
  static bool starts_with_any(const std::u32string& u, const kit::Trie& t);

  int head_lines_ = 8;
  int tail_lines_ = 10;
  int max_chrome_chars_ = 40;
  kit::Trie spam_;  // words of spam injected into hijacked pages (adult, gambling)
  kit::Trie nav_words_, paywall_, paywall_hints_, share_, copyright_, contact_words_, pager_,
      breadcrumb_starts_, tag_prefixes_;
  std::vector<std::u32string> site_suffixes_;
  std::vector<std::string> breadcrumb_separators_;
  kit::Regex timestamp_;
  kit::Regex meta_rest_;
  kit::Regex tag_line_;
  kit::Regex phone_or_id_;
  kit::Regex domain_;
  std::vector<kit::Regex> extra_patterns_;
  // Chrome that names the shared file (….docx_第1页, 《….docx》由会员分享):
  // group 1 is its title, kept in source.properties["shared_file_title"].
  std::vector<kit::Regex> shared_file_title_;
  PageMetaReader page_meta_;
  SeoIntroFinder seo_;
  kit::Trie chrome_phrases_;
  std::vector<RuleRegex> line_patterns_, inline_patterns_;
  std::vector<std::pair<std::string, std::string>> meta_fields_;  // label -> source property
  kit::Regex section_label_, bare_section_label_, piece_prefix_, piece_suffix_;
};

}  // namespace docpipe::clean
