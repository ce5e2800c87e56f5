// The plugin ABI: descriptors, the three plugin interfaces and the export
// macro. Every plugin, built-in or third-party, is a shared library that uses
// DOCPIPE_PLUGIN exactly once.
//
// Threading: the host creates one instance of a reader, transform or
// per-document writer for each worker thread, so an instance is never used
// by two threads at once and needs no locking. The factory itself may be
// called from several threads at the same time. A batch writer has exactly
// one instance per run that sees begin/add/add_summary/finish, serialised by
// the host; a writer that summarizes also gets one instance per worker that
// only summarize() is called on.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/error.hpp"
#include "docpipe/export.hpp"
#include "docpipe/model.hpp"
#include "docpipe/version.hpp"

namespace docpipe {

enum class PluginKind : std::uint32_t { reader = 1, transform = 2, writer = 3 };
DOCPIPE_API const char* to_string(PluginKind k);

inline constexpr std::uint32_t kDescriptorMagic = 0x4c505044;  // "DPPL"

// The descriptor is plain data with a fixed layout for every ABI major. The
// host does not read it from the library: docpipe-plugin-manifest copies it
// into the plugin's manifest at build time, and the host reads that before
// it loads any of the plugin's code (docs/plugins.md, section 6).
// Field order is part of the ABI: add fields only at the end (a minor bump).
struct PluginDescriptor {
  std::uint32_t magic = kDescriptorMagic;
  std::uint32_t abi_major = DOCPIPE_ABI_MAJOR;
  std::uint32_t abi_minor = DOCPIPE_ABI_MINOR;
  PluginKind kind = PluginKind::transform;
  const char* name = "";          // unique, e.g. "read.txt", "clean.watermark"
  const char* version = "0.0.0";  // the plugin's own semantic version
  const char* description = "";   // one line
  // JSON Schema (draft 7 / 2020-12 subset) of the stage's `with:` parameters.
  const char* params_schema = R"({"type":"object","additionalProperties":false})";
  // Readers: comma-separated formats (file extensions without dot), e.g.
  // "html,htm". Writers: the output extensions they produce. Else empty.
  const char* formats = "";
  // Writers: true when the writer sees the whole run (begin/add/finish).
  bool batch = false;
};

// Parameters of one stage: the pipeline's `with:` mapping, already validated
// against the plugin's schema, with the schema's defaults filled in by the
// host (docpipe/schema_defaults.hpp). Defaults live only in the schema: a
// plugin reads every parameter with get<T>(key), without a fallback.
class DOCPIPE_API Params {
 public:
  Params() = default;
  explicit Params(nlohmann::json j) : json_(std::move(j)) {}
  const nlohmann::json& json() const { return json_; }
  bool has(const std::string& key) const { return json_.is_object() && json_.contains(key); }
  // The parameter `key` as a T. Present whenever the schema gives it a
  // default or requires it; throws ConfigError naming the key when it is
  // absent or not a T (the plugin's code and its own schema disagree). Read
  // parameters in the plugin's constructor: the host adds the stage's name
  // to whatever the constructor throws.
  template <class T>
  T get(const std::string& key) const {
    if (!has(key) || json_.at(key).is_null())
      throw ConfigError("parameter '" + key +
                        "' is missing: the plugin's parameter schema gives it no default");
    try {
      return json_.at(key).get<T>();
    } catch (const nlohmann::json::exception& e) {
      throw ConfigError("parameter '" + key + "' has the wrong type: " + e.what());
    }
  }

 private:
  nlohmann::json json_ = nlohmann::json::object();
};

// What the host tells a plugin when it creates an instance.
struct PluginEnv {
  std::string stage_id;           // id of the stage in the pipeline
  std::filesystem::path library;  // the plugin's shared library
  // Directory for the plugin's shipped data files: <library dir>/<plugin name>/
  std::filesystem::path data_dir;
};

class Reader;
class Transform;
class Writer;
class BatchWriter;

class DOCPIPE_API Plugin {
 public:
  virtual ~Plugin();
  virtual Reader* as_reader() { return nullptr; }
  virtual Transform* as_transform() { return nullptr; }
  virtual Writer* as_writer() { return nullptr; }
  virtual BatchWriter* as_batch_writer() { return nullptr; }
};

// One input file as the host hands it to a reader.
struct InputFile {
  std::filesystem::path path;
  std::string_view bytes;
};

class DOCPIPE_API Reader : public Plugin {
 public:
  Reader* as_reader() override { return this; }
  // How sure the reader is that it can read this input, 0 (no) .. 100 (yes),
  // from the path and the first bytes (up to 64 KiB): content, not only the
  // extension. The host picks the reader with the highest score.
  virtual int sniff(const std::filesystem::path& path, std::string_view head) const = 0;
  // Builds the document. Throws docpipe::InputError on bad input.
  // The host fills source.path, byte_size and sha256 afterwards.
  virtual Document read(const InputFile& input) = 0;
};

class DOCPIPE_API Transform : public Plugin {
 public:
  Transform* as_transform() override { return this; }
  // Changes the document in place, recording every edit (Document::record_edit).
  virtual void apply(Document& doc) = 0;
};

// A file the host commits atomically: a writer either returns bytes through
// write() or writes a file at temp_path(); the host renames it into place
// only when the writer returns without throwing.
class DOCPIPE_API OutputFile {
 public:
  OutputFile(std::filesystem::path target, std::filesystem::path temp);
  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temp_path() const { return temp_; }
  void write(std::string_view bytes);  // replaces the temp file's content

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
};

class DOCPIPE_API Writer : public Plugin {
 public:
  Writer* as_writer() override { return this; }
  virtual void write(const Document& doc, OutputFile& out) = 0;
};

// Facts about a run for batch writers.
struct RunInfo {
  std::string pipeline_name;
  std::string pipeline_path;
  std::string started;  // ISO 8601 local time
  std::vector<std::pair<std::string, std::string>> plugin_versions;
  // ABI 3.1: the directory the run's input paths are shown relative to (the
  // input folder, or the deepest folder holding all inputs given); empty when
  // the inputs share none. A document's source.path stays as the run saw it.
  std::string input_root;
};

// Outcome of one document, given to batch writers with the document.
struct DocumentStatus {
  std::string status;  // ok, partial, failed, timeout, crashed, skipped
  std::string error;   // reason when not ok
  double seconds = 0;
};

struct RunTotals {
  std::string finished;               // ISO 8601 local time
  std::map<std::string, int> counts;  // by status
};

class DOCPIPE_API BatchWriter : public Plugin {
 public:
  BatchWriter* as_batch_writer() override { return this; }
  virtual void begin(const RunInfo& run) = 0;
  virtual void add(const Document& doc, const DocumentStatus& status) = 0;
  virtual void finish(const RunTotals& totals, OutputFile& out) = 0;

  // ABI 1.1 (the host calls these only on plugins built for 1.1 or later).
  // A batch writer that summarizes is fed in two halves, like a map and a
  // reduce: summarize() runs where the document was processed (a worker
  // process or thread, on an instance of its own that never sees begin or
  // finish), and add_summary() runs in the parent, in input order, with what
  // summarize() returned. The parent then never rebuilds whole documents,
  // and the run ledger keeps the summary instead of the document, so a later
  // run that skips unchanged documents still feeds them to the writer.
  // add() remains for documents that have no summary. Keep summaries small:
  // only what the batch output shows.
  virtual bool summarizes() const { return false; }
  virtual nlohmann::json summarize(const Document& doc) const {
    (void)doc;
    return nullptr;
  }
  virtual void add_summary(const nlohmann::json& summary, const DocumentStatus& status) {
    (void)summary;
    (void)status;
  }
};

// What the plugin's entry point tells the host. Nothing is thrown across the
// boundary between a plugin and the host: an exception object whose type
// lives in the plugin would outlive the library if the host unloaded it
// while the exception travelled (issue 15). The message goes through a
// function of the host's, so the host owns its copy.
enum class PluginStatus : std::int32_t {
  ok = 0,
  config_error = 1,  // the constructor threw ConfigError (bad parameter, missing data file)
  input_error = 2,   // it threw InputError
  error = 3,         // it threw anything else
};

// The host's receiver of an error message: copies `message` into `context`.
using ErrorSink = void(void* context, const char* message) noexcept;

// The entry point every plugin exports (ABI 3.0): creates an instance into
// *out and returns ok, or reports why it cannot and returns another status.
using PluginFactory = PluginStatus(const PluginEnv& env, const Params& params, Plugin** out,
                                   ErrorSink* report, void* context) noexcept;

namespace detail {
// Runs `make` inside the plugin and turns whatever it throws into a status
// and a message, so plugin authors write ordinary C++ constructors.
// Compiled into the plugin (a template in this header), so the catch runs
// where the exception's type lives.
template <class Make>
PluginStatus guarded_create(Plugin** out, ErrorSink* report, void* context, Make make) noexcept {
  *out = nullptr;
  try {
    *out = make();
    return PluginStatus::ok;
  } catch (const ConfigError& e) {
    report(context, e.what());
    return PluginStatus::config_error;
  } catch (const InputError& e) {
    report(context, e.what());
    return PluginStatus::input_error;
  } catch (const std::exception& e) {
    report(context, e.what());
    return PluginStatus::error;
  } catch (...) {
    report(context, "unknown exception");
    return PluginStatus::error;
  }
}
}  // namespace detail

}  // namespace docpipe

// Exports the descriptor and the factory of a plugin class. Use once per
// library:
//   DOCPIPE_PLUGIN(MyTransform, .kind = docpipe::PluginKind::transform,
//                  .name = "office.mask", .version = "1.0.0",
//                  .description = "...", .params_schema = R"({...})")
// The class needs a constructor (const PluginEnv&, const Params&); whatever
// it throws reaches the host as a status and a message (detail::guarded_create).
#define DOCPIPE_PLUGIN(CLASS, ...)                                                                 \
  extern "C" DOCPIPE_PLUGIN_EXPORT const ::docpipe::PluginDescriptor docpipe_plugin_descriptor = { \
      __VA_ARGS__};                                                                                \
  extern "C" DOCPIPE_PLUGIN_EXPORT ::docpipe::PluginStatus docpipe_plugin_create(                  \
      const ::docpipe::PluginEnv& env, const ::docpipe::Params& params, ::docpipe::Plugin** out,   \
      ::docpipe::ErrorSink* report, void* context) noexcept {                                      \
    return ::docpipe::detail::guarded_create(out, report, context,                                 \
                                             [&] { return new CLASS(env, params); });              \
  }
