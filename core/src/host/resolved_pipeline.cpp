#include "host/resolved_pipeline.hpp"

#include "docpipe/error.hpp"

namespace docpipe::host {

using nlohmann::json;

// run: as it travels to workers, every setting by its member name.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RunSpec, jobs, on_error, out, state, timeout, memory_limit_mb,
                                   recycle_after, isolation, durability)

namespace {

json paths_json(const std::vector<std::filesystem::path>& paths) {
  json a = json::array();
  for (const auto& p : paths) a.push_back(p.string());
  return a;
}

json stage_json(const StageSpec& s) { return {{"use", s.use}, {"id", s.id}, {"with", s.with}}; }

StageSpec stage_from_json(const json& j) {
  StageSpec s;
  s.use = j.at("use").get<std::string>();
  s.id = j.at("id").get<std::string>();
  s.with = j.at("with");
  return s;
}

}  // namespace

json resolved_pipeline_json(const Pipeline& p) {
  json readers = json::array(), stages = json::array(), outputs = json::array();
  for (const auto& s : p.readers) readers.push_back(stage_json(s));
  for (const auto& s : p.stages) stages.push_back(stage_json(s));
  for (const auto& o : p.outputs)
    outputs.push_back({{"use", o.use}, {"id", o.id}, {"path", o.path}, {"with", o.with}});
  return {{"version", p.version},
          {"name", p.name},
          {"file", p.file.string()},
          {"files", paths_json(p.files)},
          {"plugin_paths", paths_json(p.plugin_paths)},
          {"readers", readers},
          {"stages", stages},
          {"outputs", outputs},
          {"run", p.run},
          {"merged", p.merged}};
}

Pipeline pipeline_from_resolved_json(const json& j) {
  try {
    Pipeline p;
    p.version = j.at("version").get<int>();
    p.name = j.at("name").get<std::string>();
    p.file = j.at("file").get<std::string>();
    for (const auto& f : j.at("files")) p.files.emplace_back(f.get<std::string>());
    for (const auto& d : j.at("plugin_paths")) p.plugin_paths.emplace_back(d.get<std::string>());
    for (const auto& s : j.at("readers")) p.readers.push_back(stage_from_json(s));
    for (const auto& s : j.at("stages")) p.stages.push_back(stage_from_json(s));
    for (const auto& o : j.at("outputs")) {
      OutputSpec spec;
      spec.use = o.at("use").get<std::string>();
      spec.id = o.at("id").get<std::string>();
      spec.path = o.at("path").get<std::string>();
      spec.with = o.at("with");
      p.outputs.push_back(std::move(spec));
    }
    p.run = j.at("run").get<RunSpec>();
    p.merged = j.at("merged");
    return p;
  } catch (const json::exception& e) {
    throw ConfigError(std::string("resolved pipeline: ") + e.what());
  }
}

}  // namespace docpipe::host
