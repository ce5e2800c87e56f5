#include "host/atomic_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <fstream>

#include "docpipe/error.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

namespace {
void fsync_path(const fs::path& p, bool directory) {
  int fd = ::open(p.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}
}  // namespace

fs::path temp_path_for(const fs::path& target) {
  static std::atomic<unsigned long> counter{0};
  auto name = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter++);
  return target.parent_path() / name;
}

void commit_temp(const fs::path& temp, const fs::path& target) {
  if (!fs::exists(temp)) throw Error("writer produced no file for " + target.string());
  fsync_path(temp, false);
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) throw Error("cannot move output into place at " + target.string() + ": " + ec.message());
  fsync_path(target.parent_path().empty() ? fs::path(".") : target.parent_path(), true);
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

int remove_stale_temps(const fs::path& dir) {
  int n = 0;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
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
