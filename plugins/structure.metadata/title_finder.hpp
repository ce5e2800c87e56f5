// Finds a report's title in its first lines (or in what the page or file
// said about itself) and moves it out of the body into metadata.title.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/model.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::structure {

// True when the text carries a redaction placeholder: **, XX/xx, ×, 某某.
bool is_redacted(std::string_view s);
// True when `real` is `redacted` with each placeholder filled in by 1..12
// characters: 共青团**区委2020年… matches 共青团西湖区委2020年….
bool matches_redacted(std::string_view redacted, std::string_view real);

struct TitleConfig {
  std::vector<std::string> doc_type_words;        // a title names its document type
  std::vector<std::string> title_patterns;        // …or has a type's shape (关于…的通报)
  std::vector<std::string> site_suffixes;         // endings of site names (网, 文库)
  std::vector<std::string> suffix_patterns;       // SEO additions to strip (title_suffixes.txt)
  std::vector<std::string> glued_label_patterns;  // glued_labels.txt
  int max_title_chars = 60;
  int scan_blocks = 8;  // how many leading blocks may hold the title
};

class TitleFinder {
 public:
  explicit TitleFinder(TitleConfig cfg);
  // Picks the title, removes its line(s) from the body recording edits, and
  // returns it; nullopt (and no change) when the report has no title.
  std::optional<std::string> extract(Document& doc) const;

  bool is_title_like(std::string_view s) const;
  // 共青团某区委工作总结_职场文秘网 -> 共青团某区委工作总结
  std::string strip_site_suffix(std::string title, const std::optional<std::string>& site) const;
  // 团委工作总结（通用7篇） -> 团委工作总结: the patterns of title_suffixes.txt.
  std::string strip_seo_additions(std::string title) const;
  // A document-share page shows the shared file's name (its title) in its
  // chrome and prints the text with that title glued to the first words:
  // "2023年XX镇政府工作报告各位代表：…". The title and the rest of the line,
  // collection labels between them dropped (…精选3篇…精选篇1近两年来).
  std::optional<std::pair<std::string, std::string>> split_file_title(const Document& doc,
                                                                      std::string_view line) const;

 private:
  TitleConfig cfg_;
  std::vector<kit::Regex> suffixes_;
  std::vector<kit::Regex> shapes_;        // title_patterns
  std::vector<kit::Regex> glued_labels_;  // 精选3篇, 篇1 where a file's title meets its text
};

}  // namespace docpipe::structure
