#include "host/document_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "docpipe/error.hpp"
#include "docpipe/json.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

std::string string_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

namespace {

// An unnamed file in the temporary directory (TMPDIR): it disappears with
// the process, however the process ends.
std::FILE* open_spool() {
  const fs::path dir = fs::temp_directory_path();
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {  // a file system without O_TMPFILE: a named file, unlinked at once
    std::string name = (dir / "docpipe-documents-XXXXXX").string();
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(name.c_str());
  }
  std::FILE* f = fd < 0 ? nullptr : ::fdopen(fd, "w+");
  if (!f) {
    if (fd >= 0) ::close(fd);
    throw Error("cannot create the run's document list in " + dir.string() + ": " +
                std::strerror(errno));
  }
  return f;
}

}  // namespace

nlohmann::json record_json(const DocumentRecord& d) {
  nlohmann::json j{{"input", d.input},    {"status", to_string(d.outcome)},
                   {"reason", d.reason},  {"stage", d.stage},
                   {"error", d.error},    {"seconds", std::round(d.seconds * 1000) / 1000},
                   {"outputs", d.outputs}};
  if (d.error_kind != ErrorKind::none) j["error_kind"] = to_string(d.error_kind);
  if (!d.quarantine.empty()) j["quarantine"] = d.quarantine;
  j["key"] = d.key.empty() ? d.input : d.key;
  j["position"] = d.position;
  return j;
}

DocumentRecord record_from_json(const nlohmann::json& j) {
  DocumentRecord d;
  d.input = string_field(j, "input");
  d.outcome = outcome_from_string(string_field(j, "status"));
  if (auto kind = string_field(j, "error_kind"); !kind.empty())
    d.error_kind = error_kind_from_string(kind);
  d.reason = string_field(j, "reason");
  d.stage = string_field(j, "stage");
  d.error = string_field(j, "error");
  d.seconds = j.value("seconds", 0.0);
  if (auto it = j.find("outputs"); it != j.end() && it->is_array())
    for (const auto& o : *it)
      if (o.is_string()) d.outputs.push_back(o.get<std::string>());
  d.quarantine = string_field(j, "quarantine");
  d.key = string_field(j, "key");
  d.position = j.value("position", std::size_t{0});
  return d;
}

std::string error_without_input(const DocumentRecord& d) {
  std::string reason = d.error;
  for (std::size_t pos; !d.input.empty() && (pos = reason.find(d.input)) != std::string::npos;)
    reason.erase(pos, d.input.size());
  while (!reason.empty() && (reason.front() == ':' || reason.front() == ' ')) reason.erase(0, 1);
  return reason;
}

DocumentLog::DocumentLog() = default;

DocumentLog::DocumentLog(DocumentLog&& other) noexcept { *this = std::move(other); }

DocumentLog& DocumentLog::operator=(DocumentLog&& other) noexcept {
  if (this == &other) return *this;
  if (file_) std::fclose(file_);
  file_ = std::exchange(other.file_, nullptr);
  size_ = std::exchange(other.size_, 0);
  slowest_ = std::move(other.slowest_);
  failures_ = std::move(other.failures_);
  groups_ = std::move(other.groups_);
  group_index_ = std::move(other.group_index_);
  quarantined_ = std::exchange(other.quarantined_, 0);
  return *this;
}

DocumentLog::~DocumentLog() {
  if (file_) std::fclose(file_);
}

void DocumentLog::push_back(const DocumentRecord& record) {
  if (!file_) file_ = open_spool();
  std::string line;
  dump_json(line, record_json(record));
  line += '\n';
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size())
    throw Error(std::string("cannot write the run's document list: ") + std::strerror(errno));
  ++size_;
  keep_if_slow(record);
  if (is_failure(record.outcome)) failures_.push_back(record);
  if (is_failure(record.outcome) || record.outcome == Outcome::partial) group_failure(record);
  if (record.reason == "quarantined (unchanged)") ++quarantined_;
}

void DocumentLog::keep_if_slow(const DocumentRecord& record) {
  if (record.outcome == Outcome::skipped || record.outcome == Outcome::to_process) return;
  // After every one at least as slow: equals stay in input order.
  auto at = std::upper_bound(
      slowest_.begin(), slowest_.end(), record.seconds,
      [](double seconds, const DocumentRecord& kept) { return seconds > kept.seconds; });
  if (at == slowest_.end() && slowest_.size() >= kSlowestKept) return;
  slowest_.insert(at, record);
  if (slowest_.size() > kSlowestKept) slowest_.pop_back();
}

void DocumentLog::group_failure(const DocumentRecord& record) {
  std::string reason = error_without_input(record);
  auto key = std::make_tuple(record.outcome, record.stage, reason);
  auto [it, added] = group_index_.try_emplace(std::move(key), groups_.size());
  if (added) groups_.push_back({record.outcome, record.stage, std::move(reason), 0, {}});
  auto& g = groups_[it->second];
  ++g.count;
  if (g.examples.size() < kExamplesKept) g.examples.push_back(record.input);
}

std::vector<FailureGroup> DocumentLog::failure_groups() const {
  auto groups = groups_;
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  return groups;
}

void DocumentLog::for_each_json(const std::function<void(std::string_view)>& visit) const {
  if (!file_) return;
  if (std::fflush(file_) != 0)
    throw Error(std::string("cannot write the run's document list: ") + std::strerror(errno));
  // pread: the stream's own position stays where the next record goes.
  const int fd = ::fileno(file_);
  std::string buf, chunk(1 << 16, '\0');
  off_t offset = 0;
  for (;;) {
    const ssize_t got = ::pread(fd, chunk.data(), chunk.size(), offset);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0)
      throw Error(std::string("cannot read the run's document list: ") + std::strerror(errno));
    if (got == 0) break;
    offset += got;
    buf.append(chunk.data(), static_cast<std::size_t>(got));
    std::size_t start = 0;
    for (std::size_t nl; (nl = buf.find('\n', start)) != std::string::npos; start = nl + 1)
      visit(std::string_view(buf).substr(start, nl - start));
    buf.erase(0, start);
  }
}

void DocumentLog::for_each(const std::function<void(const DocumentRecord&)>& visit) const {
  for_each_json([&](std::string_view line) {
    visit(record_from_json(nlohmann::json::parse(line, nullptr, true, false)));
  });
}

}  // namespace docpipe::host
