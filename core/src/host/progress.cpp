#include "host/progress.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>

namespace docpipe::host {

using Clock = std::chrono::steady_clock;

ProgressReporter::ProgressReporter(std::size_t total, bool tty, double log_every_seconds)
    : total_(total),
      tty_(tty),
      log_every_(log_every_seconds),
      start_(Clock::now()),
      last_(start_) {}

bool ProgressReporter::stderr_is_tty() { return isatty(STDERR_FILENO) == 1; }

std::string ProgressReporter::line(std::size_t done,
                                   const std::map<std::string, int>& counts) const {
  double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  long eta = rate > 0 ? static_cast<long>(static_cast<double>(total_ - done) / rate) : -1;
  char buf[160];
  if (eta >= 0)
    std::snprintf(buf, sizeof buf, "%zu/%zu  %.1f docs/s  ETA %ld:%02ld:%02ld", done, total_, rate,
                  eta / 3600, eta / 60 % 60, eta % 60);
  else
    std::snprintf(buf, sizeof buf, "%zu/%zu  ETA --:--:--", done, total_);
  std::string s = buf;
  for (const auto& [status, n] : counts)
    if (n > 0) s += "  " + status + "=" + std::to_string(n);
  return s;
}

void ProgressReporter::update(std::size_t done, const std::map<std::string, int>& counts) {
  auto now = Clock::now();
  bool last = done >= total_;
  double since = std::chrono::duration<double>(now - last_).count();
  if (tty_) {
    if (!last && since < 0.1) return;  // redraw at most ten times a second
    last_ = now;
    constexpr int kWidth = 30;
    int filled = total_ ? static_cast<int>(kWidth * done / total_) : kWidth;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r\033[K[%s] %s", bar.c_str(), line(done, counts).c_str());
    std::fflush(stderr);
    drawn_ = true;
  } else {
    if (!last && since < log_every_) return;
    last_ = now;
    spdlog::info("progress {}", line(done, counts));
  }
}

void ProgressReporter::finish() {
  if (tty_ && drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

}  // namespace docpipe::host
