#include "host/run_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstring>

#include "host/ledger.hpp"

namespace docpipe::host {

RunLock::RunLock(const std::filesystem::path& ledger_file) {
  auto path = ledger_file.string() + ".lock";
  if (!ledger_file.parent_path().empty())
    std::filesystem::create_directories(ledger_file.parent_path());
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw LedgerError("cannot open " + path + ": " + std::strerror(errno));
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw LedgerError("another docpipe run is using the ledger " + ledger_file.string() +
                      " (lock " + path +
                      " is held); wait for it or give this run its own "
                      "--state or --out");
  }
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace docpipe::host
