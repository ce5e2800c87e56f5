// Turns the pipeline's inputs (files, directories, globs) into the ordered,
// de-duplicated list of documents to process.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "host/input_list.hpp"

namespace docpipe::host {

struct InputScan {
  InputList items;
  std::vector<std::string> notes;   // e.g. skipped Word lock files
  std::vector<std::string> errors;  // inputs that do not exist
};

InputScan scan_inputs(const std::vector<std::string>& paths,
                      const std::vector<std::string>& include,
                      const std::vector<std::string>& exclude, bool recursive);

// Gives inputs that share a stem in one directory (report.txt and
// report.docx) their whole file name as stem (report.txt, report.docx), so
// their outputs and quarantine entries cannot overwrite each other.
void disambiguate_stems(InputList& items);

// True for files an editor leaves beside a document (Word's "~$x.docx",
// LibreOffice's ".~lock.x#"): they are never documents.
bool is_lock_file(const std::filesystem::path& p);

}  // namespace docpipe::host
