// Exports clean.dedupe; the logic lives in dedupe.cpp.
#include "dedupe.hpp"

DOCPIPE_PLUGIN(
    docpipe::clean::Deduplicator, .kind = docpipe::PluginKind::transform, .name = "clean.dedupe",
    .version = "0.1.0",
    .description =
        "Removes repeated titles, teaser copies of the lead paragraph and repeated paragraphs",
    .params_schema = docpipe::clean::kDedupeSchema)
