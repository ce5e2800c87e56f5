#include "host/atomic_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <fstream>

#include "docpipe/error.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

namespace {
// Flushes the temp file's data before the rename, so a renamed output is
// never half-written, even after a power loss. The directory is not synced
// per file: if a power loss drops the rename itself, the output is simply
// missing, and the next run's ledger check notices and rebuilds it.
void flush_data(const fs::path& p) {
  int fd = ::open(p.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fdatasync(fd);
  ::close(fd);
}
}  // namespace

fs::path temp_path_for(const fs::path& target) {
  static std::atomic<unsigned long> counter{0};
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  name += '-';
  name += std::to_string(counter++);
  return target.parent_path() / name;
}

std::uintmax_t commit_temp(const fs::path& temp, const fs::path& target, bool sync_data) {
  std::error_code ec;
  const auto size = fs::file_size(temp, ec);
  if (ec) throw Error("writer produced no file for " + target.string());
  if (sync_data) flush_data(temp);
  fs::rename(temp, target, ec);
  if (ec) throw Error("cannot move output into place at " + target.string() + ": " + ec.message());
  return size;
}

std::uintmax_t write_output(const fs::path& target, const std::function<void(OutputFile&)>& fill,
                            bool sync_data) {
  if (!target.parent_path().empty()) fs::create_directories(target.parent_path());
  auto temp = temp_path_for(target);
  OutputFile out(target, temp);
  try {
    fill(out);
    return commit_temp(temp, target, sync_data);
  } catch (...) {
    std::error_code ec;
    fs::remove(temp, ec);
    throw;
  }
}

void write_file_atomically(const fs::path& target, const std::string& bytes) {
  if (!target.parent_path().empty()) fs::create_directories(target.parent_path());
  auto temp = temp_path_for(target);
  {
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    if (!f) throw Error("cannot write " + temp.string());
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) {
      std::error_code ec;
      fs::remove(temp, ec);
      throw Error("short write to " + temp.string());
    }
  }
  commit_temp(temp, target);
}

void sync_file_system(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::syncfs(fd);
  ::close(fd);
}

int remove_stale_temps(const fs::path& dir) {
  int n = 0;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    auto name = it->path().filename().string();
    if (it->is_regular_file() && name.size() > 1 && name[0] == '.' &&
        name.find(".tmp-") != std::string::npos) {
      fs::remove(it->path(), ec);
      ++n;
    }
  }
  return n;
}

}  // namespace docpipe::host
