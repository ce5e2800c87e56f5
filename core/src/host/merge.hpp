// `docpipe merge`: joins the output directories of the N shards of one
// pipeline (`docpipe run --shard K/N`) into what one machine's run over the
// whole collection writes: one run report, the batch outputs (the XLSX
// summary) rebuilt from the shards' ledgers in input order, and one
// quarantine index. Per-document outputs stay where the shards wrote them.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "host/pipeline.hpp"
#include "host/registry.hpp"
#include "host/runner.hpp"

namespace docpipe::host {

// One shard's output directory and what its last finished run reported.
struct ShardOutput {
  std::filesystem::path dir;
  std::filesystem::path report_file;  // <dir>/run-report.json
  nlohmann::json report;              // without "documents", which are in `documents`
  std::vector<DocumentRecord> documents;
};

// Reads each directory's run-report.json (its document list one record at
// a time: a JSON tree of a large run's list would take gigabytes). Throws ConfigError naming the
// directory when it has none (not a finished run's output) or it is not a
// run report.
std::vector<ShardOutput> read_shard_outputs(const std::vector<std::filesystem::path>& dirs);

// Checks that the shards are one whole partition of one pipeline (the same
// processing hash, one N, every K once, each ledger's last run finished)
// and that `pipeline` is the pipeline they ran; throws ConfigError saying
// which shard differs and how. Then writes into `out_dir`: run-report.json,
// the pipeline's batch outputs and quarantine.json. Throws Error when an
// output cannot be written.
RunSummary merge_shards(const Pipeline& pipeline, const PluginRegistry& registry,
                        std::vector<ShardOutput> shards, const std::filesystem::path& out_dir);

}  // namespace docpipe::host
