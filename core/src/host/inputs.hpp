// Turns the pipeline's inputs (files, directories, globs) into the ordered,
// de-duplicated list of documents to process.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace docpipe::host {

struct InputItem {
  std::filesystem::path path;
  std::filesystem::path reldir;  // directory relative to the input root it was found under
};

struct InputScan {
  std::vector<InputItem> items;
  std::vector<std::string> notes;   // e.g. skipped Word lock files
  std::vector<std::string> errors;  // inputs that do not exist
};

InputScan scan_inputs(const std::vector<std::string>& paths,
                      const std::vector<std::string>& include,
                      const std::vector<std::string>& exclude, bool recursive);

// True for files an editor leaves beside a document (Word's "~$x.docx",
// LibreOffice's ".~lock.x#"): they are never documents.
bool is_lock_file(const std::filesystem::path& p);

}  // namespace docpipe::host
