#include "html_title.hpp"

#include <libxml/tree.h>

#include <docpipe/text.hpp>
#include <string_view>
#include <vector>

namespace docpipe::readers {
namespace {

std::string_view name_of(const xmlNode* n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name))
                      : std::string_view();
}

// Whitespace-free text, so "Headline\n  text" compares equal to og:title.
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  return out;
}

std::string squeezed_content(xmlNode* n) {
  xmlChar* t = xmlNodeGetContent(n);
  std::string s = t ? squeeze(reinterpret_cast<const char*>(t)) : "";
  if (t) xmlFree(t);
  return s;
}

// Headings in document order, iteratively (deep pages would overflow a
// recursive walk no sooner, but this keeps one pass and no std::function).
void collect_headings(xmlNode* root, std::vector<xmlNode*>& out) {
  for (xmlNode* n = root->children; n;) {
    if (n->type == XML_ELEMENT_NODE) {
      auto nm = name_of(n);
      if (nm == "h1" || nm == "h2" || nm == "h3") out.push_back(n);
      if (n->children) {
        n = n->children;
        continue;
      }
    }
    while (n && !n->next && n->parent != root) n = n->parent;
    n = n ? n->next : nullptr;
  }
}

}  // namespace

xmlNode* find_title_heading(xmlNode* body, const std::string& og_title,
                            const std::string& page_title) {
  if (!body) return nullptr;
  std::vector<xmlNode*> headings;
  collect_headings(body, headings);
  const std::string og = squeeze(og_title), page = squeeze(page_title);
  xmlNode* first_h1 = nullptr;
  for (xmlNode* h : headings) {
    std::string t = squeezed_content(h);
    if (t.size() < 4) continue;  // an icon or a one-letter logo
    if (!og.empty() && t == og) return h;
    // "<title>Headline - Site</title>": the heading is its start.
    if (!page.empty() && page.rfind(t, 0) == 0 && t.size() * 2 >= page.size()) return h;
    if (!first_h1 && name_of(h) == "h1") first_h1 = h;
  }
  return first_h1;
}

bool heading_leads(xmlNode* heading, xmlNode* content, int max_levels) {
  if (!heading || !content) return false;
  // The ancestor of content (itself included) that also holds the heading.
  xmlNode* a = content;
  for (int level = 0; a && level <= max_levels; ++level, a = a->parent) {
    for (xmlNode* h = heading; h; h = h->parent) {
      if (h != a) continue;
      if (a == content) return false;  // inside: emitted with the content
      if (a == heading) return false;  // the heading holds the content: not above it
      // Document order: heading's branch under a comes before content's.
      xmlNode* hb = heading;
      while (hb->parent != a) hb = hb->parent;
      xmlNode* cb = content;
      while (cb->parent != a) cb = cb->parent;
      for (xmlNode* s = hb; s; s = s->next)
        if (s == cb) return true;
      return false;
    }
  }
  return false;
}

}  // namespace docpipe::readers
