#include "html_dom.hpp"

#include <cctype>
#include <docpipe/text.hpp>

namespace docpipe::readers {

std::string_view name_of(const xmlNode* n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name))
                      : std::string_view();
}
bool is_element(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }

std::string prop(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

// Elements whose content is never article text.
static const std::set<std::string_view> kJunkTags = {
    "script", "style", "noscript", "template", "iframe", "svg",    "canvas", "object",
    "embed",  "input", "select",   "textarea", "button", "option", "rt",     "rp",
    "link",   "meta",  "dialog",   "map",      "audio",  "video",  "head"};

// Elements that are chrome by tag on almost every page; like class-named
// chrome they are only "unlikely", so a page that wraps its article in one
// still gets read on the retry.
const std::set<std::string_view> kChromeTags = {"nav", "aside", "footer"};

const std::set<std::string_view> kBlockTags = {
    "p",     "div",        "section", "article",    "main",   "h1",     "h2",      "h3",
    "h4",    "h5",         "h6",      "li",         "ul",     "ol",     "dl",      "dt",
    "dd",    "blockquote", "pre",     "table",      "tr",     "td",     "th",      "tbody",
    "thead", "tfoot",      "figure",  "figcaption", "header", "center", "address", "hr",
    "form",  "fieldset",   "body",    "caption"};

// class/id words of page chrome (unless the element also looks like content).
bool negative_class(const std::string& cls) {
  return contains_any(
      cls,
      {"comment",    "share",   "breadcrumb", "crumb",      "sidebar",     "side-bar", "sidebox",
       "footer",     "related", "recommend",  "advert",     "adsbygoogle", "banner",   "popup",
       "modal",      "navbar",  "menu",       "login",      "copyright",   "social",   "toolbar",
       "pagination", "pager",   "hotnews",    "hot-list",   "hot_list",    "taglist",  "tag-list",
       "widget",     "sponsor", "promo",      "newsletter", "signup",      "sign-up",  "xgwz",
       "xgyd",       "rmtj",    "cnxh",       "tuijian",    "download-app"});
}
// Words naming boxes that are chrome when short (a "subscribe to read on"
// overlay) but that some sites put on the container of the metered part of
// the article itself.
bool weak_negative_class(const std::string& cls) {
  return contains_any(cls, {"paywall", "subscribe", "premium", "locked"});
}
bool positive_class(const std::string& cls) {
  return contains_any(cls, {"article", "content", "main", "post", "entry", "story", "detail",
                            "text", "body", "zhengwen", "neirong", "wenzhang"});
}

std::string class_and_id(xmlNode* n) { return lower(prop(n, "class") + " " + prop(n, "id")); }

bool hidden(xmlNode* n) {
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  if (prop(n, "aria-hidden") == "true") return true;
  std::string style;
  for (char c : lower(prop(n, "style")))
    if (c != ' ') style += c;
  if (style.find("display:none") == std::string::npos &&
      style.find("visibility:hidden") == std::string::npos)
    return false;
  // WeChat and similar pages hide the article container in the markup and
  // show it from a script once the page is laid out: a container named as
  // content is read. (Not any hidden block of prose: news sites hide a
  // schema.org copy of the article beside the visible one.)
  std::string cls = class_and_id(n);
  return negative_class(cls) || !positive_class(cls);
}

// Sentence punctuation, Chinese and Latin: the "comma count" of Readability
// and the punctuation density of Chinese news extractors.
bool is_sentence_punct(char32_t c) {
  return c == U'，' || c == U'。' || c == U'；' || c == U'：' || c == U'、' || c == U'！' ||
         c == U'？' || c == U'“' || c == U'”' || c == ',' || c == '.' || c == ';' || c == ':';
}

namespace {

void strip(xmlNode* n) {
  xmlNode* c = n->children;
  while (c) {
    xmlNode* next = c->next;
    bool drop = false;
    if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
      drop = true;
    } else if (is_element(c)) {
      auto name = name_of(c);
      drop = kJunkTags.count(name) || hidden(c);
    }
    if (drop) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    } else if (is_element(c)) {
      strip(c);
    }
    c = next;
  }
}

}  // namespace

void strip_non_content(htmlDocPtr doc) {
  if (xmlNode* root = xmlDocGetRootElement(doc)) strip(root);
}

}  // namespace docpipe::readers
