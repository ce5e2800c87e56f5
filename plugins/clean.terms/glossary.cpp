#include "glossary.hpp"

#include <algorithm>
#include <docpipe/error.hpp>
#include <docpipe/text.hpp>
#include <fstream>

namespace docpipe::terms {

void Glossary::add(std::string from, std::string to) {
  from = text::trim(from);
  to = text::trim(to);
  if (from.empty() || from == to) return;
  for (auto& t : terms_)
    if (t.from == from) {
      t.to = std::move(to);  // a later definition wins (the office's over the shipped one)
      return;
    }
  terms_.push_back({std::move(from), std::move(to)});
}

void Glossary::add_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw ConfigError(file.string() + ": cannot open the glossary file");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::string t = text::trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto arrow = t.find("=>");
    if (arrow == std::string::npos || text::trim(t.substr(0, arrow)).empty())
      throw ConfigError(file.string() + ":" + std::to_string(n) + ": expected 'old => new', got '" +
                        t + "'");
    add(t.substr(0, arrow), t.substr(arrow + 2));
  }
}

std::vector<std::pair<std::size_t, std::size_t>> Glossary::matches(const std::string& s) const {
  // Where a new name already stands, its old name is not replaced again.
  std::vector<std::pair<std::size_t, std::size_t>> protected_ranges;
  for (const auto& t : terms_)
    if (t.to.find(t.from) != std::string::npos)
      for (std::size_t p = 0; (p = s.find(t.to, p)) != std::string::npos; p += t.to.size())
        protected_ranges.emplace_back(p, p + t.to.size());
  auto is_protected = [&](std::size_t b, std::size_t e) {
    return std::any_of(protected_ranges.begin(), protected_ranges.end(),
                       [&](const auto& r) { return b >= r.first && e <= r.second; });
  };
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t best = terms_.size();
    for (std::size_t k = 0; k < terms_.size(); ++k) {
      const auto& f = terms_[k].from;
      if (s.compare(pos, f.size(), f) == 0 &&
          (best == terms_.size() || f.size() > terms_[best].from.size()) &&
          !is_protected(pos, pos + f.size()))
        best = k;
    }
    if (best < terms_.size()) {
      out.emplace_back(pos, best);
      pos += terms_[best].from.size();
    } else {
      // the next character (UTF-8 lead byte to lead byte)
      ++pos;
      while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
  return out;
}

std::string Glossary::rebuild(const std::string& s,
                              const std::vector<std::pair<std::size_t, std::size_t>>& spans,
                              const std::vector<bool>& enabled) const {
  std::string out;
  std::size_t at = 0;
  for (const auto& [pos, k] : spans) {
    if (!enabled[k]) continue;
    out.append(s, at, pos - at);
    out += terms_[k].to;
    at = pos + terms_[k].from.size();
  }
  out.append(s, at, std::string::npos);
  return out;
}

std::string Glossary::replace(const std::string& s, std::vector<std::size_t>* used) const {
  auto spans = matches(s);
  std::vector<bool> all(terms_.size(), true);
  if (used) {
    used->clear();
    for (const auto& [pos, k] : spans)
      if (std::find(used->begin(), used->end(), k) == used->end()) used->push_back(k);
  }
  return rebuild(s, spans, all);
}

void Glossary::apply(Document& doc) const {
  if (terms_.empty()) return;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    auto& b = doc.blocks[i];
    // Table cells take the glossary too; the block's text follows its cells.
    for (auto& row : b.rows)
      for (auto& cell : row) cell = replace(cell);
    const std::string original = b.text;
    auto spans = matches(original);
    if (spans.empty()) continue;
    // One edit per term, in the order the terms first appear, so each
    // replacement is listed (and counted) under its own rule.
    std::vector<std::size_t> order;
    for (const auto& [pos, k] : spans)
      if (std::find(order.begin(), order.end(), k) == order.end()) order.push_back(k);
    std::vector<bool> enabled(terms_.size(), false);
    for (auto k : order) {
      enabled[k] = true;
      doc.set_block_text(i, rebuild(original, spans, enabled),
                         "term: " + terms_[k].from + " → " + terms_[k].to);
    }
  }
}

}  // namespace docpipe::terms
