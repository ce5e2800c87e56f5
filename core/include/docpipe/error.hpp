// Error classes. Each maps to a stable CLI exit code (docs/cli.md).
#pragma once

#include <stdexcept>
#include <string>

#include "docpipe/export.hpp"

namespace docpipe {

class DOCPIPE_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The input document is unreadable (corrupt, wrong format, too large...).
// Readers throw it; the runner records it against that document only.
class DOCPIPE_API InputError : public Error {
 public:
  using Error::Error;
};

// The input is not a document at all (a Word lock file, ~$report.docx): the
// runner reports it as skipped, not failed. Readers throw it from read().
class DOCPIPE_API SkippedInput : public InputError {
 public:
  using InputError::InputError;
};

// A pipeline file or command line is wrong. Exit code 2.
class DOCPIPE_API ConfigError : public Error {
 public:
  using Error::Error;
};

// A plugin library cannot be loaded (ABI mismatch, missing symbol, duplicate).
class DOCPIPE_API PluginLoadError : public ConfigError {
 public:
  using ConfigError::ConfigError;
};

}  // namespace docpipe
