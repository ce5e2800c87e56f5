// Exports clean.watermark; the logic lives in watermark.cpp.
#include "watermark.hpp"

DOCPIPE_PLUGIN(
    docpipe::clean::WatermarkCleaner, .kind = docpipe::PluginKind::transform,
    .name = "clean.watermark", .version = "0.1.0",
    .description = "Removes watermark domains/URLs and re-joins the sentences they split",
    .params_schema = docpipe::clean::kWatermarkSchema)
