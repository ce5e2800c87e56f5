// The vocabulary read.html judges page elements by: libxml2 node helpers,
// the tags that are chrome or blocks, the class/id words of chrome and of
// content, hidden elements, sentence punctuation — and the removal of
// elements that never carry article text. Shared by the extraction passes.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

namespace docpipe::readers {

std::string_view name_of(const xmlNode* n);
bool is_element(const xmlNode* n);
std::string prop(xmlNode* n, const char* name);
std::string lower(std::string s);
bool contains_any(std::string_view s, std::initializer_list<std::string_view> words);

// nav, aside, footer: chrome on almost every page, but only "unlikely"
// (a page may wrap its article in one).
extern const std::set<std::string_view> kChromeTags;
// Elements that start a new block of text.
extern const std::set<std::string_view> kBlockTags;

// class/id words of page chrome (comment, share, sidebar, related, xgwz…).
bool negative_class(const std::string& cls);
// Chrome when short (paywall, subscribe): some sites name the container of
// the metered part of the story so.
bool weak_negative_class(const std::string& cls);
// class/id words of content (article, content, main, post, zhengwen…).
bool positive_class(const std::string& cls);
// Lower-cased "class id" of an element.
std::string class_and_id(xmlNode* n);
// hidden, aria-hidden=true, display:none, visibility:hidden — except an
// element hidden by its inline style whose class/id names content and not
// chrome: a body a script reveals (WeChat's js_content starts as
// visibility:hidden).
bool hidden(xmlNode* n);
// Sentence punctuation, Chinese and Latin: the "comma count" of Readability
// and the punctuation density of Chinese news extractors.
bool is_sentence_punct(char32_t c);

// Removes elements that never carry article text (script, style, iframe,
// svg, form controls, ruby glosses, hidden elements) in place. Chrome named
// by tag or class/id (nav, footer, comment, share, sidebar...) is left to
// extract_main_content, which ignores it unless that leaves no article.
void strip_non_content(htmlDocPtr doc);

}  // namespace docpipe::readers
