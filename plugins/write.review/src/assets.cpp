#include "assets.hpp"

#include <fstream>
#include <sstream>

#include "docpipe/error.hpp"

namespace docpipe::review {

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error("write.review: missing data file " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

Assets load_assets(const std::filesystem::path& dir) {
  return Assets{read_file(dir / "review.css"), read_file(dir / "page.js"),
                read_file(dir / "index.js")};
}

}  // namespace docpipe::review
