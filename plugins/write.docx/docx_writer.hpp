// Writes one document as a DOCX package: the library behind the write.docx
// plugin, linked into the tests as well.
#pragma once

#include <docpipe/model.hpp>
#include <filesystem>
#include <string>

#include "docx_body.hpp"
#include "docx_preset.hpp"

namespace docpipe::docx {

struct DocxOptions {
  BodyOptions body;
  std::string application = "docpipe write.docx";
};

// Seconds since the epoch for docProps and ZIP entry times: SOURCE_DATE_EPOCH
// when set (reproducible outputs), else now.
long long creation_time();

// Throws docpipe::Error when the file cannot be written.
void write_docx(const Document& doc, const Preset& preset, const DocxOptions& opts,
                const std::filesystem::path& path);

}  // namespace docpipe::docx
