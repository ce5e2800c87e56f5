#include "cli/common.hpp"

#include <iostream>

#include "cli/logging.hpp"

namespace docpipe::cli {

po::options_description common_options() {
  po::options_description o("Common options");
  o.add_options()("help,h", "show this help")("log-level",
                                              po::value<std::string>()->default_value("info"),
                                              "trace, debug, info, warn, error, off")(
      "log-format", po::value<std::string>()->default_value("text"),
      "text or json (one object per line)")("log-file", po::value<std::string>()->default_value(""),
                                            "also write the log to this file");
  return o;
}

bool parse_args(const Args& args, const po::options_description& visible,
                const po::positional_options_description& positional, po::variables_map& vm,
                const std::string& usage, const po::options_description* hidden) {
  po::options_description all;
  all.add(visible);
  if (hidden) all.add(*hidden);
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << usage << "\n\n" << visible << "\n";
    return false;
  }
  po::notify(vm);
  return true;
}

bool parse_args(const Args& args, const po::options_description& visible, Operand operand,
                po::variables_map& vm, const std::string& usage) {
  po::options_description hidden;
  if (operand.count == 1)
    hidden.add_options()(operand.name, po::value<std::string>());
  else
    hidden.add_options()(operand.name, po::value<std::vector<std::string>>());
  po::positional_options_description pos;
  pos.add(operand.name, operand.count);
  return parse_args(args, visible, pos, vm, usage, &hidden);
}

void apply_common(const po::variables_map& vm) {
  setup_logging(vm["log-level"].as<std::string>(), vm["log-format"].as<std::string>(),
                vm["log-file"].as<std::string>());
}

host::PluginRegistry default_registry() {
  host::PluginRegistry registry;
  for (const auto& dir : host::PluginRegistry::default_search_path()) registry.load_directory(dir);
  return registry;
}

host::Pipeline load_resolved(const std::string& file, host::PluginRegistry& registry) {
  auto p = host::load_pipeline(file);
  host::resolve_pipeline(p, registry);
  return p;
}

}  // namespace docpipe::cli
