// Finds quantities in report text (57.2万人次, 300余名, 近百项, 28.3岁, 100%)
// and normalises them to a number and a unit, with the sentence they are in
// and the headings they sit under. Dates, years, ordinals (第五次, 四届四次),
// document numbers and names in quotes (“五个一”) are not figures.
#pragma once

#include <docpipe/model.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "pcre_regex.hpp"

namespace docpipe::structure {

struct FigureWords {
  std::vector<std::string> units;
  std::vector<std::string> qualifiers_before;
  std::vector<std::string> qualifiers_after;
  std::vector<std::string> ordinal_before;
  // Set phrases whose number is part of a name (八项规定), not a quantity.
  std::vector<std::string> fixed_terms;
  static FigureWords from_file(const std::filesystem::path& json_file);
};

class FigureFinder {
 public:
  explicit FigureFinder(FigureWords words);
  // Metrics of one text; `block` and `heading_path` are copied into each.
  std::vector<Metric> find(const std::string& text, int block = -1,
                           const std::vector<std::string>& heading_path = {}) const;
  // Replaces doc.metrics with the figures of every text block.
  void apply(Document& doc) const;

 private:
  FigureWords words_;
  Regex re_;
  int pre_, num_, post1_, mag_, post2_, unit_;
};

}  // namespace docpipe::structure
