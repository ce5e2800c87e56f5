// The rule classes of clean.boilerplate that look inside lines: page-metadata
// lines, span rules that apply anywhere (page footers, source notices,
// anti-scrape junk), section and piece labels, SEO intros. boilerplate.cpp
// judges whole lines by zone and calls these.
#include <algorithm>
#include <docpipe/kit/data_files.hpp>
#include <docpipe/kit/remove_blocks.hpp>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>

#include "boilerplate.hpp"

namespace docpipe::clean {
namespace {

namespace t = docpipe::text;

// Chinese or Arabic piece number: 一 -> 1, 十二 -> 12, 3 -> 3; 0 when none.
int piece_number(std::string_view s) {
  static const std::u32string digits = U"零一二三四五六七八九";
  auto u = t::to_u32(s);
  if (u.empty()) return 0;
  if (std::all_of(u.begin(), u.end(), [](char32_t c) { return c >= '0' && c <= '9'; }))
    return u.size() <= 3 ? std::stoi(t::to_utf8(u)) : 0;
  int value = 0, digit = -1;
  for (char32_t c : u) {
    if (c == U'十') {
      value += (digit < 0 ? 1 : digit) * 10;
      digit = -1;
    } else if (auto d = digits.find(c); d != std::u32string::npos) {
      digit = static_cast<int>(d);
    } else {
      return 0;
    }
  }
  return value + (digit < 0 ? 0 : digit);
}

bool is_symbol(char32_t c) { return c > 0x20 && c < 0x7F && !kit::is_ascii_alnum(c); }

}  // namespace

void BoilerplateCleaner::load_page_rules(const nlohmann::json& rules, const Params& params) {
  auto labels = kit::json_strings(rules, "meta_labels");
  for (auto& l : params.get<std::vector<std::string>>("extra_meta_labels"))
    labels.push_back(std::move(l));
  page_meta_ = PageMetaReader(labels, kit::json_strings(rules, "colonless_meta_labels"), 40);
  if (rules.contains("page_meta_fields"))
    for (const auto& [label, field] : rules.at("page_meta_fields").items())
      meta_fields_.emplace_back(label, field.get<std::string>());

  auto strong = kit::json_strings(rules, "seo_markers_strong");
  for (auto& m : params.get<std::vector<std::string>>("extra_seo_markers"))
    strong.push_back(std::move(m));
  seo_ = SeoIntroFinder(strong, kit::json_strings(rules, "seo_markers_weak"));

  for (const auto& w : kit::json_strings(rules, "chrome_phrases")) chrome_phrases_.insert(w, 1);
  for (const auto& w : params.get<std::vector<std::string>>("extra_chrome_phrases"))
    chrome_phrases_.insert(w, 1);
  auto rule_regexes = [&](const char* key, std::vector<RuleRegex>& out) {
    if (!rules.contains(key)) return;
    for (const auto& r : rules.at(key))
      out.push_back({r.at("rule").get<std::string>(),
                     kit::Regex(r.at("pattern").get<std::string>()), r.value("keep_group", 0)});
  };
  rule_regexes("chrome_line_patterns", line_patterns_);
  for (const auto& p : kit::json_strings(rules, "shared_file_title_patterns"))
    shared_file_title_.emplace_back(p);
  rule_regexes("inline_chrome_patterns", inline_patterns_);
  for (const auto& p : params.get<std::vector<std::string>>("extra_inline_patterns"))
    inline_patterns_.push_back({"boilerplate.inline_pattern", kit::Regex(p)});

  auto labels_all = kit::json_strings(rules, "section_labels");
  for (auto& l : params.get<std::vector<std::string>>("extra_section_labels"))
    labels_all.push_back(std::move(l));
  auto bare = kit::json_strings(rules, "bare_section_labels");
  // 【概述】 alone, 导语 alone (a bare label only from the shorter list: 引言
  // alone may be a real heading), 导语：… as a prefix.
  bare_section_label_ =
      kit::Regex("^\\s*(?:[【\\[](?:" + kit::regex_alternation(labels_all) +
                 ")[】\\]]|(?:" + kit::regex_alternation(bare) + "))\\s*[:：]?\\s*$");
  section_label_ = kit::Regex("^\\s*[【\\[]?(?:" + kit::regex_alternation(labels_all) +
                              ")[】\\]]?\\s*[:：]\\s*(?=\\S)");
  const std::string num = "([一二三四五六七八九十]{1,3}|\\d{1,2})";
  // 【第一篇】 or 篇一： / 第一篇： / 篇1 alone; "第一篇 总论" (a book's part) is not a label.
  piece_prefix_ = kit::Regex("^\\s*(?:[【\\[](?:第" + num + "篇|篇" + num + ")[】\\]]|(?:第" + num +
                             "篇|篇" + num + ")(?=\\s*[:：]|\\s*$))\\s*(?:[:：]\\s*)?");
  piece_suffix_ = kit::Regex("\\s*[【\\[]?(?:第" + num + "篇|篇" + num + ")[】\\]]?\\s*$");
}

bool BoilerplateCleaner::is_chrome_words(std::string_view s) const {
  return is_navigation(std::string(s)) || contains_any(t::to_u32(s), share_) ||
         contains_any(t::to_u32(s), chrome_phrases_);
}

bool BoilerplateCleaner::is_page_meta(const std::string& line, Zone zone) const {
  auto fields =
      page_meta_.read(line, [this](std::string_view lead) { return is_chrome_words(lead); });
  if (!fields) return false;
  // At the end of a report "时间：2019年1月2日" alone may be the report's own
  // date: in the tail a single date label is not enough.
  if (zone == Zone::tail && fields->size() == 1 &&
      (fields->front().label == "时间" || fields->front().label == "日期"))
    return false;
  return true;
}

void BoilerplateCleaner::harvest_page_meta(Document& doc, const std::string& line) const {
  auto fields =
      page_meta_.read(line, [this](std::string_view lead) { return is_chrome_words(lead); });
  if (!fields) return;
  for (const auto& f : *fields)
    for (const auto& [label, property] : meta_fields_)
      if (f.label == label && !f.value.empty()) doc.source.properties.emplace(property, f.value);
}

// A run of anti-scrape junk ("d5 }3 ^7 F! K& H(", "h5 m# v2 F8 L0"): five or
// more tokens of at most three ASCII characters, at least two with a symbol,
// and hardly any that reads as a word (two or more letters only). Returns
// where the run starting at `i` (a token start) ends, or `i` when none does.
std::size_t BoilerplateCleaner::junk_run_end(const std::u32string& u, std::size_t i) const {
  // Runs are judged over at most kMaxTokens tokens, so a page of short ASCII
  // tokens costs linear time, not a scan to its end from every token.
  constexpr std::size_t kMaxTokens = 64;
  std::size_t tokens = 0, symbolic = 0, wordlike = 0, pos = i;
  while (pos < u.size() && tokens < kMaxTokens) {
    std::size_t j = pos;
    while (j < u.size() && u[j] > 0x20 && u[j] < 0x7F) ++j;
    std::size_t n = j - pos;
    if (n == 0 || n > 3 || (j < u.size() && !t::is_space(u[j]))) break;
    ++tokens;
    auto tok = std::u32string_view(u).substr(pos, n);
    if (std::any_of(tok.begin(), tok.end(), is_symbol)) ++symbolic;
    bool letters = std::all_of(tok.begin(), tok.end(), [](char32_t c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    if (letters && n >= 2) ++wordlike;
    while (j < u.size() && t::is_space(u[j])) ++j;
    pos = j;
  }
  if (tokens >= 5 && symbolic >= 2 && wordlike * 5 <= tokens) return pos;
  return i;
}

std::string BoilerplateCleaner::without_junk(const std::string& line) const {
  auto u = t::to_u32(line);
  std::u32string out;
  for (std::size_t i = 0; i < u.size();) {
    bool token_start = i == 0 || t::is_space(u[i - 1]);
    if (token_start && u[i] > 0x20 && u[i] < 0x7F) {
      std::size_t end = junk_run_end(u, i);
      if (end > i) {
        i = end;
        continue;
      }
    }
    out += u[i++];
  }
  return t::trim(t::to_utf8(out));
}

void BoilerplateCleaner::remove_inline_chrome(Document& doc) const {
  std::vector<bool> gone(doc.blocks.size(), false);
  std::vector<std::string> gone_rule(doc.blocks.size());
  for (std::size_t k = doc.blocks.size(); k-- > 0;) {
    if (doc.blocks[k].kind == BlockKind::table) continue;
    std::string text = doc.blocks[k].text;
    std::string rule;
    for (const auto& p : inline_patterns_) {
      std::string next = p.re.replace_all(text, [&](std::string_view subject, const kit::Match& m) {
        return p.keep_group > 0 ? std::string(m.group(subject, p.keep_group)) : std::string();
      });
      if (next != text) {
        text = std::move(next);
        rule = p.rule;
      }
    }
    std::string dejunked = without_junk(text);
    if (dejunked != t::trim(text)) {
      text = dejunked;
      rule = "boilerplate.scrape_junk";
    }
    if (rule.empty()) continue;
    if (t::trim(text).empty()) {
      gone[k] = true;
      gone_rule[k] = rule;
    } else {
      doc.set_block_text(k, t::trim(text), rule);
    }
  }
  kit::remove_blocks(doc, gone, gone_rule);
}

namespace {

// The piece number of the first matched number group, 0 when none matched.
int matched_piece_number(const kit::Match& m, std::string_view text) {
  for (std::size_t g = 1; g < m.groups.size(); ++g)
    if (m.groups[g].matched()) return piece_number(m.group(text, g));
  return 0;
}

}  // namespace

void BoilerplateCleaner::strip_labels_and_pieces(Document& doc) const {
  const std::size_t scan = std::min<std::size_t>(doc.blocks.size(), head_lines_);
  constexpr std::size_t kFirstPieceWithin = 12;  // a page's first piece label is near its top
  int first_piece = 0;
  std::size_t k = 0;
  while (k < doc.blocks.size()) {
    const std::string text = doc.blocks[k].text;
    kit::Match m;
    int number = 0;
    std::string rest;
    if (piece_prefix_.search(text, m)) {
      number = matched_piece_number(m, text);
      rest = t::trim(std::string_view(text).substr(m.end()));
    } else if (t::length(text) <= 60 && piece_suffix_.search(text, m) && m.begin() > 0) {
      auto head = t::to_u32(text.substr(0, m.begin()));
      if (std::none_of(head.begin(), head.end(), kit::is_sentence_end)) {
        number = matched_piece_number(m, text);
        rest = t::trim(std::string_view(text).substr(0, m.begin()));
      }
    }
    if (number > 0) {
      if (first_piece > 0 && number > first_piece) {
        // A second report on the same page: keep the first, say so.
        doc.set_flag("multi_doc");
        doc.diagnose(Level::warning, "multi_doc: the page holds more than one report (\"" + text +
                                         "\" starts the next); kept the first");
        for (std::size_t j = doc.blocks.size(); j-- > k;)
          doc.remove_block(j, "boilerplate.next_piece");
        return;
      }
      if (!first_piece && k < kFirstPieceWithin) first_piece = number;
      // Labels are taken off in the head only; further down a first-piece
      // label is left as written (and a page of them costs no erase each).
      if (k >= scan) {
        ++k;
        continue;
      }
      if (rest.empty()) {
        doc.remove_block(k, "boilerplate.piece_label");
        continue;
      }
      doc.set_block_text(k, rest, "boilerplate.piece_label");
    } else if (k < scan && section_label_.search(text, m)) {
      doc.set_block_text(k, t::trim(std::string_view(text).substr(m.end())), "boilerplate.label");
    }
    ++k;
  }
}

void BoilerplateCleaner::strip_chunk_numbers(Document& doc) const {
  // A document-share page prints its text in numbered chunks (1、… 2、… 3、…)
  // cut at a fixed size, often inside a word: "综合素" / "3、质培养". A run of
  // long blocks numbered 1, 2, 3… of which one or more starts mid-sentence
  // is such a chunking: the numbers go and a cut sentence is joined again.
  constexpr std::size_t kMinChunkChars = 100;
  auto number_of = [](const std::string& text, std::size_t& len) {
    std::size_t i = 0;
    while (i < text.size() && i < 2 && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == 0 || text.compare(i, std::string("、").size(), "、") != 0) return 0;
    len = i + std::string("、").size();
    return std::stoi(text.substr(0, i));
  };
  auto ends_sentence = [](const std::string& text) {
    char32_t c = kit::last_char(text);
    return kit::is_sentence_end(c) || c == U'：' || c == U':';
  };
  for (std::size_t start = 0; start < doc.blocks.size(); ++start) {
    std::size_t len = 0;
    if (number_of(doc.blocks[start].text, len) != 1) continue;
    std::size_t end = start;  // one past the run
    bool cut_inside = false;
    while (end < doc.blocks.size()) {
      const std::string& t = doc.blocks[end].text;
      std::size_t l = 0;
      if (number_of(t, l) != static_cast<int>(end - start + 1)) break;
      bool last_of_run = end + 1 == doc.blocks.size();
      if (t::length(t) < kMinChunkChars && !last_of_run) break;
      if (end > start && !ends_sentence(doc.blocks[end - 1].text)) cut_inside = true;
      ++end;
    }
    if (end - start < 2 || !cut_inside) continue;
    for (std::size_t k = end; k-- > start;) {
      std::size_t l = 0;
      number_of(doc.blocks[k].text, l);
      std::string rest = doc.blocks[k].text.substr(l);
      if (k > start && !ends_sentence(doc.blocks[k - 1].text)) {
        doc.set_block_text(k - 1, doc.blocks[k - 1].text + rest, "boilerplate.chunk_number");
        doc.remove_block(k, "boilerplate.chunk_number");
      } else {
        doc.set_block_text(k, rest, "boilerplate.chunk_number");
      }
    }
    doc.diagnose(Level::info, "boilerplate: page-chunk numbers 1、…" + std::to_string(end - start) +
                                  "、 removed and cut sentences joined");
  }
}

void BoilerplateCleaner::strip_seo_intros(Document& doc, std::vector<std::string>& rule) const {
  // Farm intros sit before the report's first heading, in its first blocks.
  // Short chrome lines above them do not count: the intro is among the first
  // few paragraphs of text.
  constexpr std::size_t kIntroParagraphs = 4;
  const std::size_t n = doc.blocks.size();
  std::size_t paragraphs = 0;
  for (std::size_t k = 0; k < n && paragraphs < kIntroParagraphs; ++k) {
    if (!rule[k].empty()) continue;
    const Block& b = doc.blocks[k];
    if (b.kind == BlockKind::heading && !b.marker.empty()) break;
    if (t::length(b.text) > static_cast<std::size_t>(max_chrome_chars_)) ++paragraphs;
    std::size_t cut = seo_.intro_length(b.text);
    if (!cut) continue;
    if (t::trim(std::string_view(b.text).substr(cut)).empty())
      rule[k] = "boilerplate.seo_intro";
    else
      doc.set_block_text(k, t::trim(std::string_view(b.text).substr(cut)), "boilerplate.seo_intro");
  }
  // Outros ("以上就是小编……希望对你有帮助") in the last blocks.
  for (std::size_t k = n; k-- > (n > 3 ? n - 3 : 0);) {
    if (!rule[k].empty()) continue;
    std::size_t at = seo_.outro_start(doc.blocks[k].text);
    if (at == std::string::npos) continue;
    if (at == 0)
      rule[k] = "boilerplate.seo_intro";
    else
      doc.set_block_text(k, t::trim(std::string_view(doc.blocks[k].text).substr(0, at)),
                         "boilerplate.seo_intro");
  }
}

}  // namespace docpipe::clean
