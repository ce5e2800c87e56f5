// Exports clean.despin; the logic lives in despin.cpp.
#include "despin.hpp"

DOCPIPE_PLUGIN(
    docpipe::clean::Despinner, .kind = docpipe::PluginKind::transform, .name = "clean.despin",
    .version = "0.1.0",
    .description = "Detects 伪原创 word spinning and restores the original words from a dictionary",
    .params_schema = docpipe::clean::kDespinSchema)
