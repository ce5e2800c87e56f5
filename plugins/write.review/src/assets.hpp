// The style sheet and scripts every review page inlines, so a page is one
// file that opens from the file system with nothing else (no server, no
// network). They are data files of the plugin (data/), tuned without a build.
#pragma once

#include <filesystem>
#include <string>

namespace docpipe::review {

struct Assets {
  std::string css;       // review.css: all pages
  std::string page_js;   // page.js: a document page (edit detail, outline)
  std::string index_js;  // index.js: the run's index (filters, search, paging)
};

// Reads the three files from `dir`; throws docpipe::Error naming a missing one.
Assets load_assets(const std::filesystem::path& dir);

}  // namespace docpipe::review
