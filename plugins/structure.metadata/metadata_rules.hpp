// Report metadata from the body: title, issuing organization, document type,
// reporting period and signature date; the signature becomes a block of kind
// `signature` and the title line moves out of the body.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/model.hpp>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "org_finder.hpp"
#include "period_parser.hpp"
#include "signature_finder.hpp"
#include "title_finder.hpp"

namespace docpipe::structure {

struct DocType {
  std::string type;
  std::vector<std::string> words;  // in a title: 工作总结, 总结
  std::vector<std::string> cues;   // in an untitled report's opening: 一年来
  // PCRE2 patterns of a whole title or opening sentence, tried before any
  // type's words: 团市委召开2023年度述职评议会 is news of a meeting, not a 述职报告.
  std::vector<std::string> title_patterns, opening_patterns;
  // A news report dates an event; a year in it is not a reporting period.
  bool has_period = true;
};

struct MetadataConfig {
  std::vector<DocType> doc_types;
  std::vector<std::string> org_patterns;  // PCRE2, priority order
  nlohmann::json org_names;               // org_names.json: cores of body names
  std::vector<std::string> org_cores;     // extra cores from the pipeline
  std::vector<std::string> site_suffixes;
  std::vector<std::string> title_suffixes;     // PCRE2 patterns of SEO additions to titles
  std::vector<std::string> glued_labels;       // PCRE2: labels between a glued title and text
  std::vector<std::string> dateline_patterns;  // PCRE2: ——2023年3月30日在…会议上
  int max_title_chars = 60;
  int title_scan_blocks = 8;
  int signature_max_chars = 40;

  // Reads doc_types.json, org_patterns.txt and site_suffixes.txt from dir.
  static MetadataConfig from_data_dir(const std::filesystem::path& dir);
};

class MetadataExtractor {
 public:
  explicit MetadataExtractor(MetadataConfig cfg);
  void apply(Document& doc) const;

  // The first organization named in text (patterns in priority order).
  std::optional<std::string> find_org(std::string_view text) const;
  // A short line that is essentially an organization name.
  bool is_org_line(std::string_view line) const;
  // The full name the text gives a short form (团区委 -> 共青团XX区委), if any.
  std::optional<std::string> full_form(const Document& doc, const std::string& org) const;
  // The longer name the text gives a body found in a short form (镇团委 -> XX镇团委).
  std::optional<std::string> named_form(const Document& doc, const std::string& org) const;
  // The date of a dateline under the title (——2023年3月30日在…会议上), if any.
  std::optional<std::string> dateline_date(const Document& doc) const;
  bool is_dateline(const std::string& line) const;
  // The document's type from its title's words, else its opening's cues;
  // the title and opening patterns of a type go first.
  const DocType* doc_type(std::string_view title, std::string_view opening) const;

 private:
  MetadataConfig cfg_;
  std::vector<kit::Regex> org_;
  std::vector<kit::Regex> datelines_;
  std::vector<std::vector<kit::Regex>> type_title_res_, type_opening_res_;  // by doc_types index
  OrgFinder orgs_;
  PeriodParser periods_;
  TitleFinder titles_;
  SignatureFinder signatures_;
};

// The first sentence of the first paragraph: where 一年来,团区委… names the
// organization and the period of an untitled report. Paragraphs for which
// `skip` is true (a dateline under the title) are passed over.
std::string opening_sentence(const Document& doc,
                             const std::function<bool(const std::string&)>& skip = {});

}  // namespace docpipe::structure
