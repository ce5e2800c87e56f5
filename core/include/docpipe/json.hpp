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

// Appends exactly what value.dump(indent, ' ', false, error_handler_t::replace)
// returns (indent < 0: compact), `depth` levels deep (the indentation of the
// lines after the first), several times faster on text: nlohmann decodes
// every byte of every string through a UTF-8 state machine, while valid
// UTF-8 (all the model's text) only needs its quotes, backslashes and
// control characters escaped. Invalid UTF-8 goes through nlohmann.
DOCPIPE_API void dump_json(std::string& out, const nlohmann::json& value, int indent = -1,
                           int depth = 0);

}  // namespace docpipe
