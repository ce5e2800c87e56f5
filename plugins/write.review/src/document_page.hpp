// One document's review page: the original text with every removed or added
// span marked in place (labelled with stage and rule, detail on click), the
// result beside it, the outline as a table of contents, metadata, flags,
// diagnostics, every edit, and links to the outputs and the input.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "assets.hpp"
#include "docpipe/model.hpp"

namespace docpipe::review {

struct PageLinks {
  std::string index;  // href of the run's index page; empty: none
  std::string input;  // href of the input file; empty: none
  // (label, href) of the document's outputs; an empty href: not written.
  std::vector<std::pair<std::string, std::string>> outputs;
};

// The <meta> a page carries its source path in, so the run's index can find
// the page of each document (write.review reads it back).
inline constexpr const char* kSourceMeta = "docpipe-source";

std::string render_document_page(const Document& doc, const PageLinks& links, const Assets& assets);

// The head every page shares: doctype, charset, title, the inlined style sheet.
std::string page_head(const std::string& title, const Assets& assets,
                      const std::string& extra_meta = "");

}  // namespace docpipe::review
