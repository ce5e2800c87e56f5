#include "pcre_regex.hpp"

namespace docpipe::structure {

namespace {
RegexMatch from(const clean::Match& m) {
  RegexMatch out;
  out.groups.reserve(m.groups.size());
  for (const auto& g : m.groups)
    out.groups.emplace_back(g.matched() ? g.begin : RegexMatch::npos,
                            g.matched() ? g.end : RegexMatch::npos);
  return out;
}
}  // namespace

std::optional<RegexMatch> Regex::find(std::string_view subject, std::size_t start) const {
  clean::Match m;
  if (!re_.search(subject, m, start)) return std::nullopt;
  return from(m);
}

std::vector<RegexMatch> Regex::find_all(std::string_view subject) const {
  std::vector<RegexMatch> out;
  for (const auto& m : re_.find_all(subject)) out.push_back(from(m));
  return out;
}

}  // namespace docpipe::structure
