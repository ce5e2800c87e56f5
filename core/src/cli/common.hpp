// Pieces shared by the subcommands: option groups, registry set-up.
#pragma once

#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "host/pipeline.hpp"
#include "host/registry.hpp"

namespace docpipe::cli {

namespace po = boost::program_options;

// --log-level, --log-format, --log-file and --help.
po::options_description common_options();
// Parses args; prints help and returns false when --help was given.
bool parse_args(const Args& args, const po::options_description& visible,
                const po::positional_options_description& positional, po::variables_map& vm,
                const std::string& usage, const po::options_description* hidden = nullptr);
// The operand a command takes by position: its name, and how many (1, or -1
// for any number, read as a list).
struct Operand {
  const char* name;
  int count;
};
// parse_args for a command whose operand is given by position (docpipe run
// PIPELINE, docpipe convert INPUT …): the operand is a hidden option.
bool parse_args(const Args& args, const po::options_description& visible, Operand operand,
                po::variables_map& vm, const std::string& usage);
// Sets up logging from the common options.
void apply_common(const po::variables_map& vm);
// A registry with the default search path loaded.
host::PluginRegistry default_registry();
// Loads and resolves a pipeline against the registry.
host::Pipeline load_resolved(const std::string& file, host::PluginRegistry& registry);

}  // namespace docpipe::cli
