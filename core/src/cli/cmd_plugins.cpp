// docpipe validate PIPELINE... and docpipe plugins list|info|new.
#include <iostream>

#include "cli/common.hpp"
#include "docpipe/error.hpp"

namespace docpipe::cli {

int cmd_validate(const Args& args) {
  po::options_description opts("docpipe validate options");
  opts.add(common_options());
  po::options_description hidden;
  hidden.add_options()("pipeline", po::value<std::vector<std::string>>());
  po::positional_options_description pos;
  pos.add("pipeline", -1);
  po::variables_map vm;
  if (!parse_args(
          args, opts, pos, vm,
          "usage: docpipe validate PIPELINE...\n"
          "Checks pipelines against the pipeline schema and every stage's parameter schema.",
          &hidden))
    return kOk;
  apply_common(vm);
  if (!vm.count("pipeline")) throw ConfigError("validate: at least one PIPELINE file is required");
  auto registry = default_registry();
  int rc = kOk;
  for (const auto& file : vm["pipeline"].as<std::vector<std::string>>()) {
    try {
      auto p = load_resolved(file, registry);
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
  po::options_description hidden;
  hidden.add_options()("name", po::value<std::string>());
  po::positional_options_description pos;
  pos.add("name", 1);
  po::variables_map vm;
  if (!parse_args(args, opts, pos, vm, "usage: docpipe plugins info NAME [--path DIR]", &hidden))
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
    if (!near.empty()) msg += "; did you mean '" + near.front() + "'?";
    throw ConfigError(msg);
  }
  std::cout << "name:        " << p->name << "\n"
            << "kind:        " << to_string(p->kind) << (p->batch ? " (batch)" : "") << "\n"
            << "version:     " << p->version << "\n"
            << "abi:         " << p->abi_major << "." << p->abi_minor << "\n"
            << "description: " << p->description << "\n"
            << "library:     " << p->library.string() << "\n";
  if (!p->formats.empty()) std::cout << "formats:     " << p->formats << "\n";
  std::cout << "parameters (JSON Schema):\n"
            << nlohmann::json::parse(p->params_schema).dump(2) << "\n";
  return kOk;
}

}  // namespace

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
