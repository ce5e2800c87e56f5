#include "host/run_summary.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "docpipe/json.hpp"

namespace docpipe::host {

std::string now_iso8601() {
  auto t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

namespace {

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

}  // namespace

int RunSummary::exit_code() const {
  for (const auto& d : documents)
    if (is_failure(d.outcome)) return 1;
  return 0;
}

std::vector<const DocumentRecord*> RunSummary::slowest(std::size_t n) const {
  std::vector<const DocumentRecord*> v;
  for (const auto& d : documents)
    if (d.outcome != Outcome::skipped && d.outcome != Outcome::to_process) v.push_back(&d);
  std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->seconds > b->seconds; });
  if (v.size() > n) v.resize(n);
  return v;
}

std::vector<const DocumentRecord*> RunSummary::failures() const {
  std::vector<const DocumentRecord*> v;
  for (const auto& d : documents)
    if (is_failure(d.outcome)) v.push_back(&d);
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
  if (with_documents) {
    j["documents"] = nlohmann::json::array();
    for (const auto& d : documents) j["documents"].push_back(record_json(d));
  }
  return j;
}

std::string RunSummary::report_text() const {
  // The document list is serialised one record at a time: a JSON tree of
  // every document of a large run would cost far more memory than the text.
  std::string text = to_json(false).dump(1);
  text.pop_back();  // the closing brace
  text += ",\n \"documents\": [";
  for (std::size_t i = 0; i < documents.size(); ++i) {
    text += i ? ",\n  " : "\n  ";
    dump_json(text, record_json(documents[i]));
  }
  text += documents.empty() ? "]\n}\n" : "\n ]\n}\n";
  return text;
}

}  // namespace docpipe::host
