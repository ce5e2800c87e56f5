// Instantiates every stage of a pipeline (readers, transforms, writers, with
// their parameters) the way a worker does, in a child process of its own: a
// plugin whose constructor throws or crashes is then a configuration error
// that `validate` and `run` report before any document is touched.
#pragma once

#include <filesystem>

namespace docpipe::host {

// The hidden subcommand of the child: `docpipe __check PIPELINE`.
inline constexpr const char* kCheckCommand = "__check";

// Runs `executable __check pipeline_file` and waits for it. Throws
// ConfigError with the child's message when it refuses the pipeline or
// crashes while setting the stages up.
void check_stages_in_child(const std::filesystem::path& executable,
                           const std::filesystem::path& pipeline_file);

// The child's side: loads, resolves and instantiates; prints what is wrong
// to stderr. Returns the exit code (0, or 2 for a configuration error).
int check_stages_main(const std::filesystem::path& pipeline_file);

}  // namespace docpipe::host
