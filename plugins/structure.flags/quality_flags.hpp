// Quality flags a reader of the output needs to trust it: the document
// starts or ends mid-way (truncated_start, truncated_end), its encoding was
// guessed (encoding_guessed), and, for every flag an earlier stage set, a
// diagnostic that shows the evidence.
#pragma once

#include <docpipe/model.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace docpipe::structure {

struct FlagRules {
  // flag -> words the rule or stage of its edits contain
  std::map<std::string, std::vector<std::string>> evidence;
  static FlagRules from_file(const std::filesystem::path& json_file);
};

class QualityFlagger {
 public:
  explicit QualityFlagger(FlagRules rules) : rules_(std::move(rules)) {}
  void apply(Document& doc) const;

  // Why a text starts mid-way (三是…, （三）…, "，…"), or empty when it does not.
  static std::string truncated_start_reason(const Document& doc);
  // Why a text ends mid-way (no closing punctuation, a heading last), or empty.
  static std::string truncated_end_reason(const Document& doc);

 private:
  void add_evidence(Document& doc, const std::string& flag) const;
  FlagRules rules_;
};

}  // namespace docpipe::structure
