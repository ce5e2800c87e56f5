// Outputs are written to a temporary file beside the target and renamed into
// place, so a crash or kill never leaves a half-written output.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "docpipe/plugin.hpp"

namespace docpipe::host {

// A temporary path in the target's directory: ".<name>.tmp-<pid>-<n>".
std::filesystem::path temp_path_for(const std::filesystem::path& target);
// Renames the temp file over the target and returns its size in bytes; with
// `sync_data`, its data reaches the disk first (fdatasync), so the output
// survives a power loss as well.
std::uintmax_t commit_temp(const std::filesystem::path& temp, const std::filesystem::path& target,
                           bool sync_data = true);
// Creates the target's directory, lets `fill` write the OutputFile (bytes or
// a file at its temp path) and commits it; on any exception the temporary is
// removed and the exception passes on. Every writer output goes through here.
// Returns the output's size in bytes (the ledger keeps it).
std::uintmax_t write_output(const std::filesystem::path& target,
                            const std::function<void(OutputFile&)>& fill, bool sync_data = true);
// Flushes everything written to the file system that holds `dir` (syncfs):
// one call at the end of a run instead of a sync per output.
void sync_file_system(const std::filesystem::path& dir);
// Writes bytes atomically in one step.
void write_file_atomically(const std::filesystem::path& target, const std::string& bytes);
// Removes leftovers of killed runs (".*.tmp-*") under a directory.
int remove_stale_temps(const std::filesystem::path& dir);

}  // namespace docpipe::host
