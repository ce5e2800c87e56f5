#include "despin.hpp"

#include <algorithm>
#include <cstdio>
#include <docpipe/kit/data_files.hpp>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>
#include <set>

namespace docpipe::clean {
namespace t = docpipe::text;

Despinner::Despinner(const PluginEnv& env, const Params& params)
    : min_distinct_(static_cast<std::size_t>(params.get<int>("min_distinct_markers"))),
      min_per_1000_(params.get<double>("min_markers_per_1000")),
      force_(params.get<bool>("force")),
      context_(params.get<bool>("context")) {
  std::unordered_map<std::u32string, std::size_t> original_ids;
  auto add_pair = [&](const std::string& spun, const std::string& original) {
    spun_.push_back(t::to_u32(spun));
    originals_.push_back(t::to_u32(original));
    pairs_.insert(spun_.back(), static_cast<int>(originals_.size()) - 1);
    auto [it, added] = original_ids.emplace(originals_.back(), pairs_of_original_.size());
    if (added) {
      pairs_of_original_.emplace_back();
      originals_trie_.insert(originals_.back(), static_cast<int>(it->second));
    }
    pairs_of_original_[it->second].push_back(originals_.size() - 1);
  };
  for (const auto& [spun, original] : kit::read_pairs_file(kit::data_file(env, "spin_pairs.tsv")))
    add_pair(spun, original);
  for (const auto& [spun, original] : params.get<std::map<std::string, std::string>>("extra_pairs"))
    add_pair(spun, original);
  for (const auto& g : kit::read_list_file(kit::data_file(env, "spin_guards.txt")))
    guards_.insert(g, 1);
  for (const auto& g : params.get<std::vector<std::string>>("extra_guards")) guards_.insert(g, 1);
  if (context_)
    for (const auto& [word, freq] : kit::read_pairs_file(kit::data_file(env, "spin_evidence.tsv")))
      evidence_.emplace(t::to_u32(word), std::stoi(freq));
  int id = 0;
  for (const auto& m : kit::read_list_file(kit::data_file(env, "spin_markers.txt")))
    markers_.insert(m, id++);
  for (const auto& m : params.get<std::vector<std::string>>("extra_markers"))
    markers_.insert(m, id++);
}

Despinner::Detection Despinner::detect(const std::string& text) const {
  Detection d;
  auto u = t::to_u32(text);
  d.han = kit::count_han(u);
  std::set<int> seen;
  for (std::size_t i = 0; i < u.size();) {
    auto guard = guards_.longest_at(u, i);
    if (guard.length) {
      i += guard.length;
      continue;
    }
    auto hit = markers_.longest_at(u, i);
    if (hit.length) {
      ++d.hits;
      seen.insert(hit.value);
      i += hit.length;
    } else {
      ++i;
    }
  }
  d.distinct = seen.size();
  return d;
}

bool Despinner::is_spun(const Detection& d) const {
  return d.distinct >= min_distinct_ && d.per_1000() >= min_per_1000_;
}

bool Despinner::kept_by_context(const std::u32string& u, std::size_t at, std::size_t len,
                                const std::u32string& original) const {
  int spun = context_support(u, at, len);
  if (spun == 0) return false;
  // The same neighbourhood with the original in place.
  std::size_t from = at > 4 ? at - 4 : 0;
  std::u32string v = u.substr(from, at - from) + original + u.substr(at + len, 4);
  return spun > context_support(v, at - from, original.size());
}

int Despinner::context_support(const std::u32string& u, std::size_t at, std::size_t len) const {
  constexpr std::size_t kReach = 4;  // evidence words are at most 6 characters
  int best = 0;
  std::size_t from = at > kReach ? at - kReach : 0;
  for (std::size_t b = from; b <= at; ++b)
    for (std::size_t e = at + len; e <= std::min(u.size(), at + len + kReach); ++e) {
      if (e - b <= len || e - b > 6) continue;
      auto it = evidence_.find(u.substr(b, e - b));
      if (it != evidence_.end()) best = std::max(best, it->second);
    }
  return best;
}

std::vector<bool> Despinner::intact_pairs(const std::string& text) const {
  std::vector<bool> intact(originals_.size(), false);
  if (!context_ || evidence_.empty()) return intact;
  auto u = t::to_u32(text);
  for (std::size_t i = 0; i < u.size();) {
    auto guard = guards_.longest_at(u, i);
    auto pair = pairs_.longest_at(u, i);
    std::size_t skip = std::max(guard.length, pair.length);
    if (skip) {  // a spun form (or a guarded word) is not the original in use
      i += skip;
      continue;
    }
    auto orig = originals_trie_.longest_at(u, i);
    if (orig.length) {
      for (std::size_t p : pairs_of_original_[static_cast<std::size_t>(orig.value)]) {
        auto it = evidence_.find(spun_[p]);
        if (it != evidence_.end() && it->second >= kCommonWord) intact[p] = true;
      }
      i += orig.length;
    } else {
      ++i;
    }
  }
  return intact;
}

std::string Despinner::restore(const std::string& text,
                               std::vector<std::pair<std::string, std::string>>& changes,
                               const std::vector<bool>& intact) const {
  auto u = t::to_u32(text);
  std::u32string out;
  out.reserve(u.size());
  // (input position, input length, output position, output length) per substitution
  struct Sub {
    std::size_t in, in_len, out, out_len;
  };
  std::vector<Sub> subs;
  for (std::size_t i = 0; i < u.size();) {
    auto guard = guards_.longest_at(u, i);
    auto pair = pairs_.longest_at(u, i);
    if (guard.length && guard.length >= pair.length) {
      out.append(u, i, guard.length);
      i += guard.length;
    } else if (pair.length &&
               ((!intact.empty() && intact[static_cast<std::size_t>(pair.value)]) ||
                (context_ && !evidence_.empty() &&
                 kept_by_context(u, i, pair.length,
                                 originals_[static_cast<std::size_t>(pair.value)])))) {
      out.append(u, i, pair.length);
      i += pair.length;
    } else if (pair.length) {
      const auto& original = originals_[static_cast<std::size_t>(pair.value)];
      subs.push_back({i, pair.length, out.size(), original.size()});
      out += original;
      i += pair.length;
    } else {
      out.push_back(u[i++]);
    }
  }
  // Each change is shown with a little context so a reviewer can judge it:
  // "健全完美团的" -> "健全完善团的".
  constexpr std::size_t kContext = 2;
  for (const auto& sub : subs) {
    std::size_t in_from = sub.in >= kContext ? sub.in - kContext : 0;
    std::size_t out_from = sub.out >= kContext ? sub.out - kContext : 0;
    std::size_t in_to = std::min(u.size(), sub.in + sub.in_len + kContext);
    std::size_t out_to = std::min(out.size(), sub.out + sub.out_len + kContext);
    changes.emplace_back(t::to_utf8(std::u32string_view(u).substr(in_from, in_to - in_from)),
                         t::to_utf8(std::u32string_view(out).substr(out_from, out_to - out_from)));
  }
  return t::to_utf8(out);
}

void Despinner::apply(Document& doc) {
  auto d = detect(doc.body_text());
  char summary[160];
  std::snprintf(summary, sizeof summary,
                "%zu spin markers (%zu distinct) in %zu Han characters, %.1f per 1000", d.hits,
                d.distinct, d.han, d.per_1000());
  if (!force_ && !is_spun(d)) {
    if (d.hits) doc.diagnose(Level::info, std::string("not treated as spun: ") + summary);
    return;
  }
  std::size_t restored = 0;
  const auto intact = intact_pairs(doc.body_text());
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    std::vector<std::pair<std::string, std::string>> changes;
    for (auto& row : doc.blocks[i].rows)
      for (auto& cell : row) cell = restore(cell, changes, intact);  // table cells are text too
    std::string out = restore(doc.blocks[i].text, changes, intact);
    if (changes.empty()) continue;
    // One edit per substitution, so `docpipe explain` shows each pair.
    for (auto& [spun, original] : changes)
      doc.record_edit("spin.pair", static_cast<int>(i), spun, original);
    doc.blocks[i].text = std::move(out);
    restored += changes.size();
  }
  doc.set_flag("spun_restored");
  doc.diagnose(Level::warning, std::string("spun_restored: spun document, ") + summary +
                                   "; restored " + kit::plural(restored, "substitution") +
                                   " (dictionary guesses, review them)");
}

}  // namespace docpipe::clean
