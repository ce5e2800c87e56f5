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
  // The name {stem} stands for in output paths, and the name of its
  // quarantine entry; empty means the file's own stem. Set by
  // disambiguate_stems() when inputs would otherwise share an output.
  std::string stem = {};
  // Index in the whole scan (every shard scans the whole collection), so
  // `docpipe merge` can put the documents of N shards back in input order.
  std::size_t position = 0;
  std::string output_stem() const { return stem.empty() ? path.stem().string() : stem; }
};

struct InputScan {
  std::vector<InputItem> items;
  std::vector<std::string> notes;   // e.g. skipped Word lock files
  std::vector<std::string> errors;  // inputs that do not exist
};

InputScan scan_inputs(const std::vector<std::string>& paths,
                      const std::vector<std::string>& include,
                      const std::vector<std::string>& exclude, bool recursive);

// Gives inputs that share a stem in one directory (report.txt and
// report.docx) their whole file name as stem (report.txt, report.docx), so
// their outputs and quarantine entries cannot overwrite each other.
void disambiguate_stems(std::vector<InputItem>& items);

// True for files an editor leaves beside a document (Word's "~$x.docx",
// LibreOffice's ".~lock.x#"): they are never documents.
bool is_lock_file(const std::filesystem::path& p);

}  // namespace docpipe::host
