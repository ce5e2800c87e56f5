// Main-content extraction from a parsed HTML page, built for Chinese news and
// content-farm pages and holding up on English ones: junk elements dropped,
// candidate containers scored by text length, punctuation density (，。；：
// count like Readability's commas) and link density, the best container and
// its article-like siblings kept, and their content emitted as blocks in
// order (headings, paragraphs, <br> lines, list items, tables).
#pragma once

#include <libxml/HTMLparser.h>

#include <docpipe/model.hpp>
#include <string>
#include <vector>

#include "html_dom.hpp"  // strip_non_content

namespace docpipe::readers {

struct ExtractOptions {
  // Phrases marking chrome (相关文章, ICP备, 分享到...): short lines and
  // link-heavy blocks containing one are dropped.
  std::vector<std::string> boilerplate;
  // Lines shorter than this (in characters) are candidates for the
  // boilerplate check; longer lines are article text even when they mention
  // a phrase.
  int boilerplate_max_chars = 60;
};

// Appends the blocks of the page's main content to out.blocks.
void extract_main_content(htmlDocPtr doc, const ExtractOptions& options, Document& out);

}  // namespace docpipe::readers
