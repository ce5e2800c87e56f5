// Exports clean.boilerplate; the logic lives in boilerplate.cpp.
#include "boilerplate.hpp"

DOCPIPE_PLUGIN(docpipe::clean::BoilerplateCleaner, .kind = docpipe::PluginKind::transform,
               .name = "clean.boilerplate", .version = "0.1.0",
               .description =
                   "Removes site chrome and paywall tails; site name, publish time and tags go to "
                   "metadata.page",
               .params_schema = docpipe::clean::kBoilerplateSchema)
