#include "host/run_summary.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>

#include "docpipe/error.hpp"
#include "docpipe/json.hpp"
#include "host/atomic_output.hpp"

namespace docpipe::host {

std::string now_iso8601() {
  auto t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

int RunSummary::exit_code() const { return documents.failures().empty() ? 0 : 1; }

std::vector<const DocumentRecord*> RunSummary::slowest(std::size_t n) const {
  std::vector<const DocumentRecord*> v;
  for (const auto& d : documents.slowest())
    if (v.size() < n) v.push_back(&d);
  return v;
}

std::vector<const DocumentRecord*> RunSummary::failures() const {
  std::vector<const DocumentRecord*> v;
  for (const auto& d : documents.failures()) v.push_back(&d);
  return v;
}

nlohmann::json RunSummary::to_json(bool with_documents) const {
  nlohmann::json slow = nlohmann::json::array(), failed = nlohmann::json::array();
  for (const auto* d : slowest(10))
    slow.push_back({{"input", d->input}, {"seconds", std::round(d->seconds * 1000) / 1000}});
  for (const auto* d : failures()) failed.push_back(record_json(*d));
  nlohmann::json j{{"pipeline", pipeline},   {"pipeline_hash", pipeline_hash},
                   {"ledger", ledger},       {"shard", shard},
                   {"isolation", isolation}, {"dry_run", dry_run},
                   {"started", started},     {"finished", finished},
                   {"seconds", seconds},     {"exit_code", exit_code()},
                   {"counts", counts},       {"reasons", reasons},
                   {"slowest", slow},        {"failures", failed},
                   {"notes", notes},         {"batch_outputs", batch_outputs},
                   {"warnings", warnings}};
  j["pipeline_file"] = pipeline_file;
  j["input_root"] = input_root;
  if (with_documents) {
    j["documents"] = nlohmann::json::array();
    documents.for_each([&](const DocumentRecord& d) { j["documents"].push_back(record_json(d)); });
  }
  return j;
}

void RunSummary::write_report(const std::filesystem::path& target) const {
  // The document list goes from the spool to the file one record at a time:
  // the text of a large run's list is tens of megabytes, a JSON tree of it
  // far more.
  std::string head = to_json(false).dump(1);
  head.pop_back();  // the closing brace
  head += ",\n \"documents\": [";
  write_output(target, [&](OutputFile& out) {
    std::ofstream f(out.temp_path(), std::ios::binary | std::ios::trunc);
    f << head;
    bool first = true;
    documents.for_each_json([&](std::string_view line) {
      f << (first ? "\n  " : ",\n  ") << line;
      first = false;
    });
    f << (first ? "]\n}\n" : "\n ]\n}\n");
    f.close();
    if (!f) throw Error("cannot write " + out.temp_path().string());
  });
}

}  // namespace docpipe::host
