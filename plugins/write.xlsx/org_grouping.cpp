#include "org_grouping.hpp"

#include <docpipe/text.hpp>

namespace docpipe::xlsx {

namespace {

std::vector<std::pair<std::string, std::string>> pairs(const nlohmann::json& rules,
                                                       const char* key) {
  std::vector<std::pair<std::string, std::string>> out;
  if (auto it = rules.find(key); it != rules.end())
    for (const auto& p : *it)
      out.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::string>());
  return out;
}

// Full-width letters and digits as half-width, no spaces: ＸＸ镇团委 = XX镇团委.
std::string folded(const std::string& name) {
  std::string out;
  for (char32_t c : text::to_u32(name)) {
    if (text::is_space(c)) continue;
    if (c >= U'！' && c <= U'～') c = c - U'！' + U'!';
    text::append_utf8(out, c);
  }
  return out;
}

bool strip_suffix(std::string& s, const std::string& from, const std::string& to) {
  if (s.size() <= from.size() || !text::ends_with(s, from)) return false;
  s = s.substr(0, s.size() - from.size()) + to;
  return true;
}

}  // namespace

OrgForms::OrgForms(const nlohmann::json& rules)
    : league_prefixes_(rules.value("league_prefixes", std::vector<std::string>{})),
      league_suffixes_(pairs(rules, "league_suffixes")),
      long_forms_(pairs(rules, "long_forms")),
      level_prefix_(rules.value("league_level_prefix", std::string{})),
      levels_(rules.value("levels", std::vector<std::string>{})) {}

std::string OrgForms::key(const std::string& name) const {
  std::string s = folded(name);
  bool league = false;
  for (const auto& p : league_prefixes_)
    if (s.size() > p.size() && text::starts_with(s, p)) {
      s = s.substr(p.size());
      league = true;
      break;
    }
  if (!league && !level_prefix_.empty() && text::starts_with(s, level_prefix_))
    for (const auto& level : levels_)
      if (s.size() > level_prefix_.size() + level.size() && text::ends_with(s, level)) {
        s = s.substr(level_prefix_.size());
        league = true;
        break;
      }
  for (const auto& [from, to] : long_forms_)
    if (strip_suffix(s, from, to)) break;
  for (const auto& [from, to] : league_suffixes_)
    if (strip_suffix(s, from, to)) {
      league = true;
      break;
    }
  return league ? "团:" + s : s;
}

const std::string& OrgGroups::add(const std::string& name) {
  auto [it, added] = groups_.try_emplace(forms_.key(name));
  Group& g = it->second;
  if (g.counts[name]++ == 0) g.order.push_back(name);
  return it->first;
}

std::string OrgGroups::shown(const std::string& key) const {
  auto it = groups_.find(key);
  if (it == groups_.end()) return key;
  const Group& g = it->second;
  std::string best;
  int most = 0;
  for (const auto& form : g.order)
    if (g.counts.at(form) > most) {
      best = form;
      most = g.counts.at(form);
    }
  return best;
}

}  // namespace docpipe::xlsx
