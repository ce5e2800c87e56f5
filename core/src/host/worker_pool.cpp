#include "host/worker_pool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <optional>
#include <set>

#include "docpipe/error.hpp"
#include "host/stage_board.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kLogTailBytes = 4096;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

bool write_all(int fd, const std::string& s) {
  std::size_t off = 0;
  while (off < s.size()) {
    auto n = ::write(fd, s.data() + off, s.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    off += static_cast<std::size_t>(n);
  }
  return true;
}

// In the child before exec: `from` becomes `to` and stays open across exec.
// dup2 onto itself keeps FD_CLOEXEC, so a pipe that already got the target
// number (a parent with few open files: fd 3) needs the flag cleared.
void place_fd(int from, int to) {
  if (from == to)
    fcntl(to, F_SETFD, 0);
  else
    dup2(from, to);
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    std::string s = "worker killed by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
    if (sig == SIGKILL) s += "; the system may have run out of memory";
    return s;
  }
  if (WIFEXITED(status)) return "worker exited with code " + std::to_string(WEXITSTATUS(status));
  return "worker ended (status " + std::to_string(status) + ")";
}

}  // namespace

struct WorkerPool::Worker {
  pid_t pid = -1;
  int request_fd = -1, result_fd = -1, log_fd = -1;
  std::string result_buf;  // bytes of an incomplete result line
  std::string log_tail;
  // Documents sent to it, in the order it runs them: the first is running,
  // the others wait in its request pipe.
  std::deque<std::size_t> queue;
  std::optional<WorkResult> pending;    // result line read, the lines after it awaited
  std::string pending_log;              // the log tail when that result line arrived
  ResultFollowers awaited;              // which lines are still to come
  Clock::time_point started, deadline;  // of the running document
  int sent = 0;                         // documents handed to this process
  StageBoard board;                     // the step its running document is in
  bool retire = false;                  // restart once its queue is empty
  bool alive() const { return pid > 0; }
  bool busy() const { return !queue.empty(); }
};

WorkerPool::WorkerPool(WorkerPoolOptions options)
    : options_(std::move(options)), pipeline_line_(encode_pipeline(options_.worker.pipeline)) {
  workers_.resize(static_cast<std::size_t>(std::max(1, options_.workers)));
  // A worker that dies while we write its request must not kill the parent.
  signal(SIGPIPE, SIG_IGN);
}

WorkerPool::~WorkerPool() {
  for (auto& w : workers_) stop(w, true);
}

void WorkerPool::spawn(Worker& w) {
  int req[2], res[2], log[2];
  if (pipe2(req, O_CLOEXEC) || pipe2(res, O_CLOEXEC) || pipe2(log, O_CLOEXEC))
    throw Error(std::string("cannot create worker pipes: ") + strerror(errno));
  // argv[0] is the binary's real path, so `ps` shows what runs; the path
  // executed may be /proc/self/exe.
  std::error_code ec;
  auto shown = fs::read_symlink(options_.executable, ec);
  std::vector<std::string> args = {ec ? options_.executable.string() : shown.string(),
                                   kWorkerCommand,
                                   "--out",
                                   options_.worker.out_dir.string(),
                                   "--memory-limit-mb",
                                   std::to_string(options_.worker.memory_limit_mb),
                                   "--for-batch",
                                   options_.worker.for_batch ? "1" : "0"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string exe = options_.executable.string();
  StageBoard board = StageBoard::create();
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) throw Error(std::string("cannot start a worker: ") + strerror(errno));
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec. Workers die with the
    // parent (kill -9 of the run leaves no orphan still writing outputs).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(kWorkerSetupFailed);
    place_fd(req[0], kWorkerRequestFd);
    place_fd(res[1], kWorkerResultFd);
    place_fd(log[1], STDOUT_FILENO);
    place_fd(log[1], STDERR_FILENO);
    place_fd(board.fd(), kWorkerStageFd);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, STDIN_FILENO);
    // The targets are open across exec; every other pipe closes on exec.
    execv(exe.c_str(), argv.data());
    const char msg[] = "docpipe worker: exec failed\n";
    (void)!::write(STDERR_FILENO, msg, sizeof msg - 1);
    _exit(kWorkerSetupFailed);
  }
  ::close(req[0]);
  ::close(res[1]);
  ::close(log[1]);
  w = Worker{};
  w.board = std::move(board);
  w.pid = pid;
  w.request_fd = req[1];
  w.result_fd = res[0];
  w.log_fd = log[0];
  // The pipeline comes first; a worker that died at once shows in its result
  // pipe, as for a request.
  write_all(w.request_fd, pipeline_line_);
}

void WorkerPool::stop(Worker& w, bool kill_it) {
  if (!w.alive()) return;
  close_fd(w.request_fd);  // a healthy worker exits when its request pipe closes
  int status = 0;
  bool reaped = false;
  if (!kill_it) {
    // A plugin whose destructor hangs must not hang the run: an idle worker
    // gets two seconds to exit, then is killed (its outputs are all committed).
    for (int i = 0; i < 200 && !reaped; ++i) {
      reaped = waitpid(w.pid, &status, WNOHANG) != 0;
      if (!reaped) usleep(10000);
    }
  }
  if (!reaped) {
    kill(w.pid, SIGKILL);
    waitpid(w.pid, &status, 0);
  }
  close_fd(w.result_fd);
  close_fd(w.log_fd);
  w.pid = -1;
}

// The state of one run(): what is left to hand out.
struct WorkerPool::Run {
  const InputList& items;
  const std::vector<std::size_t>& todo;
  const ExecutionFeed& feed;
  std::size_t next = 0;
  std::set<std::size_t> retry;  // sent to a worker that ended before running them

  bool has_work() const { return !retry.empty() || next < todo.size(); }
  std::size_t peek() const { return !retry.empty() ? *retry.begin() : todo[next]; }
  std::size_t take() {
    if (retry.empty()) return todo[next++];
    auto i = *retry.begin();
    retry.erase(retry.begin());
    return i;
  }
  void hand_back(std::deque<std::size_t>& queue) {
    retry.insert(queue.begin(), queue.end());
    queue.clear();
  }
};

bool WorkerPool::any_busy() const {
  return std::any_of(workers_.begin(), workers_.end(), [](auto& w) { return w.busy(); });
}

void WorkerPool::start_running(Worker& w) {
  w.log_tail.clear();
  w.started = Clock::now();
  w.deadline = w.started + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(options_.timeout_seconds));
}

// The running document ended without a result (crash, time-out): report it,
// and hand what was queued behind it to the pool again.
void WorkerPool::finish_crashed(Worker& w, Run& run, Outcome outcome, ErrorKind kind,
                                const std::string& why) {
  ExecutedDocument d;
  d.index = w.queue.front();
  d.result.input = std::string(run.items.path(d.index));
  d.result.outcome = outcome;
  d.result.error_kind = kind;
  d.result.stage = w.board.read();
  d.result.error = why;
  d.result.seconds = std::chrono::duration<double>(Clock::now() - w.started).count();
  d.log_excerpt = w.log_tail;
  w.queue.pop_front();
  run.hand_back(w.queue);
  run.feed.on_done(std::move(d));
}

// Each worker gets its next document while it runs the current one, so it
// never waits for the parent between documents (the parent spends about a
// millisecond per result on batch writers and the ledger). Only the first
// document of a queue is running: a crash or time-out blames it alone, and
// the documents queued behind it go to a worker again.
void WorkerPool::dispatch(Worker& w, Run& run) {
  constexpr std::size_t kQueueDepth = 2;
  while (run.has_work() && run.feed.may_dispatch(run.peek())) {
    if (w.alive() &&
        (w.retire || (options_.recycle_after > 0 && w.sent >= options_.recycle_after))) {
      if (w.busy()) return;  // restarted once it has run what it has
      stop(w, false);
    }
    if (w.queue.size() >= kQueueDepth) return;
    if (!w.alive()) spawn(w);
    std::size_t i = run.take();
    w.queue.push_back(i);
    ++w.sent;
    if (w.queue.size() == 1) start_running(w);
    // A failed write means the worker died; the closed result pipe tells why.
    write_all(w.request_fd, encode_request(i, run.items[i]));
  }
}

void WorkerPool::run(const InputList& items, const std::vector<std::size_t>& todo,
                     const ExecutionFeed& feed) {
  Run run{items, todo, feed, 0, {}};
  while (run.has_work() || any_busy()) {
    for (auto& w : workers_) dispatch(w, run);
    // The consumer refuses more work (run.on_error: stop) and none is running.
    if (!any_busy()) {
      if (run.has_work() && !feed.may_dispatch(run.peek())) break;
      continue;
    }
    wait_for_workers(run);
    enforce_time_limits(run);
  }
}

// Waits until a worker has written something or the nearest deadline, and
// handles what arrived.
void WorkerPool::wait_for_workers(Run& run) {
  std::vector<pollfd> fds;
  std::vector<std::pair<Worker*, bool>> owners;  // (worker, is result fd)
  int timeout_ms = 1000;
  auto now = Clock::now();
  for (auto& w : workers_) {
    if (!w.alive()) continue;
    fds.push_back({w.result_fd, POLLIN, 0});
    owners.emplace_back(&w, true);
    fds.push_back({w.log_fd, POLLIN, 0});
    owners.emplace_back(&w, false);
    if (w.busy() && options_.timeout_seconds > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(w.deadline - now).count();
      timeout_ms = std::max<int>(0, std::min<int>(timeout_ms, static_cast<int>(left) + 1));
    }
  }
  if (fds.empty()) return;
  int n = poll(fds.data(), fds.size(), timeout_ms);
  if (n < 0 && errno != EINTR) throw Error(std::string("poll: ") + strerror(errno));
  for (std::size_t k = 0; n > 0 && k < fds.size(); ++k) {
    Worker& w = *owners[k].first;
    if (!fds[k].revents || !w.alive()) continue;
    if (owners[k].second)
      read_results(w, run);
    else
      read_log(w);
  }
}

// The worker's stdout and stderr: only the tail is kept.
void WorkerPool::read_log(Worker& w) {
  char buf[65536];
  auto got = ::read(w.log_fd, buf, sizeof buf);
  if (got > 0) {
    w.log_tail.append(buf, static_cast<std::size_t>(got));
    if (w.log_tail.size() > 2 * kLogTailBytes)
      w.log_tail.erase(0, w.log_tail.size() - kLogTailBytes);
  }
}

void WorkerPool::read_results(Worker& w, Run& run) {
  char buf[65536];
  auto got = ::read(w.result_fd, buf, sizeof buf);
  if (got < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (got <= 0) return reap(w, run);
  w.result_buf.append(buf, static_cast<std::size_t>(got));
  std::vector<ExecutedDocument> finished;
  std::size_t pos;
  while ((pos = w.result_buf.find('\n')) != std::string::npos) {
    std::string_view line = std::string_view(w.result_buf).substr(0, pos);
    if (!w.pending) {
      w.pending = decode_result(line, w.awaited);
      w.pending->result.input = std::string(run.items.path(w.pending->index));
      w.pending_log = w.log_tail;
    } else if (w.awaited.document) {
      w.pending->document_json.assign(line);
      w.awaited.document = false;
    } else if (w.awaited.summaries) {
      w.pending->batch_summaries_json.assign(line);
      w.pending->result.batch_summaries = nlohmann::json::parse(line);
      w.awaited.summaries = false;
    }
    w.result_buf.erase(0, pos + 1);
    if (w.awaited.document || w.awaited.summaries) continue;
    WorkResult r = std::move(*w.pending);
    w.pending.reset();
    if (r.out_of_memory) w.retire = true;
    // Requests are answered in order: this was the running document.
    if (w.busy() && w.queue.front() == r.index) w.queue.pop_front();
    if (w.busy()) start_running(w);
    finished.push_back({r.index, std::move(r.result), std::move(r.document_json),
                        std::move(r.batch_summaries_json), std::move(w.pending_log)});
  }
  // Keep the worker's queue full before the consumer's work on these
  // results (batch writers, the ledger).
  if (!finished.empty()) dispatch(w, run);
  for (auto& d : finished) run.feed.on_done(std::move(d));
}

// End of the result pipe: the worker is gone. Drain its last words, and
// blame the running document unless the worker left as told.
void WorkerPool::reap(Worker& w, Run& run) {
  char buf[65536];
  ssize_t more;
  while ((more = ::read(w.log_fd, buf, sizeof buf)) > 0)
    w.log_tail.append(buf, static_cast<std::size_t>(more));
  if (w.log_tail.size() > kLogTailBytes) w.log_tail.erase(0, w.log_tail.size() - kLogTailBytes);
  close_fd(w.request_fd);
  int status = 0;
  waitpid(w.pid, &status, 0);
  close_fd(w.result_fd);
  close_fd(w.log_fd);
  w.pid = -1;
  if (WIFEXITED(status) && WEXITSTATUS(status) == kWorkerSetupFailed)
    throw Error("a worker process could not start: " + w.log_tail);
  if (w.retire) {
    // It answered an allocation failure and left as told: what it had
    // queued never started.
    run.hand_back(w.queue);
  } else if (w.busy()) {
    finish_crashed(w, run, Outcome::crashed, ErrorKind::plugin, describe_exit(status));
  }
}

// Documents over their time limit: kill the worker, blame the document.
void WorkerPool::enforce_time_limits(Run& run) {
  if (options_.timeout_seconds <= 0) return;
  const auto now = Clock::now();
  for (auto& w : workers_) {
    if (!w.busy() || !w.alive() || now < w.deadline) continue;
    stop(w, true);
    char limit[32];
    std::snprintf(limit, sizeof limit, "%g", options_.timeout_seconds);
    finish_crashed(w, run, Outcome::timeout, ErrorKind::limit_exceeded,
                   std::string("time limit of ") + limit + " s exceeded; worker killed");
  }
}

}  // namespace docpipe::host
