// Report metadata from the body: title, issuing organization, document type,
// reporting period and signature date; the signature becomes a block of kind
// `signature` and the title line moves out of the body.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/model.hpp>
#include <filesystem>
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
};

struct MetadataConfig {
  std::vector<DocType> doc_types;
  std::vector<std::string> org_patterns;  // PCRE2, priority order
  nlohmann::json org_names;               // org_names.json: cores of body names
  std::vector<std::string> org_cores;     // extra cores from the pipeline
  std::vector<std::string> site_suffixes;
  std::vector<std::string> title_suffixes;  // PCRE2 patterns of SEO additions to titles
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
  std::optional<std::string> doc_type_in_title(std::string_view title) const;
  std::optional<std::string> doc_type_from_cues(std::string_view opening) const;

 private:
  MetadataConfig cfg_;
  std::vector<kit::Regex> org_;
  OrgFinder orgs_;
  PeriodParser periods_;
  TitleFinder titles_;
  SignatureFinder signatures_;
};

// The first sentence of the first paragraph: where 一年来,团区委… names the
// organization and the period of an untitled report.
std::string opening_sentence(const Document& doc);

}  // namespace docpipe::structure
