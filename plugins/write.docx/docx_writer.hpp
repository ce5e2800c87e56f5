// Writes one document as a DOCX package: the library behind the write.docx
// plugin, linked into the tests as well.
#pragma once

#include <docpipe/model.hpp>
#include <filesystem>
#include <string>

#include "docx_body.hpp"
#include "docx_preset.hpp"
#include "shared_parts.hpp"

namespace docpipe::docx {

struct DocxOptions {
  BodyOptions body;
  std::string application = "docpipe write.docx";
};

// Seconds since the epoch for docProps and ZIP entry times: SOURCE_DATE_EPOCH
// when set (reproducible outputs), else now.
long long creation_time();

// The DOCX package of one document. `shared` (optional, one per thread)
// keeps the preset's parts deflated between documents; the bytes are the
// same with or without it. Throws docpipe::Error.
std::string docx_bytes(const Document& doc, const Preset& preset, const DocxOptions& opts,
                       SharedParts* shared = nullptr);

}  // namespace docpipe::docx
