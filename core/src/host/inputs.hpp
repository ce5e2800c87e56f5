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

// The directory a run's input paths are shown relative to: the one input
// folder, the folder of the one input file, or the deepest folder holding
// every input given (a glob counts from its last fixed folder). Lexical, as
// the paths were given; empty when the inputs share no folder (an absolute
// and a relative path).
std::string input_root(const std::vector<std::string>& paths);

// The deepest folder holding all of `dirs`, lexically; empty when there is none.
std::string common_directory(const std::vector<std::string>& dirs);

// True for files an editor leaves beside a document (Word's "~$x.docx",
// LibreOffice's ".~lock.x#"): they are never documents.
bool is_lock_file(const std::filesystem::path& p);

}  // namespace docpipe::host
