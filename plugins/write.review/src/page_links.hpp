// The links of a document page in a run: the page's own path is
// {out}/<docs_dir>/{reldir}/{stem}.html, from which {out}, {reldir} and
// {stem} are read back to expand the output paths the page links to (the
// same templates as the pipeline's outputs) and to find the run's index.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "document_page.hpp"

namespace docpipe::review {

struct OutputLink {
  std::string label;  // "JSON"
  std::string path;   // "{out}/json/{reldir}/{stem}.json"
};

// `page` is where the page is written. When it does not lie under a
// `docs_dir` directory (docpipe explain --html), only the input is linked.
PageLinks page_links(const std::string& source_path, const std::filesystem::path& page,
                     const std::string& docs_dir, const std::vector<OutputLink>& outputs);

}  // namespace docpipe::review
