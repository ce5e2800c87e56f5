#include "host/stage_check.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "docpipe/error.hpp"
#include "docpipe/text.hpp"
#include "host/pipeline.hpp"
#include "host/processor.hpp"
#include "host/registry.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

namespace {
constexpr int kCheckRefused = 2;  // the CLI's configuration-error exit code
}  // namespace

int check_stages_main(const fs::path& pipeline_file) {
  try {
    PluginRegistry registry;
    for (const auto& dir : PluginRegistry::default_search_path()) registry.load_directory(dir);
    Pipeline pipeline = load_pipeline(pipeline_file);
    resolve_pipeline(pipeline, registry);
    DocumentProcessor processor(pipeline, registry);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return kCheckRefused;
  }
  return 0;
}

void check_stages_in_child(const fs::path& executable, const fs::path& pipeline_file) {
  int out[2];
  if (pipe2(out, O_CLOEXEC)) throw Error(std::string("cannot create a pipe: ") + strerror(errno));
  std::vector<std::string> args = {executable.string(), kCheckCommand,
                                   fs::absolute(pipeline_file).string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string exe = executable.string();
  pid_t pid = fork();
  if (pid < 0) throw Error(std::string("cannot start a process: ") + strerror(errno));
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    dup2(out[1], STDOUT_FILENO);
    dup2(out[1], STDERR_FILENO);
    execv(exe.c_str(), argv.data());
    const char msg[] = "exec failed\n";
    (void)!::write(STDERR_FILENO, msg, sizeof msg - 1);
    _exit(127);
  }
  ::close(out[1]);
  std::string said;
  char buf[4096];
  for (;;) {
    auto n = ::read(out[0], buf, sizeof buf);
    if (n > 0) {
      if (said.size() < 64 * 1024) said.append(buf, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    break;
  }
  ::close(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  said = text::trim(said);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  if (WIFEXITED(status) && WEXITSTATUS(status) == kCheckRefused) throw ConfigError(said);
  std::string how = WIFSIGNALED(status)
                        ? std::string("killed by signal ") + std::to_string(WTERMSIG(status)) +
                              " (" + strsignal(WTERMSIG(status)) + ")"
                        : "exit code " + std::to_string(WEXITSTATUS(status));
  throw ConfigError(pipeline_file.string() + ": setting up the stages failed (" + how + ")" +
                    (said.empty() ? "" : ": " + said));
}

}  // namespace docpipe::host
