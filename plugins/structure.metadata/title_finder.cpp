#include "title_finder.hpp"

#include <algorithm>
#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/text.hpp>
#include <optional>

namespace docpipe::structure {

namespace {

// Whether two title lines are copies of one title: at least half of the
// shorter one's characters (as a multiset) are in the other.
bool is_variant(std::string_view a, std::string_view b) {
  auto ua = text::to_u32(a), ub = text::to_u32(b);
  if (ua.size() > ub.size()) std::swap(ua, ub);
  std::size_t shared = 0;
  for (char32_t c : ua)
    if (auto at = ub.find(c); at != std::u32string::npos) {
      ub[at] = 0;
      ++shared;
    }
  return 2 * shared >= ua.size();
}

constexpr const char* kMovedRule = "title.to_metadata";
constexpr const char* kDuplicateRule = "title.duplicate_line";
constexpr std::size_t kMaxFill = 12;  // characters a placeholder may stand for

bool is_placeholder_char(char32_t c) {
  return c == U'*' || c == U'＊' || c == U'X' || c == U'x' || c == U'×' || c == U'某';
}

// Splits at placeholder runs: "共青团**区委2020" -> {"共青团", "区委2020"}.
// A single X/x inside Latin text is not a placeholder, two are.
std::vector<std::u32string> literal_pieces(const std::u32string& s) {
  std::vector<std::u32string> pieces(1);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && is_placeholder_char(s[j])) ++j;
    bool run = j - i >= 2 || (j - i == 1 && (s[i] == U'×' || s[i] == U'某'));
    if (run) {
      pieces.emplace_back();
      i = j;
    } else {
      pieces.back() += s[i];
      ++i;
    }
  }
  return pieces;
}

bool has_han(std::string_view s) {
  for (char32_t c : text::to_u32(s))
    if (text::is_han(c)) return true;
  return false;
}

bool ends_like_sentence(std::string_view s) {
  auto u = text::to_u32(s);
  if (u.empty()) return false;
  char32_t c = u.back();
  return c == U'。' || c == U'；' || c == U';' || c == U'，' || c == U',' || c == U'：' ||
         c == U':' || c == U'！' || c == U'？';
}

// A paragraph the reader saw set apart as a title: a Title style, or
// centred, large or bold before the body (read.docx's locator marks).
bool is_prominent(const Block& b) {
  const auto& loc = b.origin.locator;
  return loc.find(" (prominent)") != std::string::npos || loc.find(" (Title)") != std::string::npos;
}

// Three or more phrases strung together by _ | or commas.
bool is_keyword_string(std::string_view s) {
  int parts = 1;
  for (char32_t c : text::to_u32(s))
    if (c == U'_' || c == U'|' || c == U'｜' || c == U',' || c == U'，') ++parts;
  return parts >= 3;
}

struct Candidate {
  std::size_t block;
  std::string text;
  std::string rest;  // body text glued after the title on the same line, if any
};

}  // namespace

bool is_redacted(std::string_view s) { return literal_pieces(text::to_u32(s)).size() > 1; }

bool matches_redacted(std::string_view redacted, std::string_view real) {
  auto pieces = literal_pieces(text::to_u32(redacted));
  std::u32string r = text::to_u32(real);
  if (pieces.size() < 2 || is_redacted(real)) return false;
  if (r.compare(0, pieces.front().size(), pieces.front()) != 0) return false;
  std::size_t pos = pieces.front().size();
  for (std::size_t k = 1; k < pieces.size(); ++k) {
    const auto& p = pieces[k];
    bool last = k + 1 == pieces.size();
    std::size_t at = last ? (r.size() >= p.size() ? r.size() - p.size() : std::u32string::npos)
                          : r.find(p, pos + 1);
    if (at == std::u32string::npos || at < pos + 1 || at - pos > kMaxFill) return false;
    if (last && r.compare(at, p.size(), p) != 0) return false;
    pos = at + p.size();
  }
  return pos == r.size();
}

bool TitleFinder::is_title_like(std::string_view s) const {
  auto n = text::length(s);
  if (n < 4 || n > static_cast<std::size_t>(cfg_.max_title_chars)) return false;
  if (ends_like_sentence(s) || kit::match_heading_marker(s)) return false;
  return std::any_of(cfg_.doc_type_words.begin(), cfg_.doc_type_words.end(),
                     [&](const std::string& w) { return s.find(w) != std::string_view::npos; }) ||
         std::any_of(shapes_.begin(), shapes_.end(),
                     [&](const kit::Regex& re) { return re.find(s).has_value(); });
}

std::string TitleFinder::strip_site_suffix(std::string title,
                                           const std::optional<std::string>& site) const {
  static const std::vector<std::string> separators = {"_", "|", "｜", " - ", "－", " — "};
  for (;;) {
    std::size_t cut = std::string::npos, sep_len = 0;
    for (const auto& sep : separators) {
      auto at = title.rfind(sep);
      if (at != std::string::npos && (cut == std::string::npos || at > cut)) {
        cut = at;
        sep_len = sep.size();
      }
    }
    if (cut == std::string::npos || cut == 0) return text::trim(title);
    std::string tail = text::trim(std::string_view(title).substr(cut + sep_len));
    bool is_site = (site && tail == *site) ||
                   std::any_of(cfg_.site_suffixes.begin(), cfg_.site_suffixes.end(),
                               [&](const std::string& w) { return text::ends_with(tail, w); });
    if (!is_site) return text::trim(title);
    title = text::trim(std::string_view(title).substr(0, cut));
  }
}

TitleFinder::TitleFinder(TitleConfig cfg) : cfg_(std::move(cfg)) {
  for (const auto& p : cfg_.suffix_patterns) suffixes_.emplace_back(p);
  for (const auto& p : cfg_.glued_label_patterns) glued_labels_.emplace_back(p);
  for (const auto& p : cfg_.title_patterns) shapes_.emplace_back(p);
}

std::string TitleFinder::strip_seo_additions(std::string title) const {
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& re : suffixes_) {
      auto m = re.find(title);
      if (!m || m->end() == m->begin()) continue;
      std::string next = title.substr(0, m->begin()) + title.substr(m->end());
      next = text::trim(next);
      if (next.empty() || next == title) continue;
      title = std::move(next);
      changed = true;
    }
  }
  return title;
}

std::optional<std::pair<std::string, std::string>> TitleFinder::split_file_title(
    const Document& doc, std::string_view line) const {
  auto it = doc.source.properties.find("shared_file_title");
  if (it == doc.source.properties.end()) return std::nullopt;
  const std::string stem = strip_seo_additions(text::trim(it->second));
  if (!is_title_like(stem) || !text::starts_with(line, stem)) return std::nullopt;
  std::string_view rest = line.substr(stem.size());
  // 街道…总结精选3篇 街道…总结精选篇1 近两年来: labels and the title's copy go.
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (const auto& re : glued_labels_)
      if (auto m = re.find(rest); m && m->end() > 0) {
        rest = rest.substr(m->end());
        dropped = true;
      }
    if (text::starts_with(rest, stem)) {
      rest = rest.substr(stem.size());
      dropped = true;
    }
  }
  std::string body = text::trim(rest);
  if (text::length(body) <= text::length(stem)) return std::nullopt;
  return std::make_pair(stem, body);
}

std::optional<std::string> TitleFinder::extract(Document& doc) const {
  // 1. Candidates in the leading blocks, up to the first body line. A farm
  // page repeats the title with SEO additions (…（通用7篇）, …范文) before the
  // report's own; every such line is a candidate, in its stripped form.
  // Lines without any Han character (a crawl timestamp, a URL) are skipped.
  std::vector<Candidate> cands;
  std::vector<std::size_t> extra_blocks;  // second lines of titles split in two
  std::optional<std::size_t> prominent;   // the first line set apart as a title
  const std::size_t n = doc.blocks.size();
  for (std::size_t i = 0; i < n && i < static_cast<std::size_t>(cfg_.scan_blocks); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::table || b.kind == BlockKind::signature) break;
    if (b.kind == BlockKind::heading && !b.marker.empty()) break;
    // A section heading after the title (整体情况总结) is no second title.
    if (b.kind == BlockKind::heading && !cands.empty()) break;
    if (!has_han(b.text)) continue;
    std::string stripped = strip_seo_additions(text::trim(b.text));
    if (is_title_like(stripped)) {
      cands.push_back({i, stripped, ""});
      continue;
    }
    // A Word cover page: the school or body above the title and the title
    // itself stand out (centred, large, bold; read.docx marks them); the
    // report's title is the one naming a document type, else the first.
    if (is_prominent(b)) {
      if (!prominent) prominent = i;
      continue;
    }
    // A title broken over two lines: "***镇团委20xx年上半年" / "工作总结".
    if (i + 1 < n && !ends_like_sentence(b.text) && !kit::match_heading_marker(b.text) &&
        text::length(doc.blocks[i + 1].text) <= 8 &&
        !kit::match_heading_marker(doc.blocks[i + 1].text)) {
      std::string joined = strip_seo_additions(stripped + text::trim(doc.blocks[i + 1].text));
      if (is_title_like(joined)) {
        cands.push_back({i, joined, ""});
        extra_blocks.push_back(i + 1);
        ++i;
        continue;
      }
    }
    // A title glued to the first paragraph: "…工作总结 2020年以来,…".
    auto sp = b.text.find(' ');
    if (sp != std::string::npos) {
      std::string head = strip_seo_additions(text::trim(std::string_view(b.text).substr(0, sp)));
      std::string rest = text::trim(std::string_view(b.text).substr(sp));
      if (is_title_like(head) && text::length(rest) > text::length(head))
        cands.push_back({i, head, rest});
    }
    if (cands.empty() || cands.back().block != i)
      if (auto glued = split_file_title(doc, b.text))
        cands.push_back({i, glued->first, glued->second});
    break;
  }

  if (cands.empty() && prominent) {
    const Block& b = doc.blocks[*prominent];
    if (!ends_like_sentence(b.text) && !kit::match_heading_marker(b.text))
      cands.push_back({*prominent, text::trim(b.text), ""});
  }

  // A news headline names no document type: the first line, short, not
  // ending like a sentence, with body text right after it (or its copy).
  if (cands.empty() && n >= 2) {
    std::size_t first = 0;
    while (first < n && !has_han(doc.blocks[first].text)) ++first;
    if (first + 1 < n) {
      const Block& b = doc.blocks[first];
      std::string t = strip_seo_additions(text::trim(b.text));
      auto len = text::length(t);
      bool unnumbered = b.marker.empty() && !kit::match_heading_marker(t);
      bool body_next = text::length(doc.blocks[first + 1].text) > 40 ||
                       text::trim(doc.blocks[first + 1].text) == text::trim(b.text);
      if (len >= 6 && len <= 40 && unnumbered && !ends_like_sentence(t) && body_next &&
          (b.kind == BlockKind::paragraph || b.kind == BlockKind::heading))
        cands.push_back({first, t, ""});
    }
  }

  // 2. What the page or file says about itself, without site suffixes.
  std::vector<std::string> page;
  // A <title> that is a string of search keywords (今日股市行情_明日大盘_…)
  // names no document; the headline or og:title does.
  for (const char* key : {"html_h1", "og_title", "html_title", "docx_title", "title"}) {
    auto it = doc.source.properties.find(key);
    if (it == doc.source.properties.end()) continue;
    std::string t =
        strip_seo_additions(strip_site_suffix(text::trim(it->second), doc.metadata.page.site));
    if (!t.empty() && !is_keyword_string(t)) page.push_back(t);
  }

  // 3. Choose: the report's own title is the candidate nearest its body (the
  // page's copies come first); a real name beats a redacted one. A line that
  // shares little with the first candidate is no copy of the title but the
  // report's first section heading (整体情况总结 under 2018年团校工作总结).
  while (cands.size() > 1 && !is_variant(cands.front().text, cands.back().text)) cands.pop_back();
  std::optional<std::string> title;
  for (auto it = cands.rbegin(); it != cands.rend(); ++it)
    if (!is_redacted(it->text)) {
      title = it->text;
      break;
    }
  if (!cands.empty() && (!title || is_redacted(cands.back().text))) {
    // The nearest line is redacted (××镇妇联年度工作总结): it is still the
    // report's title unless an earlier line spells the same name out.
    const std::string& nearest = cands.back().text;
    title = nearest;
    for (const auto& c : cands)
      if (matches_redacted(nearest, c.text)) title = c.text;
    for (const auto& p : page)
      if (matches_redacted(*title, p)) {
        title = p;
        break;
      }
  }
  if (!title && !page.empty()) title = page.front();
  if (!title) return std::nullopt;

  // 4. Move the chosen line out of the body; the page's copies of the title
  // before it go too. Back to front so indices stay valid.
  std::size_t chosen = cands.size();
  for (std::size_t k = cands.size(); k-- > 0;)
    if (cands[k].text == *title || matches_redacted(cands[k].text, *title) ||
        matches_redacted(*title, cands[k].text)) {
      chosen = k;
      break;
    }
  std::vector<std::pair<std::size_t, const char*>> removals;
  for (std::size_t k = 0; k < cands.size(); ++k) {
    const char* rule = k == chosen ? kMovedRule : kDuplicateRule;
    if (!cands[k].rest.empty()) {
      doc.set_block_text(cands[k].block, cands[k].rest, rule);
      continue;
    }
    removals.emplace_back(cands[k].block, rule);
  }
  for (auto b : extra_blocks) removals.emplace_back(b, kMovedRule);
  std::sort(removals.begin(), removals.end());
  for (auto it = removals.rbegin(); it != removals.rend(); ++it)
    doc.remove_block(it->first, it->second);
  return title;
}

}  // namespace docpipe::structure
