// docpipe: the command-line entry point. Dispatches to a subcommand and maps
// errors to the documented exit codes.
#include <boost/program_options/errors.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "docpipe/error.hpp"
#include "docpipe/version.hpp"
#include "host/stage_check.hpp"
#ifdef DOCPIPE_WITH_TCMALLOC
#include <gperftools/tcmalloc.h>
#endif

namespace {

const char* kUsage =
    "docpipe " DOCPIPE_VERSION_STRING
    " - turns collected reports into clean, structured documents\n"
    "\n"
    "usage: docpipe COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  run PIPELINE [--input PATH...] [--out DIR] [--jobs N]   run a pipeline over many inputs\n"
    "      [--force] [--dry-run] [--shard K/N] [--state FILE]  (incremental: unchanged inputs are "
    "skipped)\n"
    "  merge SHARD_OUT... --out DIR                           one run report, XLSX summary and "
    "quarantine\n"
    "                                                          index from the shards of a run\n"
    "  convert INPUT -o OUTPUT [--pipeline P]                  convert one file (writer by "
    "extension)\n"
    "  explain INPUT [--pipeline P] [--stage ID] [--html F]    show every change the stages make\n"
    "  validate PIPELINE...                                    check pipeline files\n"
    "  plugins list | info NAME | new NAME --kind K            inspect or scaffold plugins\n"
    "  pipeline show FILE                                      the merged pipeline, defaults and "
    "origins\n"
    "\n"
    "`docpipe COMMAND --help` shows the options of a command.\n"
    "exit codes: 0 all documents ok, 1 some documents failed, 2 usage or configuration error,\n"
    "            3 the run itself failed (see docs/cli.md)\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace docpipe::cli;
  if (argc < 2) {
    std::cerr << kUsage;
    return kConfigError;
  }
  std::string cmd = argv[1];
  Args rest(argv + 2, argv + argc);
  try {
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
      std::cout << kUsage;
      return kOk;
    }
    if (cmd == "--version") {
      std::cout << "docpipe " DOCPIPE_VERSION_STRING " (plugin ABI " << docpipe::kHostAbiMajor
                << "." << docpipe::kHostAbiMinor << ")\n";
#ifdef DOCPIPE_WITH_TCMALLOC
      std::cout << "allocator: tcmalloc " << tc_version(nullptr, nullptr, nullptr) << "\n";
#else
      std::cout << "allocator: glibc malloc\n";
#endif
      return kOk;
    }
    if (cmd == "run") return cmd_run(rest);
    if (cmd == "merge") return cmd_merge(rest);
    if (cmd == "convert") return cmd_convert(rest);
    if (cmd == "explain") return cmd_explain(rest);
    if (cmd == "validate") return cmd_validate(rest);
    if (cmd == "plugins") return cmd_plugins(rest);
    if (cmd == "pipeline") return cmd_pipeline(rest);
    if (cmd == "__worker") return cmd_worker(rest);
    if (cmd == docpipe::host::kCheckCommand) {
      if (rest.size() != 1) return kConfigError;
      return docpipe::host::check_stages_main(rest[0]);
    }
    std::cerr << "docpipe: unknown command '" << cmd << "'\n\n" << kUsage;
    return kConfigError;
  } catch (const docpipe::ConfigError& e) {
    std::cerr << "docpipe: " << e.what() << "\n";
    return kConfigError;
  } catch (const boost::program_options::error& e) {
    std::cerr << "docpipe " << cmd << ": " << e.what() << " (see docpipe " << cmd << " --help)\n";
    return kConfigError;
  } catch (const std::exception& e) {
    std::cerr << "docpipe: " << e.what() << "\n";
    return kRunFailed;
  }
}
