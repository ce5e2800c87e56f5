#include "host/merge.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "docpipe/error.hpp"
#include "docpipe/json.hpp"
#include "host/atomic_output.hpp"
#include "host/batch_writers.hpp"
#include "host/inputs.hpp"
#include "host/ledger.hpp"
#include "host/plan.hpp"
#include "host/processor.hpp"
#include "host/shard.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

namespace {

std::string short_hash(const std::string& h) { return h.substr(0, 12); }

// "<dir> (shard K/N)": how messages name a shard.
std::string shard_name(const ShardOutput& s) {
  auto k = string_field(s.report, "shard");
  return s.dir.string() + (k.empty() ? " (not sharded)" : " (shard " + k + ")");
}

// The shards must be one pipeline's whole partition: the same processing
// hash, one N, every K from 0 to N-1 exactly once (or a single unsharded run).
void check_partition(const std::vector<ShardOutput>& shards) {
  const auto& first = shards.front();
  const auto hash = string_field(first.report, "pipeline_hash");
  for (const auto& s : shards) {
    if (s.report.value("dry_run", false))
      throw ConfigError(s.report_file.string() + ": the report of a dry run; nothing to merge");
    if (string_field(s.report, "pipeline_hash") != hash)
      throw ConfigError("shards of different pipelines cannot be merged: " + shard_name(first) +
                        " ran '" + string_field(first.report, "pipeline") + "' (processing hash " +
                        short_hash(hash) + "), " + shard_name(s) + " ran '" +
                        string_field(s.report, "pipeline") + "' (processing hash " +
                        short_hash(string_field(s.report, "pipeline_hash")) +
                        "); run every shard with the same pipeline, plugins and data files");
  }
  std::optional<unsigned> count;
  std::map<unsigned, const ShardOutput*> seen;
  for (const auto& s : shards) {
    const auto text = string_field(s.report, "shard");
    if (text.empty()) {
      if (shards.size() > 1)
        throw ConfigError(shard_name(s) +
                          " is the output of a run over the whole collection, not of a shard: "
                          "merge only the outputs of `docpipe run --shard K/N`");
      return;
    }
    Shard k;
    try {
      k = parse_shard(text);
    } catch (const ConfigError&) {
      throw ConfigError(s.report_file.string() + ": shard '" + text + "' is not K/N");
    }
    if (count && *count != k.count)
      throw ConfigError(shard_name(s) + " is one of " + std::to_string(k.count) + " shards, " +
                        shard_name(*seen.begin()->second) + " one of " + std::to_string(*count) +
                        ": these are not shards of one partition");
    count = k.count;
    if (auto [it, added] = seen.emplace(k.index, &s); !added)
      throw ConfigError("shard " + text + " is given twice: " + it->second->dir.string() + " and " +
                        s.dir.string());
  }
  for (unsigned k = 0; k < *count; ++k)
    if (!seen.count(k))
      throw ConfigError("shard " + std::to_string(k) + "/" + std::to_string(*count) +
                        " is missing: merge the output directories of all " +
                        std::to_string(*count) + " shards");
}

// The shard's ledger: where its run recorded it, else the default place in
// its output directory (a ledger moved with the directory).
Ledger open_ledger(const ShardOutput& s) {
  std::vector<fs::path> candidates;
  if (auto recorded = string_field(s.report, "ledger"); !recorded.empty())
    candidates.emplace_back(recorded);
  candidates.push_back(s.dir / ".docpipe" / "ledger.sqlite");
  for (const auto& c : candidates)
    if (auto ledger = Ledger::open_read_only(c)) {
      auto last = ledger->last_run();
      if (!last)
        throw ConfigError(shard_name(s) + ": ledger " + c.string() + " has no run recorded");
      if (last->status != "finished")
        throw ConfigError(shard_name(s) + ": the last run in ledger " + c.string() + " (#" +
                          std::to_string(last->id) + ", started " + last->started + ") " +
                          (last->status == "running" ? std::string("has not finished (still "
                                                                   "running, or killed)")
                                                     : "is " + last->status) +
                          ": run the shard again (it resumes) before merging");
      if (last->started != string_field(s.report, "started") ||
          last->pipeline_hash != string_field(s.report, "pipeline_hash"))
        throw ConfigError(shard_name(s) + ": run-report.json (started " +
                          string_field(s.report, "started") +
                          ") is not from the last run in ledger " + c.string() + " (started " +
                          last->started + ")");
      return std::move(*ledger);
    }
  std::string tried;
  for (const auto& c : candidates) tried += (tried.empty() ? "" : ", ") + c.string();
  throw ConfigError(shard_name(s) + ": its ledger is not found (looked at " + tried + ")");
}

// A document of the merged collection: its record and the shard that has it.
struct MergedDocument {
  DocumentRecord record;
  std::size_t shard;
};

// Every shard's documents in the order one run over the whole collection
// has them: by position in the scan (each shard scanned the whole
// collection), then by path where shards saw different collections.
std::vector<MergedDocument> documents_in_input_order(std::vector<ShardOutput>& shards) {
  std::vector<MergedDocument> all;
  std::unordered_map<std::string, std::size_t> shard_of;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    for (auto& rec : shards[k].documents) {
      if (rec.key.empty())
        throw ConfigError(shards[k].report_file.string() +
                          ": documents without their ledger key (written by a docpipe before "
                          "`merge` existed): run the shard again");
      if (auto [it, added] = shard_of.emplace(rec.key, k); !added)
        throw ConfigError(rec.key + " is in " + shard_name(shards[it->second]) + " and in " +
                          shard_name(shards[k]) + ": these are not shards of one partition");
      all.push_back({std::move(rec), k});
    }
    shards[k].documents = {};
  }
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a.record.position, a.record.key) < std::tie(b.record.position, b.record.key);
  });
  return all;
}

// Feeds the pipeline's batch writers the way a run does (run_recorder.cpp):
// the summary kept in the ledger where the writer summarizes, else the kept
// document, else (a document that failed before it was read) an empty
// document with only its path.
void add_from_ledger(BatchWriters& batch, const DocumentRecord& rec, const Ledger& ledger,
                     RunSummary& summary) {
  if (!batch.any()) return;
  const auto entry = ledger.entry(rec.key);
  DocumentStatus st =
      entry ? DocumentStatus{entry->status, entry->error, entry->seconds}
            : DocumentStatus{std::string(to_string(rec.outcome)), rec.error, rec.seconds};
  const auto summaries = entry ? ledger.cached_summaries(rec.key) : nlohmann::json::object();
  std::optional<Document> doc;
  if (entry && batch.wants_document(summaries))
    if (auto cached = ledger.cached_document(rec.key); !cached.empty())
      doc = document_from_json(nlohmann::json::parse(cached));
  batch.add(rec.input, doc ? &*doc : nullptr, summaries, st, summary);
}

// Every shard's quarantine entries in one list, in input order, each with
// the shard and the path of its entry file.
nlohmann::json quarantine_index(const std::vector<ShardOutput>& shards,
                                const std::vector<MergedDocument>& docs) {
  std::unordered_map<std::string, std::size_t> order;
  for (std::size_t i = 0; i < docs.size(); ++i) order.emplace(docs[i].record.key, i);
  std::vector<std::pair<std::size_t, nlohmann::json>> entries;
  for (const auto& s : shards) {
    const fs::path dir = s.dir / "quarantine";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".json" && e.is_regular_file(ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f);
      auto entry = nlohmann::json::parse(in, nullptr, false);
      if (!entry.is_object()) continue;  // not an entry docpipe wrote
      entry["shard"] = string_field(s.report, "shard");
      entry["entry"] = fs::absolute(f).lexically_normal().string();
      auto it = order.find(string_field(entry, "input"));
      entries.emplace_back(it == order.end() ? docs.size() : it->second, std::move(entry));
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  nlohmann::json list = nlohmann::json::array();
  for (auto& [_, e] : entries) list.push_back(std::move(e));
  return list;
}

}  // namespace

std::vector<ShardOutput> read_shard_outputs(const std::vector<fs::path>& dirs) {
  if (dirs.empty()) throw ConfigError("merge: give the output directories of the shards");
  std::vector<ShardOutput> shards;
  for (const auto& dir : dirs) {
    ShardOutput s{dir, dir / "run-report.json", {}, {}};
    std::ifstream in(s.report_file);
    if (!in)
      throw ConfigError(dir.string() +
                        ": no run-report.json: not the output directory of a finished docpipe run");
    // Each document of the top-level "documents" list becomes a record as
    // soon as it is parsed, and is dropped from the tree.
    bool in_documents = false, has_documents = false;
    auto keep = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
      using E = nlohmann::json::parse_event_t;
      if (depth == 1 && event == E::key) {
        in_documents = parsed == "documents";
        has_documents |= in_documents;
      }
      if (in_documents && depth == 2 && event == E::object_end) {
        s.documents.push_back(record_from_json(parsed));
        return false;
      }
      return true;
    };
    s.report = nlohmann::json::parse(in, keep, false);
    if (!s.report.is_object() || !has_documents || string_field(s.report, "pipeline_hash").empty())
      throw ConfigError(s.report_file.string() + ": not a docpipe run report");
    shards.push_back(std::move(s));
  }
  return shards;
}

RunSummary merge_shards(const Pipeline& pipeline, const PluginRegistry& registry,
                        std::vector<ShardOutput> shards, const fs::path& out_dir) {
  check_partition(shards);
  const auto hash = processing_hash(pipeline, registry);
  if (hash != string_field(shards.front().report, "pipeline_hash"))
    throw ConfigError("pipeline " + pipeline.file.string() + " (processing hash " +
                      short_hash(hash) + ") is not the pipeline the shards ran (" +
                      short_hash(string_field(shards.front().report, "pipeline_hash")) +
                      "): it, a plugin's parameters or a data file changed since; pass the "
                      "pipeline the shards ran with --pipeline, or run the shards again");
  std::error_code ec;
  for (const auto& s : shards)
    if (fs::equivalent(s.dir, out_dir, ec))
      throw ConfigError("merge: --out " + out_dir.string() +
                        " is a shard's output directory; merge into another directory");
  std::vector<Ledger> ledgers;
  for (const auto& s : shards) ledgers.push_back(open_ledger(s));

  RunSummary summary;
  summary.pipeline = string_field(shards.front().report, "pipeline");
  summary.pipeline_hash = hash;
  summary.pipeline_file = fs::absolute(pipeline.file).lexically_normal().string();
  summary.isolation = string_field(shards.front().report, "isolation");
  summary.started = string_field(shards.front().report, "started");
  summary.finished = string_field(shards.front().report, "finished");
  for (std::size_t k = 0; k < shards.size(); ++k) {
    const auto& r = shards[k].report;
    summary.started = std::min(summary.started, string_field(r, "started"));
    summary.finished = std::max(summary.finished, string_field(r, "finished"));
    // Shards run side by side: the collection took as long as the slowest.
    summary.seconds = std::max(summary.seconds, r.value("seconds", 0.0));
    for (const auto& [status, n] : r.value("counts", std::map<std::string, int>{}))
      summary.counts[status] += n;
    for (const auto& [reason, n] : r.value("reasons", std::map<std::string, int>{}))
      summary.reasons[reason] += n;
    const std::string prefix =
        string_field(r, "shard").empty() ? "" : "shard " + string_field(r, "shard") + ": ";
    for (const auto& n : r.value("notes", std::vector<std::string>{}))
      summary.notes.push_back(n.rfind("shard ", 0) == 0 ? n : prefix + n);  // names its shard
    for (const auto& w : r.value("warnings", std::vector<std::string>{}))
      summary.warnings.push_back(prefix + w);
    summary.notes.push_back("merged " + shard_name(shards[k]) + ": run started " +
                            string_field(r, "started") + ", exit code " +
                            std::to_string(r.value("exit_code", 0)) + ", ledger " +
                            ledgers[k].file().string());
  }

  auto docs = documents_in_input_order(shards);
  fs::create_directories(out_dir);
  BatchWriters batch(pipeline, registry, out_dir);
  // Shards of one collection were given the same inputs; if not, the
  // folder holding all of them.
  std::vector<std::string> roots;
  for (const auto& s : shards) roots.push_back(string_field(s.report, "input_root"));
  summary.input_root = common_directory(roots);
  RunInfo info{pipeline.name, pipeline.file.string(), summary.started, {}, summary.input_root};
  for (const auto* p : registry.all()) info.plugin_versions.emplace_back(p->name, p->version);
  batch.begin(info);
  for (const auto& d : docs) add_from_ledger(batch, d.record, ledgers[d.shard], summary);
  batch.finish(RunTotals{summary.finished, summary.counts}, summary);

  auto index = quarantine_index(shards, docs);
  const auto index_file = out_dir / "quarantine.json";
  std::string index_text;
  dump_json(index_text, index, 1);
  write_file_atomically(index_file, index_text + "\n");
  summary.notes.push_back(std::to_string(index.size()) + " documents in quarantine, listed in " +
                          index_file.string());

  for (auto& d : docs) summary.documents.push_back(d.record);
  docs = {};
  summary.report_path = (out_dir / "run-report.json").string();
  summary.write_report(summary.report_path);
  return summary;
}

}  // namespace docpipe::host
