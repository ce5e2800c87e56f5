#include "review_summary.hpp"

#include <algorithm>
#include <map>

#include "docpipe/text.hpp"
#include "html.hpp"

namespace docpipe::review {

using nlohmann::json;

long long removed_chars(const Edit& e) {
  return static_cast<long long>(text::length(e.before)) -
         static_cast<long long>(text::length(e.after));
}

json summarize(const Document& doc, const SummaryLimits& limits) {
  struct RuleTotals {
    long long edits = 0, removed = 0;
    std::vector<std::pair<long long, std::size_t>> largest;  // (removed, edit index)
  };
  std::map<std::pair<std::string, std::string>, RuleTotals> rules;
  for (std::size_t k = 0; k < doc.edits.size(); ++k) {
    const Edit& e = doc.edits[k];
    auto& t = rules[{e.stage, e.rule}];
    const long long removed = removed_chars(e);
    ++t.edits;
    t.removed += removed;
    t.largest.emplace_back(removed, k);
  }
  json rule_rows = json::array(), samples = json::array();
  for (auto& [key, t] : rules) {
    rule_rows.push_back({key.first, key.second, t.edits, std::max(0LL, t.removed)});
    // The largest removals first; among equals the earliest edit.
    std::stable_sort(t.largest.begin(), t.largest.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    const auto n = std::min<std::size_t>(
        t.largest.size(), static_cast<std::size_t>(std::max(0, limits.samples_per_rule)));
    for (std::size_t i = 0; i < n; ++i) {
      const Edit& e = doc.edits[t.largest[i].second];
      const auto chars = static_cast<std::size_t>(limits.sample_chars);
      samples.push_back(
          {key.first, key.second, t.largest[i].first, clip(e.before, chars), clip(e.after, chars)});
    }
  }
  const Metadata& m = doc.metadata;
  return json{{"file", doc.source.path},
              {"title", m.title.value_or("")},
              {"organization", m.organization.value_or("")},
              {"period", m.period.label},
              {"type", m.doc_type.value_or("")},
              {"flags", doc.flags},
              {"edits", doc.edits.size()},
              {"rules", std::move(rule_rows)},
              {"samples", std::move(samples)}};
}

}  // namespace docpipe::review
