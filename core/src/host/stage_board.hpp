// The stage a worker is running, on a page of memory the parent shares with
// it (a memfd the worker gets as fd 5). The worker writes the stage id before
// each step of a document; after a crash or a time-out the parent reads the
// page and names the stage in the status, the report and the quarantine
// entry. No system call per step: a store into shared memory.
#pragma once

#include <string>
#include <string_view>

namespace docpipe::host {

inline constexpr int kWorkerStageFd = 5;

class StageBoard {
 public:
  // The parent's side: a fresh board; fd() is handed to the worker.
  static StageBoard create();
  // The worker's side: the board at kWorkerStageFd, or an inactive one when
  // the worker was started without it.
  static StageBoard attach(int fd = kWorkerStageFd);
  StageBoard() = default;
  StageBoard(StageBoard&& other) noexcept;
  StageBoard& operator=(StageBoard&& other) noexcept;
  ~StageBoard();

  int fd() const { return fd_; }
  void post(std::string_view stage);  // worker: the step it starts
  std::string read() const;           // parent: the last step posted
  void clear() { post({}); }

 private:
  static constexpr std::size_t kSize = 256;
  int fd_ = -1;
  char* page_ = nullptr;
};

}  // namespace docpipe::host
