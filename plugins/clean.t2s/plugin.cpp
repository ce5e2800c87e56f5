// Exports clean.t2s; the logic lives in t2s.cpp.
#include "t2s.hpp"

DOCPIPE_PLUGIN(
    docpipe::clean::T2sConverter, .kind = docpipe::PluginKind::transform, .name = "clean.t2s",
    .version = "0.1.0",
    .description =
        "Traditional to simplified (OpenCC t2s), only for documents that are mostly traditional",
    .params_schema = docpipe::clean::kT2sSchema)
