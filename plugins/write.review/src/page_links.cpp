#include "page_links.hpp"

#include "html.hpp"

namespace docpipe::review {

namespace fs = std::filesystem;

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

// The directory of `page` whose last components are `docs_dir`, or empty.
fs::path find_docs_root(const fs::path& page, const fs::path& docs_dir) {
  std::vector<fs::path> want(docs_dir.begin(), docs_dir.end());
  if (want.empty()) return {};
  for (fs::path dir = page.parent_path(); !dir.empty() && dir != dir.parent_path();
       dir = dir.parent_path()) {
    std::vector<fs::path> have(dir.begin(), dir.end());
    if (have.size() >= want.size() && std::equal(want.rbegin(), want.rend(), have.rbegin()))
      return dir;
  }
  return {};
}

}  // namespace

PageLinks page_links(const std::string& source_path, const fs::path& page,
                     const std::string& docs_dir, const std::vector<OutputLink>& outputs) {
  PageLinks links;
  const fs::path here = fs::absolute(page).lexically_normal();
  const fs::path page_dir = here.parent_path();
  if (!source_path.empty()) links.input = relative_href(source_path, page_dir);
  const fs::path docs = fs::path(docs_dir).lexically_normal();
  const fs::path root = find_docs_root(here, docs);
  if (root.empty()) return links;
  fs::path out = root;
  for (auto it = docs.begin(); it != docs.end(); ++it) out = out.parent_path();
  links.index = relative_href(root.parent_path() / "index.html", page_dir);
  const fs::path reldir = here.parent_path().lexically_relative(root);
  const std::string stem = here.stem().string();
  for (const auto& o : outputs) {
    std::string p = o.path;
    replace_all(p, "{out}", out.string());
    replace_all(p, "{reldir}", reldir.empty() ? "." : reldir.string());
    replace_all(p, "{stem}", stem);
    const fs::path target = fs::path(p).lexically_normal();
    std::error_code ec;
    links.outputs.emplace_back(o.label,
                               fs::exists(target, ec) ? relative_href(target, page_dir) : "");
  }
  return links;
}

}  // namespace docpipe::review
