// Markdown -> docpipe document: ATX and setext headings, bullet and ordered
// list items, pipe tables, block quotes, fenced code and paragraphs, plus
// `key: value` front matter between `---` lines. Inline markup (emphasis,
// code spans, links) is reduced to its text: the model holds plain text.
#pragma once

#include <docpipe/model.hpp>
#include <string_view>

namespace mdread {

// Throws docpipe::InputError when the bytes are not UTF-8.
docpipe::Document parse_markdown(std::string_view bytes);

// Strips inline markup: **b**, __b__, *i*, `code`, [text](url), ![alt](src).
std::string strip_inline(std::string_view s);

}  // namespace mdread
