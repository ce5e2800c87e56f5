#include "assets.hpp"

#include <docpipe/kit/data_files.hpp>

namespace docpipe::review {

Assets load_assets(const std::filesystem::path& dir) {
  return Assets{kit::read_data_file(dir / "review.css"), kit::read_data_file(dir / "page.js"),
                kit::read_data_file(dir / "index.js")};
}

}  // namespace docpipe::review
