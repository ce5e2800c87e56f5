#include "office_converter.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <docpipe/error.hpp>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace docpipe::readers {
namespace fs = std::filesystem;
namespace {

// file:// URL of a local path, as LibreOffice's -env:UserInstallation wants.
std::string file_url(const fs::path& p) {
  static const char* kHex = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : p.string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

std::string tail_of(const fs::path& log) {
  std::ifstream in(log);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty() && line.find("javaldx") == std::string::npos) last = line;
  return last;
}

bool write_file(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

OfficeConverter::OfficeConverter(ConverterOptions options) : options_(std::move(options)) {}

fs::path OfficeConverter::find_program() const {
  const std::string& prog = options_.program;
  if (prog.find('/') != std::string::npos) return access(prog.c_str(), X_OK) == 0 ? prog : "";
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    fs::path candidate = fs::path(dir) / prog;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

std::string OfficeConverter::to_docx(const std::string& file, std::string_view bytes) {
  fs::path program = find_program();
  if (program.empty())
    throw InputError(file + ": reading Word 97-2003/WPS files needs LibreOffice, but '" +
                     options_.program +
                     "' is not installed (on Debian: apt-get install libreoffice-writer-nogui; "
                     "or set read.doc's `converter` to its path)");
  // A private directory per conversion, removed when it ends however it
  // ends: the host may SIGKILL an idle worker at the end of a run, so
  // nothing may wait for a destructor to be cleaned up. It holds the
  // LibreOffice profile (half a second of CPU to make afresh: a fair price
  // for never sharing, locking or leaking one) and the job.
  std::string tmpl = (fs::temp_directory_path() / "docpipe-doc-XXXXXX").string();
  if (!mkdtemp(tmpl.data()))
    throw InputError(
        file + ": cannot make a temporary directory for LibreOffice: " + std::strerror(errno));
  const fs::path work = tmpl;
  struct RemoveOnExit {
    fs::path dir;
    ~RemoveOnExit() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } remove_on_exit{work};
  const fs::path profile = work / "profile";
  const fs::path job = work / "job";
  std::error_code made;
  fs::create_directories(job / "out", made);
  if (made) throw InputError(file + ": cannot make a directory for LibreOffice: " + made.message());
  // The input under a plain name: nothing in the user's file name can be
  // taken for an option, and the original is never opened by LibreOffice.
  std::string ext = fs::path(file).extension().string();
  if (ext.empty() || ext.size() > 8) ext = ".doc";
  const fs::path input = job / ("document" + ext);
  if (!write_file(input, bytes))
    throw InputError(file + ": cannot write a copy for LibreOffice to " + input.string());
  const fs::path log = job / "soffice.log";

  // Everything the child needs is made before fork: after it, only
  // async-signal-safe calls (the parent may have threads).
  std::vector<std::string> args = {program.string(), "-env:UserInstallation=" + file_url(profile),
                                   "--headless",     "--norestore",
                                   "--nolockcheck",  "--nologo",
                                   "--convert-to",   "docx:MS Word 2007 XML",
                                   "--outdir",       (job / "out").string(),
                                   input.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string log_path = log.string(), job_dir = job.string();

  pid_t pid = fork();
  if (pid < 0) throw InputError(file + ": cannot start LibreOffice: " + std::strerror(errno));
  if (pid == 0) {
    setpgid(0, 0);  // its own group: on a time-out the whole tree is killed
    int in = open("/dev/null", O_RDONLY);
    int out = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in >= 0) dup2(in, 0);
    if (out >= 0) dup2(out, 1), dup2(out, 2);
    if (chdir(job_dir.c_str()) != 0) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  setpgid(pid, pid);  // also from the parent, so the group exists before any kill

  const auto deadline =
      std::chrono::steady_clock::now() +
      std::chrono::milliseconds(static_cast<long>(options_.timeout_seconds * 1000));
  int status = 0;
  bool reaped = true;  // false when the child's status was lost (reaped elsewhere)
  for (;;) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) {
      reaped = false;
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      throw InputError(file + ": LibreOffice did not convert it within read.doc's timeout (" +
                       std::to_string(static_cast<int>(options_.timeout_seconds)) + " s); killed");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid, SIGKILL);  // no helper process outlives the conversion

  const fs::path docx = job / "out" / "document.docx";
  if (!fs::exists(docx)) {
    std::string why = tail_of(log);
    std::string code = !reaped               ? "exit status unknown"
                       : WIFEXITED(status)   ? "exit " + std::to_string(WEXITSTATUS(status))
                       : WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                             : "status " + std::to_string(status);
    if (reaped && WIFEXITED(status) && WEXITSTATUS(status) == 127)
      why = "could not run " + program.string();
    throw InputError(file + ": LibreOffice could not convert it to DOCX (" + code + ")" +
                     (why.empty() ? "" : ": " + why));
  }
  return read_file(docx);
}

}  // namespace docpipe::readers
