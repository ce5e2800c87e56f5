// The plugin project that `docpipe plugins new` writes: file names and
// contents for one plugin kind, with the plugin's names filled in.
#pragma once

#include <string>
#include <vector>

namespace docpipe::cli {

struct ScaffoldSpec {
  std::string name;  // plugin name as pipelines use it, e.g. "office.mask"
  std::string kind;  // transform, reader or writer
};

struct ScaffoldFile {
  std::string path;  // relative to the project directory
  std::string content;
};

// True for names a pipeline and a file system both accept: lower-case ASCII
// letters and digits in segments joined by '.', '-' or '_'.
bool valid_plugin_name(const std::string& name);

// The project's files; spec must be valid (name checked, known kind).
std::vector<ScaffoldFile> scaffold_files(const ScaffoldSpec& spec);

}  // namespace docpipe::cli
