// Which encoding an HTML page is in: BOM, then the charset its <meta> tags
// declare within the first 64 KiB, then detection from the bytes.
#pragma once

#include <docpipe/kit/encoding.hpp>
#include <string_view>

namespace docpipe::readers {

// The charset label declared by <meta charset> or <meta http-equiv
// content="...; charset=..."> in the first 64 KiB, or "".
std::string declared_html_charset(std::string_view bytes);

kit::EncodingGuess detect_html_encoding(std::string_view bytes);

}  // namespace docpipe::readers
