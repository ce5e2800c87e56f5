#include "host/pipeline.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "docpipe/error.hpp"
#include "docpipe/text.hpp"
#include "host/schema_check.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path exe_dir() {
  boost::system::error_code ec;
  auto p = boost::dll::program_location(ec);
  return ec ? fs::current_path() : fs::path(p.parent_path().string());
}

fs::path first_existing(const std::vector<fs::path>& candidates) {
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::exists(c, ec)) return fs::weakly_canonical(c, ec);
  }
  return candidates.empty() ? fs::path() : candidates.front();
}

const json& pipeline_schema() {
  static const json schema = [] {
    auto path = pipeline_schema_path();
    std::ifstream f(path);
    if (!f) throw ConfigError("cannot open pipeline schema " + path.string());
    return json::parse(f);
  }();
  return schema;
}

// Problems collected while loading; thrown together so a user fixes all at once.
struct Problems {
  std::vector<std::string> items;
  void add(std::string s) { items.push_back(std::move(s)); }
  void throw_if_any() const {
    if (items.empty()) return;
    std::string msg;
    for (const auto& i : items) msg += (msg.empty() ? "" : "\n") + i;
    throw ConfigError(msg);
  }
};

std::string pointer_to_key(const std::string& ptr) {
  // "/stages/2/use" → "stages[2].use"
  std::string out;
  std::stringstream ss(ptr);
  std::string tok;
  std::getline(ss, tok, '/');
  while (std::getline(ss, tok, '/')) {
    bool index = !tok.empty() && std::all_of(tok.begin(), tok.end(), ::isdigit);
    if (index)
      out += "[" + tok + "]";
    else
      out += (out.empty() ? "" : ".") + tok;
  }
  return out.empty() ? "(top level)" : out;
}

// "/a/0" → ".a[0]" for parameters inside `with:`.
std::string pointer_to_key_suffix(const std::string& ptr) {
  if (ptr.empty()) return "";
  auto k = pointer_to_key(ptr);
  return k[0] == '[' ? k : "." + k;
}

// "file:line:col" of the key at `ptr` (unknown keys are pointed at
// themselves), else of its value or closest ancestor.
std::string key_where(const YamlDocument& doc, const std::string& ptr) {
  auto km = doc.key_marks.find(ptr);
  SourceMark m = km != doc.key_marks.end() ? km->second : doc.mark_for(ptr);
  return doc.file.string() + ":" + std::to_string(m.line) + ":" + std::to_string(m.column);
}

void check_schema(const YamlDocument& doc, Problems& problems) {
  for (const auto& e : validate_json(pipeline_schema(), doc.value))
    problems.add(key_where(doc, e.pointer) + ": " + pointer_to_key(e.pointer) + ": " + e.message);
}

// One YAML file with its parent chain merged in. Marks are kept per file so
// messages name the file a stage came from.
struct Layer {
  YamlDocument doc;
  fs::path dir;
};

std::vector<Layer> load_chain(const fs::path& file, Problems& problems) {
  std::vector<Layer> chain;
  std::set<fs::path> seen;
  fs::path current = file;
  while (true) {
    std::error_code ec;
    auto canon = fs::weakly_canonical(current, ec);
    if (seen.count(canon)) {
      problems.add(current.string() + ":1:1: extends: cycle of pipelines");
      break;
    }
    seen.insert(canon);
    Layer layer{load_yaml(current), current.parent_path()};
    check_schema(layer.doc, problems);
    std::string parent;
    if (layer.doc.value.is_object() && layer.doc.value.contains("extends") &&
        layer.doc.value["extends"].is_string())
      parent = layer.doc.value["extends"].get<std::string>();
    chain.push_back(std::move(layer));
    if (parent.empty()) break;
    fs::path next =
        fs::path(parent).is_absolute() ? fs::path(parent) : current.parent_path() / parent;
    if (!fs::exists(next)) {
      // Allow naming a bundled pipeline: extends: base.yaml
      auto bundled = bundled_pipeline_dir() / parent;
      if (fs::exists(bundled))
        next = bundled;
      else {
        problems.add(chain.back().doc.where("/extends") + ": extends: no such pipeline '" + parent +
                     "'");
        break;
      }
    }
    current = next;
  }
  std::reverse(chain.begin(), chain.end());  // base first
  return chain;
}

std::string resolve_rel(const fs::path& dir, const std::string& p) {
  if (p.empty() || fs::path(p).is_absolute()) return p;
  return (dir / p).lexically_normal().string();
}

// What a changed spec keeps of the one it replaces when it does not say.
void inherit(StageSpec&, const StageSpec&) {}
void inherit(OutputSpec& spec, const OutputSpec& old) {
  if (spec.path.empty()) spec.path = old.path;
}

// Merges one stage or output of a layer into what the layers below built:
// the same id replaces in place (or moves, with before/after), `enabled:
// false` removes, a new id is appended or inserted before/after another.
template <class Spec>
void merge_by_id(std::vector<Spec>& base, Spec spec, const json& raw, Problems& problems) {
  auto same = [&](const Spec& s) { return s.id == spec.id; };
  auto it = std::find_if(base.begin(), base.end(), same);
  if (!raw.value("enabled", true)) {
    if (it != base.end()) base.erase(it);
    return;
  }
  // Only an id: the stage of that id below, changed (its plugin kept).
  if (spec.use.empty()) {
    if (it == base.end()) {
      std::vector<std::string> ids;
      for (const auto& s : base) ids.push_back(s.id);
      problems.add(spec.origin.where() + ": " + spec.origin.key() + ": no stage '" + spec.id +
                   "' in the pipelines it extends" + did_you_mean(closest_names(spec.id, ids)) +
                   " (a new stage needs `use:`)");
      return;
    }
    spec.use = it->use;
  }
  if (it != base.end()) inherit(spec, *it);
  std::string anchor_key = raw.contains("before") ? "before" : raw.contains("after") ? "after" : "";
  if (anchor_key.empty()) {
    if (it != base.end())
      *it = std::move(spec);
    else
      base.push_back(std::move(spec));
    return;
  }
  const std::string anchor = raw[anchor_key].get<std::string>();
  if (it != base.end()) base.erase(it);
  auto at = std::find_if(base.begin(), base.end(), [&](const Spec& s) { return s.id == anchor; });
  if (at == base.end()) {
    std::vector<std::string> ids;
    for (const auto& s : base) ids.push_back(s.id);
    problems.add(spec.origin.where("/" + anchor_key) + ": " + spec.origin.key() + "." + anchor_key +
                 ": no stage '" + anchor + "' to insert " + anchor_key +
                 did_you_mean(closest_names(anchor, ids)));
    base.push_back(std::move(spec));
    return;
  }
  base.insert(anchor_key == "before" ? at : at + 1, std::move(spec));
}

// The `run:` mapping of one layer over what the layers before it set.
void apply_run_settings(const json& r, const Layer& layer, Pipeline& p) {
  for (const auto& [key, _] : r.items()) p.run_from[key] = key_where(layer.doc, "/run/" + key);
  p.run.jobs = r.value("jobs", p.run.jobs);
  p.run.on_error = r.value("on_error", p.run.on_error);
  if (r.contains("out")) p.run.out = resolve_rel(layer.dir, r["out"].get<std::string>());
  if (r.contains("state")) p.run.state = resolve_rel(layer.dir, r["state"].get<std::string>());
  p.run.timeout = r.value("timeout", p.run.timeout);
  p.run.memory_limit_mb = r.value("memory_limit", p.run.memory_limit_mb);
  p.run.recycle_after = r.value("recycle_after", p.run.recycle_after);
  p.run.isolation = r.value("isolation", p.run.isolation);
  p.run.durability = r.value("durability", p.run.durability);
}

// The effective pipeline, canonical, for the ledger's pipeline hash. Input
// lists and run settings do not change what a document becomes.
json canonical_json(const Pipeline& p) {
  json stages = json::array();
  for (const auto& s : p.readers)
    stages.push_back({{"reader", s.use}, {"id", s.id}, {"with", s.with}});
  for (const auto& s : p.stages) stages.push_back({{"use", s.use}, {"id", s.id}, {"with", s.with}});
  json outs = json::array();
  for (const auto& o : p.outputs)
    outs.push_back({{"use", o.use}, {"id", o.id}, {"path", o.path}, {"with", o.with}});
  return {{"version", p.version}, {"stages", stages}, {"outputs", outs}};
}

}  // namespace

std::string SpecOrigin::where(const std::string& sub, bool key) const {
  if (!doc) return {};
  if (key) return key_where(*doc, pointer + sub);
  return doc->where(pointer + sub);
}

std::string SpecOrigin::key() const { return pointer_to_key(pointer); }

fs::path pipeline_schema_path() {
  auto dir = exe_dir();
  return first_existing({dir / ".." / "share" / "docpipe" / "schemas" / "pipeline.schema.json",
#ifdef DOCPIPE_SOURCE_DIR
                         fs::path(DOCPIPE_SOURCE_DIR) / "schemas" / "pipeline.schema.json"
#endif
  });
}

fs::path bundled_pipeline_dir() {
  auto dir = exe_dir();
  return first_existing({dir / ".." / "share" / "docpipe" / "pipelines",
#ifdef DOCPIPE_SOURCE_DIR
                         fs::path(DOCPIPE_SOURCE_DIR) / "pipelines"
#endif
  });
}

std::string Pipeline::hash() const { return text::sha256_hex(merged.dump()); }

Pipeline load_pipeline(const fs::path& file) {
  Problems problems;
  auto chain = load_chain(file, problems);
  problems.throw_if_any();
  Pipeline p;
  p.file = file;
  json merged = json::object();
  for (const auto& layer : chain) {
    auto shared_doc = std::make_shared<const YamlDocument>(layer.doc);
    const json& v = layer.doc.value;
    if (!v.is_object()) continue;
    const auto& dir = layer.dir;
    if (v.contains("version")) p.version = v["version"].get<int>();
    if (v.contains("name")) p.name = v["name"].get<std::string>();
    for (const auto& pp : v.value("plugin_paths", json::array()))
      p.plugin_paths.emplace_back(resolve_rel(dir, pp.get<std::string>()));
    if (v.contains("inputs")) {
      const json& in = v["inputs"];
      InputSpec spec;
      if (in.is_array()) {
        for (const auto& x : in) spec.paths.push_back(resolve_rel(dir, x.get<std::string>()));
      } else {
        for (const auto& x : in.value("paths", json::array()))
          spec.paths.push_back(resolve_rel(dir, x.get<std::string>()));
        if (in.contains("include")) spec.include = in["include"].get<std::vector<std::string>>();
        if (in.contains("exclude")) spec.exclude = in["exclude"].get<std::vector<std::string>>();
        spec.recursive = in.value("recursive", true);
      }
      p.inputs = spec;
    }
    auto load_specs = [&](const char* key, std::vector<StageSpec>& into) {
      if (!v.contains(key)) return;
      std::size_t i = 0;
      for (const auto& s : v[key]) {
        StageSpec st;
        st.use = s.value("use", "");
        st.id = s.value("id", st.use);
        st.with = s.value("with", json::object());
        if (st.with.is_null()) st.with = json::object();
        st.where = layer.doc.where("/" + std::string(key) + "/" + std::to_string(i));
        st.origin = {shared_doc, "/" + std::string(key) + "/" + std::to_string(i)};
        merge_by_id(into, std::move(st), s, problems);
        ++i;
      }
    };
    load_specs("readers", p.readers);
    load_specs("stages", p.stages);
    if (v.contains("outputs")) {
      std::size_t i = 0;
      for (const auto& s : v["outputs"]) {
        OutputSpec o;
        o.use = s.value("use", "");
        o.id = s.value("id", o.use);
        o.path = s.value("path", "");
        o.with = s.value("with", json::object());
        if (o.with.is_null()) o.with = json::object();
        o.where = layer.doc.where("/outputs/" + std::to_string(i));
        o.origin = {shared_doc, "/outputs/" + std::to_string(i)};
        merge_by_id(p.outputs, std::move(o), s, problems);
        ++i;
      }
    }
    p.files.push_back(layer.doc.file);
    if (v.contains("run")) apply_run_settings(v["run"], layer, p);
  }
  p.merged = canonical_json(p);
  problems.throw_if_any();  // stages placed next to ids that are not there
  return p;
}

void resolve_pipeline(Pipeline& p, PluginRegistry& registry) {
  Problems problems;
  for (const auto& dir : p.plugin_paths) {
    if (!fs::is_directory(dir)) {
      problems.add(p.file.string() + ": plugin_paths: no such directory '" + dir.string() + "'");
      continue;
    }
    registry.load_directory(dir);
  }
  auto check = [&](const std::string& where, const std::string& use, json& with, PluginKind kind,
                   const std::string& section, const SpecOrigin& origin) {
    const PluginInfo* info = registry.find(use);
    if (!info) {
      std::string msg = where + ": " + section + ".use: unknown plugin '" + use + "'" +
                        did_you_mean(registry.suggest(use));
      // A refused library is named by its file (docpipe_mask_pii.so for
      // "mask-pii"), so match that form too when explaining the miss.
      std::string file_form = "docpipe_" + use;
      for (auto& c : file_form)
        if (c == '.' || c == '-') c = '_';
      for (const auto& e : registry.load_errors())
        if (e.find(use) != std::string::npos || e.find(file_form + ".so") != std::string::npos)
          msg += "\n  note: " + e;
      problems.add(msg);
      return;
    }
    if (info->kind != kind) {
      problems.add(where + ": " + section + ".use: '" + use + "' is a " + to_string(info->kind) +
                   ", expected a " + to_string(kind));
      return;
    }
    json schema = json::parse(info->params_schema);
    for (const auto& e : validate_json(schema, with)) {
      // Pointed at the key's own line in the file that set it.
      std::string at = origin.doc ? origin.where("/with" + e.pointer) : where;
      if (!e.unknown_key.empty())
        problems.add(at + ": " + section + ".with: " + "unknown key '" + e.unknown_key + "' in " +
                     use + "'s `with`" + e.hint);
      else
        problems.add(at + ": " + section + ".with" + pointer_to_key_suffix(e.pointer) + ": " +
                     e.message + " (plugin '" + use + "')");
    }
    apply_schema_defaults(schema, with);
  };
  // Files named by parameters are relative to the file that named them.
  auto resolve_paths = [&](const std::string& use, json& with, const SpecOrigin& origin) {
    if (const PluginInfo* info = registry.find(use))
      resolve_path_params(json::parse(info->params_schema), with,
                          origin.doc ? origin.doc->file.parent_path() : p.file.parent_path());
  };
  // Sections are numbered as in the file that wrote them.
  auto section = [](const SpecOrigin& o, const char* fallback, std::size_t i) {
    return o.doc ? o.key() : std::string(fallback) + "[" + std::to_string(i) + "]";
  };
  for (std::size_t i = 0; i < p.readers.size(); ++i)
    check(p.readers[i].where, p.readers[i].use, p.readers[i].with, PluginKind::reader,
          section(p.readers[i].origin, "readers", i), p.readers[i].origin);
  for (std::size_t i = 0; i < p.stages.size(); ++i)
    check(p.stages[i].where, p.stages[i].use, p.stages[i].with, PluginKind::transform,
          section(p.stages[i].origin, "stages", i), p.stages[i].origin);
  std::set<std::string> ids;
  for (auto& s : p.stages)
    if (!ids.insert(s.id).second)
      problems.add(s.where + ": stages.id: duplicate stage id '" + s.id + "'");
  for (std::size_t i = 0; i < p.outputs.size(); ++i) {
    auto& o = p.outputs[i];
    check(o.where, o.use, o.with, PluginKind::writer, section(o.origin, "outputs", i), o.origin);
    if (o.path.empty()) problems.add(o.where + ": outputs.path: a path template is required");
  }
  problems.throw_if_any();
  // Again, now with the schemas' defaults: a changed default changes what
  // documents become, so it changes the hash too. Paths as written, before
  // they are made absolute: the hash must not depend on where the checkout
  // is (the named files' contents are hashed by data_files_hash).
  p.merged = canonical_json(p);
  // A pipeline that lists no readers gets every reader with its schema's
  // defaults (DocumentProcessor); those defaults shape documents too.
  if (p.readers.empty()) {
    json readers = json::array();
    for (const auto* info : registry.of_kind(PluginKind::reader)) {
      json with = json::object();
      apply_schema_defaults(json::parse(info->params_schema), with);
      readers.push_back({{"reader", info->name}, {"with", with}});
    }
    p.merged["unlisted_readers"] = readers;
  }
  for (auto& s : p.readers) resolve_paths(s.use, s.with, s.origin);
  for (auto& s : p.stages) resolve_paths(s.use, s.with, s.origin);
  for (auto& o : p.outputs) resolve_paths(o.use, o.with, o.origin);
}

}  // namespace docpipe::host
