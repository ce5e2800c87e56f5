// A library with a descriptor but without the factory symbol.
#include <docpipe/plugin.hpp>

extern "C" DOCPIPE_PLUGIN_EXPORT const docpipe::PluginDescriptor docpipe_plugin_descriptor = {
    .kind = docpipe::PluginKind::transform,
    .name = "test.no_factory",
    .version = "1.0.0",
    .description = "descriptor only"};
