// What became of a document, and what kind of error it met: typed, from the
// processor through the worker protocol and the recorder to the summary.
// The words (to_string) are what the ledger, run-report.json, the quarantine
// and batch writers (DocumentStatus) see; no decision is taken on message
// text.
#pragma once

#include <string>
#include <string_view>

namespace docpipe::host {

enum class Outcome {
  ok,
  partial,     // outputs written, but some output or an error diagnostic failed
  failed,      // no output: the input or a plugin failed
  timeout,     // killed after run.timeout
  crashed,     // its worker process died
  skipped,     // not a document (a reader said so), or unchanged since the last run
  to_process,  // dry run only: would be processed ("process")
};

enum class ErrorKind {
  none,
  input,           // the input is unreadable: InputError, no reader, too large
  plugin,          // a plugin threw, crashed or reported an error diagnostic
  limit_exceeded,  // run.timeout or run.memory_limit
  not_a_document,  // a reader's SkippedInput (Word lock files)
};

std::string_view to_string(Outcome o);
std::string_view to_string(ErrorKind k);
// Throws std::invalid_argument for a word that names no outcome or kind.
Outcome outcome_from_string(std::string_view s);
ErrorKind error_kind_from_string(std::string_view s);

// The document's run counts as failed: quarantined, exit code 1.
inline bool is_failure(Outcome o) {
  return o == Outcome::failed || o == Outcome::timeout || o == Outcome::crashed;
}

}  // namespace docpipe::host
