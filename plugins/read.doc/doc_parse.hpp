// Word 97-2003 (.doc, .dot) and WPS (.wps, .wpt) files: LibreOffice converts
// them to DOCX in a child process (office_converter.hpp), read.docx's code
// reads the result. Kept out of the plugin class so tests can call it.
#pragma once

#include <docpipe/model.hpp>
#include <filesystem>
#include <string_view>

#include "office_converter.hpp"
#include "read.docx/docx_zip.hpp"

namespace docpipe::readers {

// How plausible it is that these first bytes are a legacy Word file we can
// read, 0..100: an OLE compound file with a WordDocument stream or a
// .doc/.wps name, or RTF saved under a .doc name.
int sniff_doc(const std::filesystem::path& path, std::string_view head);

// Throws InputError naming the file: not a Word file, password-protected,
// converter missing or failing, or a DOCX read.docx refuses.
Document parse_doc(const std::filesystem::path& path, std::string_view bytes,
                   OfficeConverter& converter, const ZipLimits& limits = {});

}  // namespace docpipe::readers
