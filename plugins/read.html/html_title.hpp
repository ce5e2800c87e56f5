// The article's own heading: the <h1> (or an <h2>/<h3> whose text is the
// og:title / <title> headline) that belongs to the extracted content. Pages
// put it outside the paragraph container (a header block above the body
// div), so the extractor would lose it without this look-up.
#pragma once

#include <libxml/HTMLparser.h>

#include <string>

namespace docpipe::readers {

// The heading element naming the article, or nullptr. Prefers a heading
// whose text matches og_title or is a prefix of page_title ("Headline -
// Site"); otherwise the first non-empty <h1>.
xmlNode* find_title_heading(xmlNode* body, const std::string& og_title,
                            const std::string& page_title);

// True when heading sits just above content: it comes before it in document
// order and their nearest common ancestor is at most max_levels above
// content (a title in the page header, far from the story, is not).
bool heading_leads(xmlNode* heading, xmlNode* content, int max_levels = 4);

}  // namespace docpipe::readers
