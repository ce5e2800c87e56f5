// Turning the bytes of a .docx file into a Document. Kept out of the plugin
// class so tests can call it directly.
#pragma once

#include <docpipe/model.hpp>
#include <filesystem>
#include <string_view>

#include "docx_zip.hpp"

namespace docpipe::readers {

// How plausible it is that these first bytes are a DOCX we can read, 0..100.
int sniff_docx(const std::filesystem::path& path, std::string_view head);

// Throws InputError naming the file for anything that is not a readable
// DOCX. Word lock files (~$name.docx) throw an InputError whose message
// starts with "skipped:", which the runner reports as skipped, not failed.
Document parse_docx(const std::filesystem::path& path, std::string_view bytes,
                    const ZipLimits& limits = {});

}  // namespace docpipe::readers
