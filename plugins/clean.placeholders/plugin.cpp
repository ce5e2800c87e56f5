// Exports clean.placeholders; the logic lives in placeholders.cpp.
#include "placeholders.hpp"

DOCPIPE_PLUGIN(
    docpipe::clean::PlaceholderCounter, .kind = docpipe::PluginKind::transform,
    .name = "clean.placeholders", .version = "0.1.0",
    .description = "Counts and reports redaction placeholders (XX, **, x月x日, 201x); keeps them",
    .params_schema = docpipe::clean::kPlaceholdersSchema)
