// One run at a time per ledger: an exclusive flock on "<ledger>.lock", held
// for the whole run. The kernel drops it when the process dies, so a run
// killed with -9 never leaves a stale lock behind.
#pragma once

#include <filesystem>

namespace docpipe::host {

class RunLock {
 public:
  // Throws LedgerError when another run holds the lock.
  explicit RunLock(const std::filesystem::path& ledger_file);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace docpipe::host
