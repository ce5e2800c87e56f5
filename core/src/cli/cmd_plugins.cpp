// docpipe validate PIPELINE... and docpipe plugins list|info|new.
#include <iostream>

#include "cli/common.hpp"
#include "docpipe/error.hpp"
#include "host/schema_check.hpp"
#include "host/stage_check.hpp"

namespace docpipe::cli {

int cmd_validate(const Args& args) {
  po::options_description opts("docpipe validate options");
  opts.add(common_options());
  po::variables_map vm;
  if (!parse_args(
          args, opts, Operand{"pipeline", -1}, vm,
          "usage: docpipe validate PIPELINE...\n"
          "Checks pipelines against the pipeline schema and every stage's parameter schema."))
    return kOk;
  apply_common(vm);
  if (!vm.count("pipeline")) throw ConfigError("validate: at least one PIPELINE file is required");
  auto registry = default_registry();
  int rc = kOk;
  for (const auto& file : vm["pipeline"].as<std::vector<std::string>>()) {
    try {
      auto p = load_resolved(file, registry);
      // Every stage is instantiated with its parameters, in a process of
      // its own as `run` does, so what `run` would refuse is refused here.
      host::check_stages_in_child("/proc/self/exe", file);
      std::cout << file << ": ok (" << p.stages.size() << " stages, " << p.outputs.size()
                << " outputs)\n";
    } catch (const ConfigError& e) {
      std::cerr << e.what() << "\n";
      rc = kConfigError;
    }
  }
  return rc;
}

namespace {

// A value as YAML: JSON's flow style is YAML too.
std::string yaml_value(const nlohmann::json& v) {
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Where a spec came from ("file:line:col"), or "default".
std::string shown_where(const std::string& where) { return where.empty() ? "default" : where; }

void show_pipeline(const host::Pipeline& p, std::ostream& out) {
  out << "# " << p.file.string() << ": the merged pipeline";
  if (p.files.size() > 1) {
    out << " (";
    for (std::size_t i = 0; i < p.files.size(); ++i)
      out << (i ? " <- " : "") << p.files[i].string();
    out << ")";
  }
  out << ", with every default filled in\n"
      << "version: " << p.version << "\n"
      << "name: " << yaml_value(p.name) << "\n";
  if (!p.inputs.paths.empty()) {
    out << "inputs:\n  paths: " << yaml_value(p.inputs.paths) << "\n"
        << "  include: " << yaml_value(p.inputs.include) << "\n"
        << "  exclude: " << yaml_value(p.inputs.exclude) << "\n"
        << "  recursive: " << (p.inputs.recursive ? "true" : "false") << "\n";
  }
  auto specs = [&](const char* key, const std::vector<host::StageSpec>& list) {
    if (list.empty()) return;
    out << key << ":\n";
    for (const auto& s : list)
      out << "  - id: " << yaml_value(s.id) << "  # " << shown_where(s.where) << "\n"
          << "    use: " << yaml_value(s.use) << "\n"
          << "    with: " << yaml_value(s.with) << "\n";
  };
  specs("readers", p.readers);
  specs("stages", p.stages);
  if (!p.outputs.empty()) out << "outputs:\n";
  for (const auto& o : p.outputs)
    out << "  - id: " << yaml_value(o.id) << "  # " << shown_where(o.where) << "\n"
        << "    use: " << yaml_value(o.use) << "\n"
        << "    path: " << yaml_value(o.path) << "\n"
        << "    with: " << yaml_value(o.with) << "\n";
  const auto& r = p.run;
  auto from = [&](const char* key) {
    auto it = p.run_from.find(key);
    return it == p.run_from.end() ? std::string("default") : it->second;
  };
  out << "run:\n";
  auto row = [&](const char* key, const nlohmann::json& v) {
    out << "  " << key << ": " << yaml_value(v) << "  # " << from(key) << "\n";
  };
  row("jobs", r.jobs);
  row("on_error", r.on_error);
  row("out", r.out.empty() ? "./out" : r.out);
  row("state", r.state.empty() ? "<out>/.docpipe/ledger.sqlite" : r.state);
  row("timeout", r.timeout);
  row("memory_limit", r.memory_limit_mb);
  row("recycle_after", r.recycle_after);
  row("isolation", r.isolation);
  row("durability", r.durability);
}

int plugins_list(const Args& args) {
  po::options_description opts("docpipe plugins list options");
  opts.add_options()("path", po::value<std::vector<std::string>>()->composing(),
                     "also load plugins from this directory");
  opts.add(common_options());
  po::positional_options_description pos;
  po::variables_map vm;
  if (!parse_args(args, opts, pos, vm, "usage: docpipe plugins list [--path DIR]")) return kOk;
  apply_common(vm);
  auto registry = default_registry();
  if (vm.count("path"))
    for (const auto& d : vm["path"].as<std::vector<std::string>>()) registry.load_directory(d);
  for (const auto* p : registry.all())
    std::cout << p->name << "\t" << p->version << "\t" << to_string(p->kind)
              << (p->batch ? " (batch)" : "") << "\t" << p->description << "\n";
  for (const auto& e : registry.load_errors()) std::cerr << "refused: " << e << "\n";
  return kOk;
}

int plugins_info(const Args& args) {
  po::options_description opts("docpipe plugins info options");
  opts.add_options()("path", po::value<std::vector<std::string>>()->composing(),
                     "also load plugins from this directory");
  opts.add(common_options());
  po::variables_map vm;
  if (!parse_args(args, opts, Operand{"name", 1}, vm,
                  "usage: docpipe plugins info NAME [--path DIR]"))
    return kOk;
  apply_common(vm);
  if (!vm.count("name")) throw ConfigError("plugins info: a plugin NAME is required");
  auto registry = default_registry();
  if (vm.count("path"))
    for (const auto& d : vm["path"].as<std::vector<std::string>>()) registry.load_directory(d);
  auto name = vm["name"].as<std::string>();
  const auto* p = registry.find(name);
  if (!p) {
    std::string msg = "plugins info: unknown plugin '" + name + "'";
    auto near = registry.suggest(name);
    // Also the names that contain what was typed ("docx" → read.docx, write.docx).
    if (near.empty())
      for (const auto* info : registry.all())
        if (!name.empty() && info->name.find(name) != std::string::npos && near.size() < 5)
          near.push_back(info->name);
    msg += host::did_you_mean(near);
    if (near.empty()) msg += " (see `docpipe plugins list`)";
    throw ConfigError(msg);
  }
  std::cout << "name:        " << p->name << "\n"
            << "kind:        " << to_string(p->kind) << (p->batch ? " (batch)" : "") << "\n"
            << "version:     " << p->version << "\n"
            << "abi:         " << p->abi_major << "." << p->abi_minor << "\n"
            << "description: " << p->description << "\n"
            << "library:     " << p->library.string() << "\n"
            << "manifest:    " << host::manifest_path(p->library).string() << "\n";
  if (!p->formats.empty()) std::cout << "formats:     " << p->formats << "\n";
  std::cout << "parameters (JSON Schema):\n"
            << nlohmann::json::parse(p->params_schema).dump(2) << "\n";
  return kOk;
}

}  // namespace

int cmd_pipeline(const Args& args) {
  const std::string usage = "usage: docpipe pipeline show FILE";
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << usage << "\n";
    return args.empty() ? kConfigError : kOk;
  }
  if (args[0] != "show")
    throw ConfigError("pipeline: unknown subcommand '" + args[0] + "'\n" + usage);
  po::options_description opts("docpipe pipeline show options");
  opts.add(common_options());
  po::variables_map vm;
  if (!parse_args(Args(args.begin() + 1, args.end()), opts, Operand{"file", 1}, vm,
                  usage + "\nPrints the pipeline after `extends`, with defaults filled in and "
                          "where each stage and setting came from."))
    return kOk;
  apply_common(vm);
  if (!vm.count("file")) throw ConfigError("pipeline show: a pipeline FILE is required");
  auto registry = default_registry();
  show_pipeline(load_resolved(vm["file"].as<std::string>(), registry), std::cout);
  return kOk;
}

int cmd_plugins(const Args& args) {
  const std::string usage =
      "usage: docpipe plugins list | info NAME | new NAME --kind transform|reader|writer [--dir D]";
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << usage << "\n";
    return args.empty() ? kConfigError : kOk;
  }
  Args rest(args.begin() + 1, args.end());
  if (args[0] == "list") return plugins_list(rest);
  if (args[0] == "info") return plugins_info(rest);
  if (args[0] == "new") return cmd_plugins_new(rest);
  throw ConfigError("plugins: unknown subcommand '" + args[0] + "'\n" + usage);
}

}  // namespace docpipe::cli
