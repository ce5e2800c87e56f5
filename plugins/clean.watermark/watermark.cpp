#include "watermark.hpp"

#include <algorithm>
#include <docpipe/kit/data_files.hpp>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>
#include <map>

namespace docpipe::clean {
namespace {

// Latin words in a line: tokens of two or more ASCII letters (a trailing
// comma or full stop allowed); URLs and domains are no words.
std::size_t latin_words(std::string_view text) {
  std::size_t words = 0, k = 0;
  while (k < text.size()) {
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    std::size_t e = k;
    while (e < text.size() && text[e] != ' ' && text[e] != '\t') ++e;
    std::string_view tok = text.substr(k, e - k);
    while (!tok.empty() && (tok.back() == '.' || tok.back() == ',' || tok.back() == ';' ||
                            tok.back() == '!' || tok.back() == '?'))
      tok.remove_suffix(1);
    bool letters = tok.size() >= 2 && std::all_of(tok.begin(), tok.end(), [](char c) {
                     return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                   });
    if (letters) ++words;
    k = e;
  }
  return words;
}

namespace t = docpipe::text;

struct Hit {
  std::size_t begin, end;
  bool remove;
};

// Removes each [begin, end) of `cuts` (in order, not overlapping) and the
// spaces around it; keeps one space only when both neighbours are Latin
// letters or digits (words would run together). Built in one pass from the
// right: cutting the string once per URL made a line of thousands of URLs
// quadratic. What is right of the cut being made is kept reversed in `rev`,
// so its first character is rev.back().
std::string cut_all(const std::string& s,
                    const std::vector<std::pair<std::size_t, std::size_t>>& cuts) {
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  auto latin = [](char c) { return kit::is_ascii_alnum(static_cast<unsigned char>(c)); };
  std::string rev;
  std::size_t done = s.size();  // s[done, …) is already in rev
  for (auto it = cuts.rbegin(); it != cuts.rend(); ++it) {
    rev.append(s.rbegin() + static_cast<std::ptrdiff_t>(s.size() - done),
               s.rbegin() + static_cast<std::ptrdiff_t>(s.size() - it->second));
    while (!rev.empty() && space(rev.back())) rev.pop_back();
    std::size_t b = it->first;
    while (b > 0 && space(s[b - 1])) --b;
    if (b > 0 && !rev.empty() && latin(s[b - 1]) && latin(rev.back())) rev += ' ';
    done = b;
  }
  rev.append(s.rbegin() + static_cast<std::ptrdiff_t>(s.size() - done), s.rend());
  return std::string(rev.rbegin(), rev.rend());
}

}  // namespace

WatermarkCleaner::WatermarkCleaner(const PluginEnv& env, const Params& params)
    : url_(
          "(?<![A-Za-z0-9.@_/-])(?:https?://)?(?:www\\.)?(?:[A-Za-z0-9-]+\\.)+"
          "(?:com|cn|net|org|gov|edu|cc|top|info|xyz|vip|me|io|tv|co|biz|wang|site|club)(?:\\.cn)?"
          "(?![A-Za-z0-9-])(?::\\d+)?(?:/[A-Za-z0-9./?=&%#~_+-]*)?",
          true) {
  for (const auto& w : kit::read_list_file(kit::data_file(env, "context_words.txt")))
    context_words_.insert(w, 1);
  for (const auto& w : params.get<std::vector<std::string>>("context_words"))
    context_words_.insert(w, 1);
  for (const auto& d : params.get<std::vector<std::string>>("watermark_domains"))
    always_.push_back(domain_key(d));
  for (const auto& d : params.get<std::vector<std::string>>("keep_domains"))
    never_.push_back(domain_key(d));
  context_window_ = static_cast<std::size_t>(params.get<int>("context_window"));
}

std::string WatermarkCleaner::domain_key(std::string_view url) {
  std::string s;
  for (char c : url) s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const char* p : {"https://", "http://"})
    if (s.rfind(p, 0) == 0) s = s.substr(std::string(p).size());
  if (s.rfind("www.", 0) == 0) s = s.substr(4);
  auto slash = s.find_first_of("/:");
  return slash == std::string::npos ? s : s.substr(0, slash);
}

bool WatermarkCleaner::has_context(std::string_view text, std::size_t url_begin) const {
  // Only the window before the URL is decoded (at most 4 bytes a
  // character): decoding all the text before each URL made a line of
  // thousands of URLs quadratic.
  const std::size_t start = t::char_start_at_or_after(
      text, url_begin > 4 * context_window_ ? url_begin - 4 * context_window_ : 0);
  auto before = t::to_u32(text.substr(start, url_begin - start));
  std::size_t from = before.size() > context_window_ ? before.size() - context_window_ : 0;
  for (std::size_t i = from; i < before.size(); ++i)
    if (context_words_.longest_at(before, i).length) return true;
  return false;
}

void WatermarkCleaner::apply(Document& doc) {
  // Pass 1: how often each domain occurs; a farm stamps its domain repeatedly.
  std::map<std::string, int> count;
  std::vector<std::vector<kit::Match>> found(doc.blocks.size());
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    found[i] = url_.find_all(doc.blocks[i].text);
    for (const auto& m : found[i]) ++count[domain_key(m.group(doc.blocks[i].text, 0))];
  }
  auto listed = [](const std::vector<std::string>& list, const std::string& key) {
    return std::find(list.begin(), list.end(), key) != list.end();
  };

  std::size_t removed = 0;
  std::vector<bool> ends_with_mark(doc.blocks.size()), starts_with_mark(doc.blocks.size());
  std::vector<bool> drop(doc.blocks.size());
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const std::string text = doc.blocks[i].text;
    std::vector<Hit> hits;
    for (const auto& m : found[i]) {
      auto key = domain_key(m.group(text, 0));
      bool remove;
      if (listed(never_, key))
        remove = false;
      else if (listed(always_, key))
        remove = true;
      else
        remove = !has_context(text, m.begin());
      // An official site mentioned once without context is more likely content.
      if (remove && count[key] == 1 && !listed(always_, key) &&
          (key.find(".gov.") != std::string::npos || key.ends_with(".gov") ||
           key.find(".edu.") != std::string::npos))
        remove = false;
      hits.push_back({m.begin(), m.end(), remove});
    }
    if (hits.empty()) continue;
    // A line of Latin prose with a link in it (“Five with link to
    // http://…”) is not a Chinese page's stamp: it stays whole.
    if (kit::count_han(t::to_u32(text)) == 0 && latin_words(text) >= 2) {
      doc.diagnose(Level::info, "kept a URL in block " + std::to_string(i) + " (Latin prose)");
      continue;
    }
    std::vector<std::pair<std::size_t, std::size_t>> cuts;
    for (const auto& h : hits)
      if (h.remove) cuts.emplace_back(h.begin, h.end);
    std::string out = t::trim(cut_all(text, cuts));
    if (out == t::trim(text)) {
      doc.diagnose(Level::info,
                   "kept a URL in block " + std::to_string(i) + " (context says it is content)");
      continue;
    }
    removed += std::count_if(hits.begin(), hits.end(), [](const Hit& h) { return h.remove; });
    auto trimmed = t::trim(text);
    std::size_t lead = text.find(trimmed);
    ends_with_mark[i] = hits.back().remove && hits.back().end == lead + trimmed.size();
    starts_with_mark[i] = hits.front().remove && hits.front().begin == lead;
    if (out.empty() || kit::count_han(t::to_u32(out)) == 0) {
      drop[i] = true;
    } else {
      doc.set_block_text(i, out, "watermark.domain");
    }
  }
  // Pass 2: re-join a sentence split by a stamp ("以敬老院 www.x.com" /
  // "www.x.com、福利院…"), then drop lines that were only stamps.
  for (std::size_t i = doc.blocks.size(); i-- > 1;) {
    std::size_t prev = i - 1;
    if (drop[i] || drop[prev] || !ends_with_mark[prev]) continue;
    bool continues =
        starts_with_mark[i] || kit::is_continuing_punct(kit::first_char(doc.blocks[i].text));
    if (!continues || kit::is_sentence_end(kit::last_char(doc.blocks[prev].text))) continue;
    doc.set_block_text(prev, doc.blocks[prev].text + doc.blocks[i].text, "watermark.rejoin");
    doc.remove_block(i, "watermark.rejoin");
    drop.erase(drop.begin() + static_cast<std::ptrdiff_t>(i));
  }
  for (std::size_t i = doc.blocks.size(); i-- > 0;)
    if (drop[i]) doc.remove_block(i, "watermark.line");
  if (removed) {
    doc.set_flag("watermark_removed");
    doc.diagnose(Level::info,
                 "watermark_removed: removed " + kit::plural(removed, "watermark URL"));
  }
}

}  // namespace docpipe::clean
