// Word list numbering (word/numbering.xml) rendered to the text a reader of
// the printed page sees: "%1、" with chineseCounting -> "一、", "(%1)",
// "%1.%2" ... with counters, restarts and start overrides.
#pragma once

#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace docpipe::readers {

// One number in a given w:numFmt: format_number(12, "chineseCounting") = "十二".
std::string format_number(int n, const std::string& num_fmt);

struct ListLabel {
  std::string text;     // "一、", "(1)", "2.3", "" for none
  std::string suffix;   // what follows the label: "\t", " " or ""
  bool bullet = false;  // a bullet, not a number
};

class DocxNumbering {
 public:
  void load(const pugi::xml_document& numbering_xml);
  // Advances the counters for a paragraph with this numId/ilvl and returns
  // its label. Unknown ids give an empty label.
  ListLabel next(const std::string& num_id, int ilvl);

 private:
  struct Level {
    int start = 1;
    std::string fmt = "decimal";
    std::string text;    // w:lvlText, e.g. "%1、"
    int restart = -1;    // w:lvlRestart: reset after this (1-based) level; 0 = never
    bool legal = false;  // w:isLgl: all numbers decimal
    std::string suffix = "tab";
  };
  struct Abstract {
    std::map<int, Level> levels;
  };
  struct Num {
    std::string abstract_id;
    std::map<int, int> start_override;
    std::map<int, Level> level_override;
  };
  const Level* level(const Num& num, int ilvl) const;

  std::map<std::string, Abstract> abstracts_;
  std::map<std::string, Num> nums_;
  // Counters per list instance: nums with start overrides count on their own,
  // the others share their abstract definition's counters (as Word does).
  std::map<std::string, std::vector<int>> counters_;
  std::map<std::string, bool> override_applied_;
};

}  // namespace docpipe::readers
