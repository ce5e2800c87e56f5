#include "html_sanitize.hpp"

#include <array>
#include <string_view>

namespace docpipe::readers {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_lower(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii(a[i]) != lower_b[i]) return false;
  return true;
}

// Elements without an end tag or that the parser closes by itself (the next
// <p>, <li>, <td>...): not counted as nesting.
bool self_closing(std::string_view name) {
  static constexpr std::array<std::string_view, 30> kNames = {
      "area",  "base",     "br",       "col",    "embed", "hr",  "img",   "input",
      "link",  "meta",     "param",    "source", "track", "wbr", "p",     "li",
      "dt",    "dd",       "option",   "tr",     "td",    "th",  "thead", "tbody",
      "tfoot", "colgroup", "optgroup", "rt",     "rp",    "html"};
  for (auto n : kNames)
    if (equals_lower(name, n)) return true;
  return false;
}

// Position of the case-insensitive "</name" at or after from, or npos.
std::size_t find_end_tag(const std::string& s, std::size_t from, std::string_view name) {
  for (std::size_t i = s.find("</", from); i != std::string::npos; i = s.find("</", i + 2))
    if (equals_lower(std::string_view(s).substr(i + 2, name.size()), name)) return i;
  return std::string::npos;
}

}  // namespace

MarkupRepairs sanitize_markup(std::string& s) {
  MarkupRepairs r;
  std::size_t w = 0;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
      ++r.controls;
      continue;
    }
    s[w++] = c;
  }
  s.resize(w);

  std::string out;
  out.reserve(s.size());
  const std::size_t n = s.size();
  std::size_t open = 0, excess = 0;  // counted open elements; start tags dropped
  std::size_t i = 0;
  while (i < n) {
    bool end_tag = s[i] == '<' && i + 2 < n && s[i + 1] == '/' && is_alpha(s[i + 2]);
    if (s[i] != '<' || !(end_tag || (i + 1 < n && is_alpha(s[i + 1])))) {
      out += s[i++];
      continue;
    }
    std::size_t name_start = i + (end_tag ? 2 : 1), j = name_start;
    while (j < n && !is_space(s[j]) && s[j] != '>' && s[j] != '/' && s[j] != '<') ++j;
    std::string_view name = std::string_view(s).substr(name_start, j - name_start);
    bool counted = !self_closing(name);
    if (end_tag) {
      std::size_t k = s.find('>', j);
      k = k == std::string::npos ? n : k + 1;
      if (counted && excess > 0) {
        --excess;  // the end of a start tag that was dropped
        ++r.tags_dropped;
      } else {
        if (counted && open > 0) --open;
        out.append(s, i, k - i);
      }
      i = k;
      continue;
    }
    // Start tag: its attributes, one at a time.
    std::string tag(s, i, j - i);
    std::size_t count = 0;
    i = j;
    bool self_close = false;
    for (;;) {
      std::size_t k = i;
      while (k < n && (is_space(s[k]) || s[k] == '/')) ++k;
      if (k >= n || s[k] == '>') {
        self_close = k > i && s[k - 1] == '/';
        tag.append(s, i, (k < n ? k + 1 : n) - i);
        i = k < n ? k + 1 : n;
        break;
      }
      std::size_t m = k + 1;
      while (m < n && !is_space(s[m]) && s[m] != '=' && s[m] != '>' && s[m] != '/') ++m;
      std::size_t p = m;
      while (p < n && is_space(s[p])) ++p;
      if (p < n && s[p] == '=') {
        ++p;
        while (p < n && is_space(s[p])) ++p;
        if (p < n && (s[p] == '"' || s[p] == '\'')) {
          std::size_t e = s.find(s[p], p + 1);
          p = e == std::string::npos ? n : e + 1;
        } else {
          while (p < n && !is_space(s[p]) && s[p] != '>') ++p;
        }
      } else {
        p = m;
      }
      if (++count <= kMaxAttributes)
        tag.append(s, i, p - i);
      else
        ++r.attributes_dropped;
      i = p;
    }
    if (count > kMaxAttributes) ++r.crowded_elements;
    if (counted && !self_close && open >= kMaxNesting) {
      ++excess;
      ++r.tags_dropped;
    } else {
      if (counted && !self_close) ++open;
      out += tag;
    }
    // Script and style text is not markup: copied up to its end tag.
    for (std::string_view raw : {"script", "style"}) {
      if (!equals_lower(name, raw)) continue;
      std::size_t e = find_end_tag(s, i, raw);
      if (e == std::string::npos) e = n;
      out.append(s, i, e - i);
      i = e;
    }
  }
  s = std::move(out);
  return r;
}

std::size_t flatten_deep_elements(xmlDocPtr doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  std::size_t flattened = 0;
  int depth = 0;
  for (xmlNode* x = root; x;) {
    if (x->type == XML_ELEMENT_NODE && depth >= kMaxTreeDepth && x->children) {
      xmlChar* text = xmlNodeGetContent(x);  // iterative in libxml2
      xmlFreeNodeList(x->children);
      x->children = x->last = nullptr;
      if (text) {
        xmlAddChild(x, xmlNewText(text));
        xmlFree(text);
      }
      ++flattened;
    } else if (x->type == XML_ELEMENT_NODE && x->children) {
      x = x->children;
      ++depth;
      continue;
    }
    while (x && x != root && !x->next) {
      x = x->parent;
      --depth;
    }
    if (!x || x == root) break;
    x = x->next;
  }
  return flattened;
}

}  // namespace docpipe::readers
