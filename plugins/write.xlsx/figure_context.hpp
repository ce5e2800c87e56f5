// What a reader needs to check a figure on the Figures sheet: the figure with
// a few characters of its sentence on each side, "…" where text was left
// out. A report's sentences run to hundreds of characters and hold several
// figures each; repeating the whole sentence on every figure's row made the
// sheet half of the workbook and its cells unreadable.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace docpipe::xlsx {

// The `nth` (0-based) occurrence of `figure` in `sentence` with up to
// `context` characters (code points) on each side. The whole sentence when
// `context` is 0 or the figure is not found in it.
std::string figure_context(std::string_view sentence, std::string_view figure, std::size_t nth,
                           std::size_t context);

}  // namespace docpipe::xlsx
