// Turning the bytes of a plain-text file into a Document: encoding detection,
// binary rejection, line splitting. Kept out of the plugin class so tests can
// call it directly.
#pragma once

#include <docpipe/model.hpp>
#include <filesystem>
#include <string_view>

namespace docpipe::readers {

// How plausible it is that these bytes are text in an encoding we read, 0..100.
int sniff_text(const std::filesystem::path& path, std::string_view head);

// Reads a text file. One paragraph block per non-blank line with
// origin.line_start/line_end = its 1-based line number, so blank lines stay
// recoverable from the gaps. Throws InputError (naming the file) for empty or
// binary input.
Document parse_text_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace docpipe::readers
