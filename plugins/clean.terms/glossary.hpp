// The office glossary: replacements of old names and wordings by the
// preferred ones, applied to every text block (and table cell) in one pass,
// each replaced term recorded as an edit of its own ("term: old → new").
#pragma once

#include <docpipe/model.hpp>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace docpipe::terms {

struct Term {
  std::string from, to;
};

class Glossary {
 public:
  // Adds "old => new" lines; '#' comments and blank lines are skipped.
  // Throws docpipe::ConfigError naming the file and line when one is wrong.
  void add_file(const std::filesystem::path& file);
  void add(std::string from, std::string to);
  std::size_t size() const { return terms_.size(); }

  // The text with every term replaced, leftmost-longest and in one pass (a
  // replacement is never replaced again), and the terms used, in order of
  // first use. An old name inside its own new name (团委 in 共青团委员会 when
  // 团委 => 共青团委员会) is left alone.
  std::string replace(const std::string& text, std::vector<std::size_t>* used = nullptr) const;

  // Applies to every block of the document, recording one edit per block
  // and term.
  void apply(Document& doc) const;

  const std::vector<Term>& terms() const { return terms_; }

 private:
  std::vector<Term> terms_;
  // Replacement spans of one text: (byte offset, term index).
  std::vector<std::pair<std::size_t, std::size_t>> matches(const std::string& text) const;
  std::string rebuild(const std::string& text,
                      const std::vector<std::pair<std::size_t, std::size_t>>& spans,
                      const std::vector<bool>& enabled) const;
};

}  // namespace docpipe::terms
