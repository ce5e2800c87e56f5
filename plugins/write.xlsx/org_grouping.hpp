// Organizations on the Summary sheet are grouped by the body they name, not
// by how each report writes it: 共青团西湖区委, 共青团西湖区委员会, 西湖区团委 and
// 团西湖区委 are one body. The rules are data (org_forms.json): prefixes that
// mark the Communist Youth League (共青团, a leading 团 before a level), and
// endings written in long or short form (委员会 / 委, 妇女联合会 / 妇联). A name
// without a league mark never joins a league body (西湖区委 is the Party's).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace docpipe::xlsx {

class OrgForms {
 public:
  OrgForms() = default;
  explicit OrgForms(const nlohmann::json& rules);
  // The key all forms of one body share.
  std::string key(const std::string& name) const;

 private:
  std::vector<std::string> league_prefixes_;                          // 共青团
  std::vector<std::pair<std::string, std::string>> league_suffixes_;  // 团委 -> 委
  std::vector<std::pair<std::string, std::string>> long_forms_;       // 委员会 -> 委
  // 团西湖区委: a leading 团 before a name ending in a level (区委, 县委 …).
  std::string level_prefix_;
  std::vector<std::string> levels_;
};

// Counts the written forms of each group; the Summary shows the commonest
// (the first seen on a tie).
class OrgGroups {
 public:
  explicit OrgGroups(const OrgForms& forms) : forms_(forms) {}
  // The group's key for this name, the name's count in it raised by one.
  const std::string& add(const std::string& name);
  // The name the group shows.
  std::string shown(const std::string& key) const;

 private:
  struct Group {
    std::map<std::string, int> counts;
    std::vector<std::string> order;  // forms as first seen
  };
  const OrgForms& forms_;
  std::map<std::string, Group> groups_;
};

}  // namespace docpipe::xlsx
