// The line protocol between the parent and its worker processes. The parent
// first writes the resolved pipeline (resolved_pipeline.hpp) as one line on
// the worker's fd 3, then one request line per document there; the worker
// answers one result line on fd 4 (and a document line when batch writers
// need the whole document; batch summaries travel in the result line). Lines are compact JSON, so
// paths and error messages need no escaping rules of their own. A worker's stdout and stderr go to
// a third pipe the parent keeps the tail of (log excerpts).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "host/inputs.hpp"
#include "host/processor.hpp"

namespace docpipe::host {

inline constexpr int kWorkerRequestFd = 3;
inline constexpr int kWorkerResultFd = 4;
// Exit code of a worker that could not load the pipeline: the run fails
// instead of blaming each document in turn.
inline constexpr int kWorkerSetupFailed = 86;
// The hidden subcommand that runs a worker: `docpipe __worker ...`.
inline constexpr const char* kWorkerCommand = "__worker";

struct WorkerConfig {
  // The pipeline the parent resolved and hashed, sent as the first line of
  // the request pipe: a worker never reads the YAML, so an edit during a
  // run reaches no document of it (workers restart during a run).
  nlohmann::json pipeline;
  std::filesystem::path out_dir;
  long memory_limit_mb = 0;  // RLIMIT_AS of the worker; 0 = none
  // Batch writers are active: answer with each document's batch summaries,
  // and its JSON when some batch writer takes whole documents.
  bool for_batch = false;
};

struct WorkResult {
  std::size_t index = 0;
  ProcessResult result;
  std::string document_json;  // set when a batch writer takes whole documents
  // The batch summaries as JSON text (an object keyed by stage id), set when
  // decoding: the parent keeps this text in the ledger without writing the
  // parsed object (result.batch_summaries) out again.
  std::string batch_summaries_json;
  bool out_of_memory = false;  // the worker exits after answering
};

// What follows a result line, each on a line of its own.
struct ResultFollowers {
  bool document = false;   // the document's JSON
  bool summaries = false;  // the batch summaries object
};

// Batch summaries as the text they travel and are kept in the ledger as;
// invalid UTF-8 a plugin left in them becomes U+FFFD.
std::string summaries_text(const nlohmann::json& summaries);
// A document's JSON as it travels and is kept in the ledger (for batch
// writers that take whole documents); invalid UTF-8 becomes U+FFFD there too,
// instead of failing the document at its last step.
std::string document_text(const Document& doc);

std::string encode_request(std::size_t index, const InputItem& item);
void decode_request(std::string_view line, std::size_t& index, InputItem& item);
// One result line, then the document's JSON and the batch summaries, each on
// a line of its own, when set.
std::string encode_result(const WorkResult& r);
// Decodes a result line and says which lines follow it.
WorkResult decode_result(std::string_view line, ResultFollowers& follows);

// The first line a worker reads.
std::string encode_pipeline(const nlohmann::json& resolved_pipeline);

// Worker process entry: reads the pipeline from the request pipe, then serves
// requests until the pipe closes. `config.pipeline` is not used (it arrives
// over the pipe). Returns the process exit code.
int worker_main(const WorkerConfig& config);

}  // namespace docpipe::host
