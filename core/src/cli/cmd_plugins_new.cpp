// docpipe plugins new: writes a ready-to-build plugin project.
// (The scaffold templates are added with the plugin SDK.)
#include <iostream>

#include "cli/common.hpp"
#include "docpipe/error.hpp"

namespace docpipe::cli {

int cmd_plugins_new(const Args&) {
  throw ConfigError("plugins new: the plugin scaffold is not available in this build");
}

}  // namespace docpipe::cli
