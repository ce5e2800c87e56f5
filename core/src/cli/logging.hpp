// spdlog set-up for the CLI: --log-level, --log-format text|json, --log-file.
#pragma once

#include <string>

namespace docpipe::cli {

void setup_logging(const std::string& level, const std::string& format, const std::string& file);

}  // namespace docpipe::cli
