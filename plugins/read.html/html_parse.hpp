// Turning the bytes of a saved web page into a Document: charset, parsing
// with libxml2's forgiving HTML parser, page metadata, main content.
#pragma once

#include <docpipe/model.hpp>
#include <filesystem>
#include <string_view>

#include "html_extract.hpp"

namespace docpipe::readers {

int sniff_html(const std::filesystem::path& path, std::string_view head);

// Throws InputError naming the file for empty or non-HTML input.
Document parse_html(const std::filesystem::path& path, std::string_view bytes,
                    const ExtractOptions& options);

}  // namespace docpipe::readers
