// The part of a change a reader can take in at a glance: the first place
// where `before` and `after` differ, with a few characters of context on
// each side and "…" where text was left out. A punctuation fix in a long
// paragraph becomes "…以来,团县…" → "…以来，团县…" instead of the paragraph
// twice.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace docpipe::xlsx {

// Returns {before excerpt, after excerpt}. A removal or insertion (one side
// empty) is returned whole: there the whole text is the change.
std::pair<std::string, std::string> change_excerpt(std::string_view before, std::string_view after,
                                                   std::size_t context = 8);

}  // namespace docpipe::xlsx
