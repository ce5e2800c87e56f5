// Exports clean.lines; the logic lives in lines.cpp.
#include "lines.hpp"

DOCPIPE_PLUGIN(
    docpipe::clean::LineCleaner, .kind = docpipe::PluginKind::transform, .name = "clean.lines",
    .version = "0.1.0",
    .description =
        "Joins broken lines, splits run-together ones, normalises spaces and punctuation",
    .params_schema = docpipe::clean::kLinesSchema)
