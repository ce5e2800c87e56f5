// Progress for operators: a redrawn bar with rate and ETA when stderr is a
// terminal, else one log line at most every `log_every` seconds (cron mails
// and log files get a readable trace instead of carriage returns).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>

namespace docpipe::host {

class ProgressReporter {
 public:
  ProgressReporter(std::size_t total, bool tty, double log_every_seconds = 10);
  // done: documents finished so far (processed or skipped).
  void update(std::size_t done, const std::map<std::string, int>& counts);
  void finish();  // ends the bar's line
  static bool stderr_is_tty();

 private:
  std::string line(std::size_t done, const std::map<std::string, int>& counts) const;
  std::size_t total_;
  bool tty_;
  double log_every_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace docpipe::host
