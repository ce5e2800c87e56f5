#include "html_meta.hpp"

#include <libxml/tree.h>

#include <cctype>
#include <docpipe/text.hpp>
#include <functional>

#include "html_dom.hpp"

namespace docpipe::readers {
namespace {

std::string content_of(xmlNode* n) {
  xmlChar* t = xmlNodeGetContent(n);
  std::string s = t ? reinterpret_cast<const char*>(t) : "";
  if (t) xmlFree(t);
  return text::trim(s);
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max digits at s[i]; returns the count read.
int read_number(std::string_view s, std::size_t& i, int max_digits, int& value) {
  int n = 0;
  value = 0;
  while (i < s.size() && n < max_digits && digit(s[i])) value = value * 10 + (s[i++] - '0'), ++n;
  return n;
}

bool skip_sep(std::string_view s, std::size_t& i, std::initializer_list<std::string_view> seps) {
  for (auto sep : seps)
    if (s.substr(i).starts_with(sep)) {
      i += sep.size();
      return true;
    }
  return false;
}

// Zero-padded to two digits (built by insert: GCC 12's -Wrestrict misfires
// on `"0" + std::to_string(v)` at -O2).
std::string two(int v) {
  std::string s = std::to_string(v);
  if (s.size() < 2) s.insert(s.begin(), '0');
  return s;
}

// Keywords split on ASCII and full-width commas, semicolons, 、 and spaces.
std::vector<std::string> split_keywords(const std::string& s) {
  std::vector<std::string> out;
  std::u32string cur;
  auto push = [&] {
    auto t = text::trim(text::to_utf8(cur));
    cur.clear();
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  };
  for (char32_t c : text::to_u32(s)) {
    if (c == ',' || c == U'，' || c == ';' || c == U'；' || c == U'、' || c == '|' ||
        text::is_space(c))
      push();
    else
      cur.push_back(c);
  }
  push();
  return out;
}

// A value that swallowed markup: a broken page whose attribute quote never
// closes carries the next tags in it (content="<meta name=…").
bool looks_like_markup(std::string_view v) {
  for (std::size_t i = 0; i + 1 < v.size(); ++i)
    if (v[i] == '<' &&
        (std::isalpha(static_cast<unsigned char>(v[i + 1])) || v[i + 1] == '/' || v[i + 1] == '!'))
      return true;
  return v.find("=\"") != std::string_view::npos || v.find("='") != std::string_view::npos;
}

// Labels a page prints before its own publication date.
constexpr std::string_view kPublishedLabels[] = {"发布时间", "发布日期", "发表时间",
                                                 "发文日期", "更新时间", "发布于"};
constexpr std::size_t kLeadBytes = 4096;  // how far into the page the label is looked for

// The first `cap` bytes of the page's visible text (scripts and styles left
// out), in document order, without walking the rest of a huge page.
std::string leading_text(xmlNode* root, std::size_t cap) {
  std::string out;
  for (xmlNode* n = root; n && out.size() < cap;) {
    if (n->type == XML_TEXT_NODE && n->content) {
      out += reinterpret_cast<const char*>(n->content);
      out += ' ';
    }
    bool skip = n->type == XML_ELEMENT_NODE &&
                (name_of(n) == "script" || name_of(n) == "style" || name_of(n) == "head");
    if (n->children && !skip) {
      n = n->children;
      continue;
    }
    while (n && n != root && !n->next) n = n->parent;
    n = (n && n != root) ? n->next : nullptr;
  }
  return out;
}

}  // namespace

std::optional<std::string> find_date(std::string_view s) {
  for (std::size_t start = 0; start + 8 <= s.size(); ++start) {
    if (!digit(s[start]) || (start > 0 && digit(s[start - 1]))) continue;
    std::size_t i = start;
    int y, m, d;
    if (read_number(s, i, 4, y) != 4 || y < 1990 || y > 2100) continue;
    if (!skip_sep(s, i, {"-", "/", ".", "年"})) continue;
    if (!read_number(s, i, 2, m) || m < 1 || m > 12) continue;
    if (!skip_sep(s, i, {"-", "/", ".", "月"})) continue;
    if (!read_number(s, i, 2, d) || d < 1 || d > 31) continue;
    if (i < s.size() && digit(s[i])) continue;
    std::string iso = std::to_string(y) + "-" + two(m) + "-" + two(d);
    skip_sep(s, i, {"日"});
    std::size_t j = i;
    while (j < s.size() && (s[j] == ' ' || s[j] == 'T')) ++j;
    int hh, mm;
    if (j > i && read_number(s, j, 2, hh) && hh < 24 && skip_sep(s, j, {":", "："}) &&
        read_number(s, j, 2, mm) == 2 && mm < 60)
      iso += 'T' + two(hh) + ':' + two(mm);
    return iso;
  }
  return std::nullopt;
}

void read_page_metadata(htmlDocPtr html, Document& doc) {
  xmlNode* root = xmlDocGetRootElement(html);
  if (!root) return;
  auto& page = doc.metadata.page;
  std::string title, og_title, published, h1_text;
  xmlNode* h1 = nullptr;
  std::function<void(xmlNode*)> walk = [&](xmlNode* n) {
    for (xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      auto name = name_of(c);
      if (name == "title" && title.empty()) {
        title = content_of(c);
      } else if (name == "meta") {
        std::string key = lower(prop(c, "property"));
        if (key.empty()) key = lower(prop(c, "name"));
        if (key.empty()) key = lower(prop(c, "itemprop"));
        std::string v = text::trim(prop(c, "content"));
        if (v.empty() || looks_like_markup(v)) continue;
        if (key == "og:title")
          og_title = v;
        else if (key == "og:site_name" && !page.site)
          page.site = v;
        else if (key == "og:url" && !page.url)
          page.url = v;
        else if ((key == "article:published_time" || key == "datepublished" || key == "pubdate" ||
                  key == "publishdate" || key == "og:release_date" || key == "publish_date" ||
                  key == "og:published_time") &&
                 published.empty())
          published = v;
        else if (key == "keywords" || key == "news_keywords" || key == "article:tag") {
          for (auto& t : split_keywords(v))
            if (t.find_first_of("<>=\"") == std::string::npos &&
                std::find(page.tags.begin(), page.tags.end(), t) == page.tags.end())
              page.tags.push_back(t);
        } else if (key == "description")
          doc.source.properties["description"] = v;
        else if (key == "author")
          doc.source.properties["author"] = v;
      } else if (name == "link" && lower(prop(c, "rel")) == "canonical") {
        std::string href = prop(c, "href");
        if (!href.empty()) page.url = href;  // canonical wins over og:url
      } else if (name == "time" && published.empty()) {
        published = prop(c, "datetime");
        if (published.empty()) published = content_of(c);
      } else if (name == "h1" && !h1) {
        h1 = c;
        h1_text = content_of(c);
      }
      walk(c);
    }
  };
  walk(root);
  if (!title.empty()) doc.source.properties["html_title"] = title;
  if (!og_title.empty()) doc.source.properties["og_title"] = og_title;
  if (!published.empty()) {
    auto iso = find_date(published);
    page.published = iso ? *iso : published;
    if (iso && published.size() > 10 && published[10] == 'T')
      page.published = published;  // full ISO kept
  } else if (h1) {
    // A date printed near the title: in the text that follows the <h1>
    // within its parent (the byline "2023-05-29 10:30 来源：...").
    std::string near;
    for (xmlNode* s = h1->next; s && near.size() < 600; s = s->next) near += content_of(s) + " ";
    if (near.size() < 600 && h1->parent && h1->parent->next) near += content_of(h1->parent->next);
    if (auto iso = find_date(near.substr(0, 800))) page.published = *iso;
  }
  if (!page.published) {
    // No headline element: a labelled date in the page's first text
    // (发布时间：2020-03-02 来源：…) is still the page's own.
    std::string lead = leading_text(root, kLeadBytes);
    for (std::string_view label : kPublishedLabels) {
      auto at = lead.find(label);
      if (at == std::string::npos) continue;
      auto after = std::string_view(lead).substr(at + label.size(), 40);
      if (after.starts_with("：") || after.starts_with(":")) {
        if (auto iso = find_date(after)) page.published = *iso;
        break;
      }
    }
  }
}

}  // namespace docpipe::readers
