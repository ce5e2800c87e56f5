// Exports clean.mojibake; the logic lives in mojibake.cpp.
#include "mojibake.hpp"

DOCPIPE_PLUGIN(
    docpipe::clean::MojibakeRepairer, .kind = docpipe::PluginKind::transform,
    .name = "clean.mojibake", .version = "0.1.0",
    .description = "Repairs unambiguous mojibake (3?5志愿者 -> 3·5志愿者) and reports the rest",
    .params_schema = docpipe::clean::kMojibakeSchema)
