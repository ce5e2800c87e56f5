#include "boilerplate.hpp"

#include <algorithm>
#include <docpipe/kit/data_files.hpp>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>
#include <set>

namespace docpipe::clean {
namespace {

// A file its author wrote in a word processor carries no site chrome of its
// own (a 文库 download's notices are still found by the other rules).
bool is_word_processor_file(const std::string& format) {
  return format == "docx" || format == "doc" || format == "wps" || format == "odt";
}

namespace t = docpipe::text;

void fill(kit::Trie& trie, const std::vector<std::string>& words) {
  for (const auto& w : words) trie.insert(w, 1);
}

std::vector<std::string> merged(const nlohmann::json& rules, const char* key, const Params& params,
                                const std::string& extra_key) {
  auto out = kit::json_strings(rules, key);
  for (auto& s : params.get<std::vector<std::string>>(extra_key)) out.push_back(std::move(s));
  return out;
}

bool is_nav_separator(char32_t c) {
  return t::is_space(c) || c == U'|' || c == U'·' || c == U'｜' || c == U'•' || c == U'●' ||
         c == U'▪' || c == U'-';
}

bool is_emoji(char32_t c) {
  return (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
         (c >= 0x1F000 && c <= 0x1F2FF);
}

}  // namespace

BoilerplateCleaner::BoilerplateCleaner(const PluginEnv& env, const Params& params)
    : timestamp_("(?!)"),
      meta_rest_("(?!)"),
      tag_line_("(?!)"),
      phone_or_id_("(?!)"),
      domain_("(?!)"),
      page_meta_({}, {}, 0),
      seo_({}, {}),
      section_label_("(?!)"),
      bare_section_label_("(?!)"),
      piece_prefix_("(?!)"),
      piece_suffix_("(?!)") {
  auto rules = kit::read_json_file(kit::data_file(env, "boilerplate_rules.json"));
  head_lines_ = params.get<int>("head_lines");
  tail_lines_ = params.get<int>("tail_lines");
  max_chrome_chars_ = params.get<int>("max_chrome_chars");
  fill(nav_words_, merged(rules, "nav_words", params, "extra_nav_words"));
  fill(paywall_, merged(rules, "paywall_phrases", params, "extra_paywall_phrases"));
  fill(paywall_hints_, merged(rules, "paywall_hints", params, "extra_paywall_hints"));
  fill(share_, merged(rules, "share_phrases", params, "extra_share_phrases"));
  fill(copyright_, merged(rules, "copyright_phrases", params, "extra_copyright_phrases"));
  fill(spam_, merged(rules, "spam_phrases", params, "extra_spam_phrases"));
  fill(contact_words_, kit::json_strings(rules, "contact_words"));
  fill(pager_, kit::json_strings(rules, "pager_prefixes"));
  fill(breadcrumb_starts_, kit::json_strings(rules, "breadcrumb_starts"));
  for (const auto& s : merged(rules, "site_suffixes", params, "extra_site_suffixes"))
    site_suffixes_.push_back(t::to_u32(s));
  breadcrumb_separators_ = kit::json_strings(rules, "breadcrumb_separators");

  // A crawl timestamp: optional label, a date, an optional time of day, then
  // nothing but page metadata ("来源: ... 作者: ...").
  timestamp_ = kit::Regex(
      "^(?:(" + kit::regex_alternation(kit::json_strings(rules, "published_labels")) +
      ")\\s*[:：]?\\s*)?(\\d{4})\\s*([-/.年])\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
      "(?:\\s*(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?)?(.*)$");
  meta_rest_ =
      kit::Regex("^(?:\\s*(?:" + kit::regex_alternation(kit::json_strings(rules, "meta_labels")) +
                 ")\\s*[:：]?\\s*\\S*)*\\s*$");
  tag_line_ = kit::Regex("^(?:" + kit::regex_alternation(kit::json_strings(rules, "tag_prefixes")) +
                         ")\\s*[:：]\\s*(.*)$");
  phone_or_id_ = kit::Regex(
      "(?:(?<!\\d)1[3-9]\\d{9}(?!\\d)|(?:QQ|qq|微信|VX|vx|wx|V信)\\s*[:：号]?\\s*[A-Za-z0-9_-]{5,}"
      ")");
  domain_ = kit::Regex(
      "^(?:https?://)?(?:[A-Za-z0-9-]+\\.)+(?:com|cn|net|org|cc|top|info|xyz|vip|me|io)(?:/\\S*)?$",
      true);
  for (const auto& p : params.get<std::vector<std::string>>("extra_patterns"))
    extra_patterns_.emplace_back(p);
  load_page_rules(rules, params);
}

bool BoilerplateCleaner::contains_any(const std::u32string& u, const kit::Trie& trie) {
  for (std::size_t i = 0; i < u.size(); ++i)
    if (trie.longest_at(u, i).length) return true;
  return false;
}

std::size_t BoilerplateCleaner::count_distinct(const std::u32string& u, const kit::Trie& trie) {
  std::set<std::u32string_view> seen;
  for (std::size_t i = 0; i < u.size();) {
    auto hit = trie.longest_at(u, i);
    if (!hit.length) {
      ++i;
      continue;
    }
    seen.insert(std::u32string_view(u).substr(i, hit.length));
    i += hit.length;
  }
  return seen.size();
}

bool BoilerplateCleaner::starts_with_any(const std::u32string& u, const kit::Trie& trie) {
  return trie.longest_at(u, 0).length > 0;
}

bool BoilerplateCleaner::is_paywall(const std::u32string& u) const {
  return contains_any(u, paywall_);
}

bool BoilerplateCleaner::is_contact(const std::string& line, const std::u32string& u) const {
  if (!contains_any(u, contact_words_)) return false;
  bool emoji = std::any_of(u.begin(), u.end(), is_emoji);
  // An account id: a run of 4+ ASCII letters/digits (QQ number, WeChat id).
  std::size_t run = 0, best = 0;
  for (char32_t c : u) {
    run = kit::is_ascii_alnum(c) ? run + 1 : 0;
    best = std::max(best, run);
  }
  return emoji || phone_or_id_.contains(line) || best >= 4;
}

bool BoilerplateCleaner::is_navigation(const std::string& line) const {
  // Every token (split on spaces, |, ·) is a navigation word.
  auto u = t::to_u32(line);
  std::size_t i = 0, tokens = 0;
  while (i < u.size()) {
    while (i < u.size() && is_nav_separator(u[i])) ++i;
    if (i >= u.size()) break;
    std::size_t j = i;
    while (j < u.size() && !is_nav_separator(u[j])) ++j;
    auto token = std::u32string_view(u).substr(i, j - i);
    // A token may be several navigation words run together (设为首页收藏本站).
    for (std::size_t k = 0; k < token.size();) {
      auto hit = nav_words_.longest_at(token, k);
      if (!hit.length) return false;
      k += hit.length;
    }
    ++tokens;
    i = j;
  }
  return tokens > 0;
}

bool BoilerplateCleaner::is_breadcrumb(const std::string& line) const {
  auto u = t::to_u32(line);
  if (starts_with_any(u, breadcrumb_starts_)) {
    auto hit = breadcrumb_starts_.longest_at(u, 0);
    if (hit.length < u.size() && (u[hit.length] == U':' || u[hit.length] == U'：')) return true;
  }
  // "您的当前位置：", "当前您的位置：": a short label about the position.
  for (std::size_t i = 0; i < u.size() && i < 10; ++i) {
    if (u[i] != U':' && u[i] != U'：') continue;
    if (std::u32string_view(u).substr(0, i).find(U"位置") != std::u32string_view::npos) return true;
    break;
  }
  // Split on any separator (a run of them is one); a site's name may carry
  // its domain in brackets, or the brackets a domain left when it was removed.
  std::vector<std::string> segments{""};
  std::size_t pos = 0;
  bool last_was_sep = false;
  while (pos < line.size()) {
    bool cut = false;
    for (const auto& sep : breadcrumb_separators_) {
      if (!sep.empty() && line.compare(pos, sep.size(), sep) == 0) {
        if (!last_was_sep) segments.emplace_back();
        pos += sep.size();
        cut = last_was_sep = true;
        break;
      }
    }
    if (!cut) {
      segments.back() += line[pos++];
      last_was_sep = false;
    }
  }
  bool trailing_separator = last_was_sep;
  if (trailing_separator) segments.pop_back();
  auto clean_segment = [&](const std::string& s) {
    std::string out = s;
    for (const char* empty : {"()", "（）", "[]", "【】"})
      for (auto at = out.find(empty); at != std::string::npos; at = out.find(empty))
        out.erase(at, std::string(empty).size());
    return t::to_u32(t::trim(out));
  };
  std::vector<std::u32string> segs;
  for (const auto& s : segments) segs.push_back(clean_segment(s));
  if (segs.size() < 2) return false;
  // The last segment may be the page's own (long) title.
  std::size_t short_needed = segs.size() - (trailing_separator ? 0 : 1);
  int han_segments = 0;
  for (std::size_t k = 0; k < segs.size(); ++k) {
    const auto& seg = segs[k];
    bool last = k + 1 == segs.size();
    std::size_t limit = (!last || trailing_separator) ? 10 : 60;
    if (seg.empty() || seg.size() > limit) return false;
    if (std::any_of(seg.begin(), seg.end(), kit::is_sentence_end)) return false;
    if (kit::count_han(seg) > 0 && k < short_needed) ++han_segments;
  }
  if (segs.size() >= 3 || trailing_separator) return han_segments >= 2;
  // Two segments: only when the first is the site or a navigation word.
  std::string first = t::to_utf8(segs.front());
  return is_site_name(first) || is_navigation(first);
}

bool BoilerplateCleaner::looks_like_signature(const std::string& line) const {
  // A short line with a date (2021年12月30日) or naming a body (…委员会, …团委).
  auto u = t::to_u32(t::trim(line));
  if (u.empty() || u.size() > 30) return false;
  if (u.find(U'年') != std::u32string::npos && u.find(U'月') != std::u32string::npos) return true;
  for (std::u32string_view end : {U"委", U"委员会", U"会", U"局", U"处", U"室", U"中心", U"政府",
                                  U"部", U"支部", U"办事处", U"妇联", U"社区", U"学校", U"学院"})
    if (u.size() > end.size() && std::u32string_view(u).substr(u.size() - end.size()) == end)
      return true;
  return false;
}

void BoilerplateCleaner::mark_chrome_runs(const Document& doc, std::vector<std::string>& rule,
                                          const std::optional<std::size_t>& first_body) const {
  // In the head, a short scrap (开心, 1万, 积分) between two chrome lines is
  // part of the same widget. A line naming a report (with a doc-type word) or
  // a numbered heading never is.
  constexpr std::size_t kScrapChars = 12;
  const std::size_t end = first_body ? *first_body : rule.size();
  // The first line, a section label (校园新闻) above the chrome, is chrome too.
  if (end > 1 && rule[0].empty() && !rule[1].empty()) {
    auto u = t::to_u32(t::trim(doc.blocks[0].text));
    if (!u.empty() && u.size() <= 6 && kit::count_han(u) == u.size())
      rule[0] = "boilerplate.widget";
  }
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t i = 1; i + 1 < end; ++i) {
      if (!rule[i].empty() || rule[i - 1].empty() || rule[i + 1].empty()) continue;
      auto u = t::to_u32(t::trim(doc.blocks[i].text));
      // One item of a list of chrome (the second of three disclaimers), or a scrap.
      // Only a long line: a short one between two chrome lines may be the title.
      bool same_kind = rule[i - 1] == rule[i + 1] &&
                       u.size() > static_cast<std::size_t>(max_chrome_chars_) &&
                       u.size() <= 3 * static_cast<std::size_t>(max_chrome_chars_);
      if (same_kind) {
        rule[i] = rule[i - 1];
        changed = true;
        continue;
      }
      if (u.empty() || u.size() > kScrapChars || kit::count_han(u) > 4) continue;
      if (doc.blocks[i].kind == BlockKind::heading) continue;
      rule[i] = "boilerplate.widget";
      changed = true;
    }
  }
}

bool BoilerplateCleaner::is_site_name(const std::string& line) const {
  if (domain_.full_match(line)) return true;
  auto u = t::to_u32(line);
  if (u.empty() || u.size() > 16 || kit::count_han(u) != u.size()) return false;
  for (const auto& suffix : site_suffixes_)
    if (u.size() > suffix.size() && u.compare(u.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  return false;
}

std::optional<std::string> BoilerplateCleaner::published_iso(const std::string& line) const {
  kit::Match m;
  if (!timestamp_.search(line, m)) return std::nullopt;
  bool labelled = m.groups[1].matched();
  bool has_time = m.groups[6].matched();
  // After a crawl time of day a site may print a short category
  // (14:42:05年度工作总结); otherwise only page metadata may follow.
  auto rest = m.group(line, 9);
  // A bare date (2020年5月29日, 2019/1/2, 2019.1.2) alone on its line is a
  // report's own date line; a crawl stamp has a label, a time of day or page
  // metadata beside it.
  if (!labelled && !has_time && t::trim(rest).empty()) return std::nullopt;
  // …and a bare 年月日 date before other words is a sentence's or a title's.
  if (!labelled && !has_time && m.group(line, 3) == "年") return std::nullopt;
  bool short_tail =
      has_time && t::length(rest) <= 12 &&
      std::none_of(rest.begin(), rest.end(), [](char c) { return c == ',' || c == '.'; });
  if (!short_tail && !meta_rest_.full_match(rest)) return std::nullopt;
  auto two = [&](std::size_t g) {
    std::string s(m.group(line, g));
    return s.size() == 1 ? "0" + s : s;
  };
  std::string iso = std::string(m.group(line, 2)) + "-" + two(4) + "-" + two(5);
  if (has_time) iso += "T" + two(6) + ":" + two(7) + ":" + (m.groups[8].matched() ? two(8) : "00");
  return iso;
}

bool BoilerplateCleaner::is_report_date(const std::string& line) const {
  // "时间：2019年1月2日" or "日期：2019.1.2" alone at the end of a report is its
  // own date; a crawl stamp carries a time of day or other page metadata.
  kit::Match m;
  if (!timestamp_.search(line, m) || m.groups[6].matched()) return false;
  auto label = m.group(line, 1);
  return (label == "时间" || label == "日期") && t::trim(m.group(line, 9)).empty();
}

std::vector<std::string> BoilerplateCleaner::tags_of(const std::string& line) const {
  kit::Match m;
  std::vector<std::string> tags;
  if (!tag_line_.search(line, m)) return tags;
  std::string cur;
  for (char32_t c : t::to_u32(m.group(line, 1))) {
    if (t::is_space(c) || c == U',' || c == U'，' || c == U'、' || c == U'|' || c == U';' ||
        c == U'；') {
      if (!cur.empty()) tags.push_back(std::move(cur));
      cur.clear();
    } else {
      t::append_utf8(cur, c);
    }
  }
  if (!cur.empty()) tags.push_back(std::move(cur));
  return tags;
}

std::string BoilerplateCleaner::classify(const std::string& line, Zone zone, bool from_page) const {
  auto u = t::to_u32(line);
  const std::size_t len = u.size();
  const std::size_t max_len = static_cast<std::size_t>(max_chrome_chars_);
  if (len == 0) return "";
  if (zone == Zone::tail && len <= 2 * max_len &&
      (is_paywall(u) || (contains_any(u, paywall_hints_) && is_contact(line, u))))
    return "boilerplate.paywall";
  // A preview notice above the text (已阅读5页，还剩1页未读 继续免费阅读) is
  // document-share chrome there; only in the tail does it cut the report.
  if (zone == Zone::head && len <= 2 * max_len && is_paywall(u)) return "boilerplate.doc_share";
  if (from_page && tag_line_.contains(line) && len <= 2 * max_len) return "boilerplate.tags";
  if (len <= 2 * max_len && contains_any(u, copyright_)) return "boilerplate.copyright";
  // Spam injected into a hijacked page: two different spam words on a line.
  if (len <= 3 * max_len && count_distinct(u, spam_) >= 2) return "boilerplate.spam";
  if (len <= 3 * max_len && contains_any(u, chrome_phrases_)) return "boilerplate.widget";
  // A crawl timestamp, in either zone; bare 年月日 dates never match, nor a
  // labelled date alone at the end (both may be the document's own date).
  // In a word processor's file a labelled date line is the author's, wherever it is.
  if (!from_page && is_report_date(line)) return "";
  if (len <= 3 * max_len && published_iso(line) && !(zone == Zone::tail && is_report_date(line)))
    return "boilerplate.timestamp";
  // A page-metadata line may be long (上传人：… 文档编号：… 上传时间：… 格式：… 页数：…):
  // its shape, every part a label and a short value, is the evidence.
  if (len <= 3 * max_len && is_page_meta(line, zone)) return "boilerplate.page_meta";
  for (const auto& p : line_patterns_)
    if (len <= 2 * max_len && p.re.contains(line)) return p.rule;
  // A breadcrumb's last item may be the page's (long) title.
  if (len <= 2 * max_len && is_breadcrumb(line)) return "boilerplate.breadcrumb";
  if (len > max_len) return "";
  if (zone == Zone::tail && is_contact(line, u)) return "boilerplate.contact";
  if (starts_with_any(u, pager_)) return "boilerplate.pager";
  if (bare_section_label_.full_match(line)) return "boilerplate.label";
  if (is_breadcrumb(line)) return "boilerplate.breadcrumb";
  if (is_navigation(line)) return "boilerplate.navigation";
  if (contains_any(u, share_)) return "boilerplate.share";
  for (const auto& re : extra_patterns_)
    if (re.contains(line)) return "boilerplate.pattern";
  return "";
}

void BoilerplateCleaner::apply(Document& doc) {
  remove_inline_chrome(doc);
  strip_chunk_numbers(doc);
  strip_labels_and_pieces(doc);
  const std::size_t n = doc.blocks.size();
  std::vector<std::string> rule(n);
  // SEO intros are judged first: a farm's intro paragraph is long, and must
  // not count as the first body line that ends the head zone.
  strip_seo_intros(doc, rule);
  const bool from_page = !is_word_processor_file(doc.source.format);
  auto in_head = [&](std::size_t i) { return i < static_cast<std::size_t>(head_lines_); };
  auto in_tail = [&](std::size_t i) { return i + static_cast<std::size_t>(tail_lines_) >= n; };

  // Each line is judged as head chrome and as tail chrome separately.
  std::vector<std::string> head_rule(n), tail_rule(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!rule[i].empty()) continue;
    if (in_head(i)) head_rule[i] = classify(doc.blocks[i].text, Zone::head, from_page);
    if (in_tail(i)) tail_rule[i] = classify(doc.blocks[i].text, Zone::tail, from_page);
  }
  // Position: head chrome precedes the first body line (a long line that is
  // no chrome) and tail chrome follows the last one.
  // A long line with head chrome right after it (a disclaimer, a spam line
  // above the site's widgets) does not end the head zone yet.
  std::optional<std::size_t> first_body, last_body;
  auto is_body_line = [&](std::size_t i) {
    return rule[i].empty() && head_rule[i].empty() && tail_rule[i].empty() &&
           t::length(doc.blocks[i].text) > static_cast<std::size_t>(max_chrome_chars_);
  };
  // …as long as body text still follows that chrome.
  auto chrome_follows = [&](std::size_t i) {
    for (std::size_t j = i + 1; j < n && j <= i + 2; ++j) {
      if (rule[j].empty() && head_rule[j].empty()) continue;
      for (std::size_t k = j + 1; k < n; ++k)
        if (is_body_line(k)) return true;
      return false;
    }
    return false;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (is_body_line(i)) {
      if (!first_body && !chrome_follows(i)) first_body = i;
      last_body = i;
    }
  }
  std::optional<std::size_t> paywall_at;
  bool head_chrome = false, tail_chrome = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!rule[i].empty()) continue;
    if (!head_rule[i].empty() && (!first_body || i < *first_body)) {
      rule[i] = head_rule[i];
      head_chrome = true;
    } else if (!tail_rule[i].empty() && (!last_body || i > *last_body)) {
      rule[i] = tail_rule[i];
      tail_chrome = true;
    }
  }
  // A weaker hint ("获取全文请联系", "代写") is a paywall notice when a contact
  // line follows it.
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (rule[i].empty() && rule[i + 1] == "boilerplate.contact" && (!last_body || i > *last_body) &&
        t::length(doc.blocks[i].text) <= 2 * static_cast<std::size_t>(max_chrome_chars_) &&
        contains_any(t::to_u32(doc.blocks[i].text), paywall_hints_))
      rule[i] = "boilerplate.paywall";
  }
  for (std::size_t i = 0; i < n && !paywall_at; ++i)
    if (rule[i] == "boilerplate.paywall") paywall_at = i;
  // Everything after a paywall notice is the ad tail; so is a contact line
  // just before it.
  if (paywall_at) {
    // The ad tail, but a signature the page kept after the notice stays.
    for (std::size_t i = *paywall_at + 1; i < n; ++i)
      if (rule[i].empty() && !looks_like_signature(doc.blocks[i].text))
        rule[i] = "boilerplate.paywall_tail";
    doc.set_flag("truncated_end");
    doc.diagnose(Level::warning,
                 "truncated_end: paywall tail at block " + std::to_string(*paywall_at) + ": \"" +
                     doc.blocks[*paywall_at].text + "\"; the document is truncated");
  }
  // A site name is a short line at the very top (or bottom), only believed
  // when other chrome in the same zone confirms a scraped page.
  if (head_chrome) {
    for (std::size_t i = 0; i < std::min<std::size_t>(n, 3); ++i) {
      if (rule[i].empty() && is_site_name(doc.blocks[i].text)) {
        rule[i] = "boilerplate.site_name";
        break;
      }
    }
  }
  if (tail_chrome) {
    for (std::size_t i = n; i-- > (n > 3 ? n - 3 : 0);) {
      if (rule[i].empty() && (!last_body || i > *last_body) && is_site_name(doc.blocks[i].text)) {
        rule[i] = "boilerplate.site_name";
        break;
      }
    }
  }
  mark_chrome_runs(doc, rule, first_body);
  std::size_t removed = 0;
  for (std::size_t k = n; k-- > 0;) {
    if (rule[k].empty()) continue;
    const std::string& text = doc.blocks[k].text;
    auto& page = doc.metadata.page;
    if (rule[k] == "boilerplate.site_name" && !page.site) page.site = t::trim(text);
    if (rule[k] == "boilerplate.timestamp" && !page.published) page.published = published_iso(text);
    if (rule[k] == "boilerplate.page_meta" || rule[k] == "boilerplate.timestamp") {
      if (!page.published) page.published = published_iso(text);
      harvest_page_meta(doc, text);
    }
    // Back to front: the topmost naming of the shared file is kept.
    for (const auto& re : shared_file_title_)
      if (kit::Match m; re.search(text, m) && !t::trim(m.group(text, 1)).empty()) {
        doc.source.properties["shared_file_title"] = t::trim(m.group(text, 1));
        break;
      }
    if (rule[k] == "boilerplate.tags")
      for (auto& tag : tags_of(text))
        if (std::find(page.tags.begin(), page.tags.end(), tag) == page.tags.end())
          page.tags.push_back(tag);
    ++removed;
  }
  std::vector<bool> gone(n);
  for (std::size_t k = 0; k < n; ++k) gone[k] = !rule[k].empty();
  kit::remove_blocks(doc, gone, rule);
  if (removed) {
    doc.set_flag("boilerplate_removed");
    doc.diagnose(Level::info,
                 "boilerplate_removed: removed " + kit::plural(removed, "site-chrome line"));
  }
}

}  // namespace docpipe::clean
