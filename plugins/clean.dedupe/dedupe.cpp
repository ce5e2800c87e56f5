#include "dedupe.hpp"

#include <docpipe/kit/remove_blocks.hpp>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>
#include <set>

namespace docpipe::clean {
namespace {
namespace t = docpipe::text;

bool is_placeholder_char(char32_t c) { return c == U'*' || c == U'x' || c == U'×' || c == U'＊'; }

// Folded text without trailing sentence punctuation or ellipsis dots.
std::u32string norm(const std::string& s) {
  auto u = kit::fold_for_compare(s);  // lower-cases, so X -> x
  while (!u.empty() && (kit::is_sentence_end(u.back()) || u.back() == U'.' || u.back() == U'(' ||
                        u.back() == U'（' || u.back() == U',' || u.back() == U'，'))
    u.pop_back();
  return u;
}

// Glob match: a placeholder run in `p` matches 1..8 characters of `s`.
bool glob(std::u32string_view p, std::u32string_view s) {
  if (p.empty()) return s.empty();
  if (is_placeholder_char(p[0])) {
    std::size_t run = 0;
    while (run < p.size() && is_placeholder_char(p[run])) ++run;
    for (std::size_t k = 1; k <= 8 && k <= s.size(); ++k)
      if (glob(p.substr(run), s.substr(k))) return true;
    // The other text may carry the same placeholder literally.
    return s.substr(0, run) == p.substr(0, run) && glob(p.substr(run), s.substr(run));
  }
  return !s.empty() && p[0] == s[0] && glob(p.substr(1), s.substr(1));
}

}  // namespace

Deduplicator::Deduplicator(const PluginEnv&, const Params& params)
    : head_blocks_(static_cast<std::size_t>(params.get<int>("head_blocks"))),
      max_title_chars_(static_cast<std::size_t>(params.get<int>("max_title_chars"))),
      min_teaser_chars_(static_cast<std::size_t>(params.get<int>("min_teaser_chars"))),
      teaser_window_(static_cast<std::size_t>(params.get<int>("teaser_window"))),
      min_repeat_chars_(static_cast<std::size_t>(params.get<int>("min_repeat_chars"))),
      min_prefix_ratio_(params.get<double>("min_prefix_ratio")) {}

bool Deduplicator::has_placeholder(const std::string& s) {
  auto u = kit::fold_for_compare(s);
  for (std::size_t i = 0; i + 1 < u.size(); ++i)
    if (is_placeholder_char(u[i]) && is_placeholder_char(u[i + 1])) return true;
  return false;
}

bool Deduplicator::same_title(const std::string& a, const std::string& b) {
  auto x = norm(a), y = norm(b);
  if (x.empty() || y.empty()) return false;
  // A title is one phrase: text with inner commas or full stops is a sentence.
  for (const auto* s : {&x, &y})
    for (char32_t c : *s)
      if (c == U',' || c == U'，' || c == U'。' || c == U';' || c == U'；') return false;
  return x == y || glob(x, y) || glob(y, x);
}

bool Deduplicator::is_teaser_of(const std::string& teaser, const std::string& full) const {
  return is_prefix_copy(norm(teaser), norm(full));
}

bool Deduplicator::is_prefix_copy(const std::u32string& a, const std::u32string& b) const {
  if (a.size() < min_teaser_chars_ || a.size() >= b.size()) return false;
  std::size_t common = 0;
  while (common < a.size() && a[common] == b[common]) ++common;
  return static_cast<double>(common) >= min_prefix_ratio_ * static_cast<double>(a.size());
}

void Deduplicator::apply(Document& doc) {
  std::size_t removed = 0;
  // Repeated titles near the top. A page repeats its title a few times; the
  // removals are capped so a page of one line repeated 100,000 times costs
  // linear time here (the rest goes as repeated paragraphs below).
  std::size_t title_removals = 0;
  for (std::size_t i = 0;
       i < doc.blocks.size() && i < head_blocks_ && title_removals < head_blocks_; ++i) {
    for (std::size_t j = i + 1; j < doc.blocks.size() && j < head_blocks_; ++j) {
      const auto& a = doc.blocks[i].text;
      const auto& b = doc.blocks[j].text;
      if (t::length(a) > max_title_chars_ || t::length(b) > max_title_chars_ || !same_title(a, b))
        continue;
      // Keep the copy that is not redacted; otherwise keep the first.
      std::size_t drop = (has_placeholder(a) && !has_placeholder(b)) ? i : j;
      doc.remove_block(drop, "dedupe.title");
      ++removed;
      if (++title_removals >= head_blocks_) break;
      if (drop == i) {
        --i;  // re-examine the block that moved into position i
        break;
      }
      --j;
    }
  }
  // Teasers: a cut-off copy shortly before the full paragraph; then repeated
  // paragraphs anywhere. Blocks are marked and removed in one pass at the end.
  const std::size_t n = doc.blocks.size();
  std::vector<bool> gone(n, false);
  std::vector<std::string> rule(n);
  std::vector<std::u32string> keys;
  keys.reserve(n);
  for (const auto& b : doc.blocks) keys.push_back(norm(b.text));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n && j <= i + teaser_window_; ++j) {
      if (is_prefix_copy(keys[i], keys[j])) {
        gone[i] = true;
        rule[i] = "dedupe.teaser";
        ++removed;
        break;
      }
    }
  }
  std::set<std::u32string> seen;
  for (std::size_t i = 0; i < n; ++i) {
    if (gone[i]) continue;
    if (keys[i].size() >= min_repeat_chars_ && !seen.insert(keys[i]).second) {
      gone[i] = true;
      rule[i] = "dedupe.paragraph";
      ++removed;
    }
  }
  kit::remove_blocks(doc, gone, rule);
  if (removed) {
    doc.set_flag("duplicates_removed");
    doc.diagnose(Level::info,
                 "duplicates_removed: removed " + kit::plural(removed, "duplicate block"));
  }
}

}  // namespace docpipe::clean
