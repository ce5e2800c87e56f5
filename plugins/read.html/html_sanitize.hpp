// What read.html does to a page's UTF-8 text before libxml2 sees it, and to
// the tree after, so that no markup makes the parse slow, cut or deep:
//   - NUL and the other C0 controls (not tab, newline, carriage return, form
//     feed) are removed: libxml2 stops reading at a NUL;
//   - an element keeps its first kMaxAttributes attributes: libxml2 checks
//     each attribute against all the earlier ones (quadratic time);
//   - start tags nested deeper than kMaxNesting (counting the elements that
//     are closed only by their end tag) are removed with their end tags,
//     their text kept: libxml2 searches its element stack for every end tag
//     (time grows with depth × end tags);
//   - after parsing, elements deeper than kMaxTreeDepth in the tree have
//     their subtree replaced by its text, so the extraction's tree walks
//     have a bounded depth.
// One pass each over the text and the tree, no recursion; every change is
// counted so that parse_html reports it.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <string>

namespace docpipe::readers {

constexpr std::size_t kMaxAttributes = 1000;
constexpr std::size_t kMaxNesting = 256;
constexpr int kMaxTreeDepth = 512;

struct MarkupRepairs {
  std::size_t controls = 0;            // C0 control bytes removed
  std::size_t attributes_dropped = 0;  // attributes beyond kMaxAttributes
  std::size_t crowded_elements = 0;    // elements that had more than kMaxAttributes
  std::size_t tags_dropped = 0;        // start and end tags beyond kMaxNesting
};

// Rewrites utf8 in place (one linear pass).
MarkupRepairs sanitize_markup(std::string& utf8);

// Replaces the children of elements at depth kMaxTreeDepth by their text;
// returns how many elements were flattened so.
std::size_t flatten_deep_elements(xmlDocPtr doc);

}  // namespace docpipe::readers
