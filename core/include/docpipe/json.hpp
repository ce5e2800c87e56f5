// The model as JSON, in the shape of schemas/document.schema.json
// ("docpipe/document@1"). Used by write.json and by the worker protocol.
#pragma once

#include <nlohmann/json.hpp>

#include "docpipe/export.hpp"
#include "docpipe/model.hpp"

namespace docpipe {

inline constexpr const char* kDocumentSchemaId = "docpipe/document@1";

struct JsonOptions {
  bool include_edits = true;
  bool include_diagnostics = true;
};

DOCPIPE_API nlohmann::json document_to_json(const Document& doc, const JsonOptions& opts = {});
// Inverse of document_to_json (with edits and diagnostics included).
DOCPIPE_API Document document_from_json(const nlohmann::json& j);

}  // namespace docpipe
