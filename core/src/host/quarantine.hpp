// <out>/quarantine/: one JSON entry per document that failed, crashed or
// timed out (reason, stage, log excerpt, input path and sha256) beside a
// symlink to the input, so an operator can look at the bad file without
// hunting for it. Inputs are never moved, changed or deleted. The ledger, not
// this folder, decides retries; an entry is removed when its document later
// succeeds.
#pragma once

#include <filesystem>
#include <string>

#include "host/inputs.hpp"

namespace docpipe::host {

struct QuarantineEntry {
  std::string input;
  std::string sha256;
  std::string status;  // failed, timeout, crashed
  std::string stage;
  std::string reason;
  std::string log_excerpt;
  std::string pipeline_hash;
  std::string when;
};

class Quarantine {
 public:
  explicit Quarantine(std::filesystem::path out_dir) : dir_(std::move(out_dir) / "quarantine") {}
  const std::filesystem::path& dir() const { return dir_; }
  // Writes the entry and the input link; returns the entry's path.
  std::filesystem::path add(const InputItem& item, const QuarantineEntry& entry) const;
  // Removes the entry and link of an input, if any.
  void release(const InputItem& item) const;
  // Entry file name: "<reldir with / as __>__<stem>.json", or "<stem>.json".
  // The stem is the input's output stem (report.txt when report.docx is
  // beside it).
  static std::string entry_stem(const InputItem& item);
  // Name of the link to the input: the entry stem with the input's extension.
  static std::string link_name(const InputItem& item);

 private:
  std::filesystem::path dir_;
};

}  // namespace docpipe::host
