// A pipeline as loaded from YAML: plain specs, resolved against the plugin
// registry only by resolve_pipeline(). Relative paths in a pipeline file are
// relative to the directory of that file.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "host/registry.hpp"
#include "host/yaml_json.hpp"

namespace docpipe::host {

// Where a stage or output was written: its file, and its JSON pointer
// there ("/stages/2": the index counts within that file, not the merged
// pipeline), so messages point at the user's own lines.
struct SpecOrigin {
  std::shared_ptr<const YamlDocument> doc;
  std::string pointer;
  // "file:line:col" of a key under the spec (e.g. "/with/extra_patterns"),
  // of its value when the key has no mark, else of the spec.
  std::string where(const std::string& sub = "", bool key = true) const;
  // "stages[2]" as the user's file numbers it.
  std::string key() const;
};

struct StageSpec {
  std::string id;   // defaults to the plugin name
  std::string use;  // plugin name
  nlohmann::json with = nlohmann::json::object();
  std::string where;  // file:line:col of the stage, for messages
  SpecOrigin origin;
};

struct OutputSpec {
  std::string id;
  std::string use;
  std::string path;  // template: {out} {stem} {name} {ext} {reldir}
  nlohmann::json with = nlohmann::json::object();
  std::string where;
  SpecOrigin origin;
};

struct InputSpec {
  std::vector<std::string> paths;  // files, directories or globs
  std::vector<std::string> include = {"*"};
  std::vector<std::string> exclude;
  bool recursive = true;
};

struct RunSpec {
  int jobs = 0;                       // 0 = number of cores
  std::string on_error = "continue";  // continue | stop
  std::string out;                    // default output directory
  std::string state;                  // ledger path; default <out>/.docpipe/ledger.sqlite
  double timeout = 120;               // seconds per document
  long memory_limit_mb = 2048;        // per worker process
  int recycle_after = 1000;           // documents per worker before restart
  std::string isolation = "process";  // process | thread
  // When outputs reach the disk: "end" (one file-system sync when the run
  // ends; an output cut short by a power loss is caught by its size in the
  // ledger and rebuilt) or "each" (a data sync per output before it is
  // renamed into place: also safe against power loss mid-run, slower).
  std::string durability = "end";
};

struct Pipeline {
  int version = 1;
  std::string name;
  std::filesystem::path file;
  std::vector<std::filesystem::path> plugin_paths;
  InputSpec inputs;
  std::vector<StageSpec> readers;  // optional reader parameters
  std::vector<StageSpec> stages;
  std::vector<OutputSpec> outputs;
  RunSpec run;
  std::vector<std::filesystem::path> files;     // the `extends` chain, base first
  std::map<std::string, std::string> run_from;  // run key → "file:line:col" that set it
  nlohmann::json merged;     // the effective pipeline after `extends`, for hashing
  std::string hash() const;  // sha256 of the canonical merged pipeline
};

// Loads, merges `extends` chains and checks against the pipeline schema.
// Throws ConfigError listing every problem as "file:line:col: key: message".
Pipeline load_pipeline(const std::filesystem::path& file);

// Loads plugin_paths into the registry, then checks every stage: the plugin
// exists (else suggests close names), has the right kind, and its `with:`
// validates against its schema (defaults are filled in). Throws ConfigError.
void resolve_pipeline(Pipeline& p, PluginRegistry& registry);

// Path of schemas/pipeline.schema.json (installed or in the source tree).
std::filesystem::path pipeline_schema_path();
// Directory with the bundled pipelines (base.yaml, demo.yaml).
std::filesystem::path bundled_pipeline_dir();

}  // namespace docpipe::host
