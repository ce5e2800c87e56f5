// docpipe plugins new NAME --kind transform|reader|writer [--dir D]: writes a
// ready-to-build plugin project (CMake package, source, test, README) for an
// office that builds against the installed docpipe.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/common.hpp"
#include "cli/scaffold.hpp"
#include "docpipe/error.hpp"

namespace docpipe::cli {

namespace fs = std::filesystem;

int cmd_plugins_new(const Args& args) {
  po::options_description opts("docpipe plugins new options");
  opts.add_options()("kind", po::value<std::string>(), "transform, reader or writer")(
      "dir", po::value<std::string>(), "project directory (default: ./NAME); must be empty or new");
  opts.add(common_options());
  po::variables_map vm;
  if (!parse_args(
          args, opts, Operand{"name", 1}, vm,
          "usage: docpipe plugins new NAME --kind transform|reader|writer [--dir D]\n"
          "Writes a plugin project that builds against the installed docpipe:\n"
          "  cmake -S D -B D/build -DCMAKE_PREFIX_PATH=<docpipe prefix> && cmake --build D/build\n"
          "  ctest --test-dir D/build"))
    return kOk;
  apply_common(vm);
  if (!vm.count("name")) throw ConfigError("plugins new: a plugin NAME is required");
  ScaffoldSpec spec{vm["name"].as<std::string>(),
                    vm.count("kind") ? vm["kind"].as<std::string>() : ""};
  if (!valid_plugin_name(spec.name))
    throw ConfigError("plugins new: invalid plugin name '" + spec.name +
                      "': use lower-case letters and digits joined by '.', '-' or '_', "
                      "e.g. office.mask");
  if (spec.kind != "transform" && spec.kind != "reader" && spec.kind != "writer")
    throw ConfigError("plugins new: --kind must be transform, reader or writer" +
                      (spec.kind.empty() ? std::string() : ", not '" + spec.kind + "'"));
  fs::path dir = vm.count("dir") ? fs::path(vm["dir"].as<std::string>()) : fs::path(spec.name);
  std::error_code ec;
  // Never overwrite someone's work: the directory must be new or empty.
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
    throw ConfigError("plugins new: " + dir.string() + " already exists and is not empty");
  for (const auto& f : scaffold_files(spec)) {
    fs::path p = dir / f.path;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << f.content;
    if (!out.flush()) throw Error("plugins new: cannot write " + p.string());
    std::cout << "  wrote " << p.string() << "\n";
  }
  std::cout << "next:\n"
            << "  cmake -S " << dir.string() << " -B " << (dir / "build").string()
            << " -DCMAKE_PREFIX_PATH=<docpipe install prefix>\n"
            << "  cmake --build " << (dir / "build").string() << "\n"
            << "  ctest --test-dir " << (dir / "build").string() << "\n";
  return kOk;
}

}  // namespace docpipe::cli
