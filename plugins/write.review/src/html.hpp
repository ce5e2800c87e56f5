// Writing untrusted text into HTML. Everything a review page shows comes
// from collected documents, so every string goes through one of these.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/char_diff.hpp"

namespace docpipe::review {

// Text for element content and quoted attribute values: & < > " ' escaped.
std::string escape(std::string_view s);
void append_escaped(std::string& out, std::string_view s);

// A relative link: every byte outside [A-Za-z0-9-._~/] percent-encoded, so
// a file named "javascript:..." or holding quotes stays a relative path.
std::string href(const std::filesystem::path& relative);

// The link from a page in `from_dir` to `target` (both made absolute).
std::string relative_href(const std::filesystem::path& target,
                          const std::filesystem::path& from_dir);

// JSON that can sit inside <script>: '<', '>' and '&' as \u escapes, so no
// string can close the element; bytes that are not UTF-8 are replaced.
std::string script_json(const nlohmann::json& j);

// An edit's change as HTML: removed text in <del>, added text in <ins>,
// unchanged stretches cut to `context` characters around the changes and a
// removed or added run to `max_run` (docpipe/char_diff.hpp).
std::string change_html(const std::string& before, const std::string& after,
                        std::size_t context = 30, std::size_t max_run = 400);
// The same from a diff already made.
std::string change_html(std::vector<text::DiffPiece> pieces, std::size_t context = 30,
                        std::size_t max_run = 400);

// The first `max_chars` code points of s, with "…" when cut.
std::string clip(std::string_view s, std::size_t max_chars);

}  // namespace docpipe::review
