// Finds quantities in report text (57.2万人次, 300余名, 近百项, 28.3岁, 100%)
// and normalises them to a number and a unit, with the sentence they are in
// and the headings they sit under. Dates, years, ordinals (第五次, 四届四次),
// document numbers and names in quotes (“五个一”) are not figures.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/model.hpp>
#include <filesystem>
#include <string>
#include <vector>

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
  // A document yields at most `max_quantities` metrics: a hostile text of
  // millions of figures would otherwise cost gigabytes in the model and its
  // JSON (the rest is left unsearched, with a warning).
  explicit FigureFinder(FigureWords words, std::size_t max_quantities = kDefaultMaxQuantities);
  static constexpr std::size_t kDefaultMaxQuantities = 10000;
  // Metrics of one text, at most `limit`; `block` and `heading_path` are
  // copied into each.
  std::vector<Metric> find(const std::string& text, int block = -1,
                           const std::vector<std::string>& heading_path = {},
                           std::size_t limit = kDefaultMaxQuantities) const;
  // Replaces doc.metrics with the figures of every text block.
  void apply(Document& doc) const;

 private:
  FigureWords words_;
  std::size_t max_quantities_;
  kit::Regex re_;
  int pre_, num_, post1_, mag_, post2_, unit_;
};

}  // namespace docpipe::structure
