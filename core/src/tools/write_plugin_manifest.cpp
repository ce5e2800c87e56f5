// docpipe-plugin-manifest LIBRARY
//
// Writes LIBRARY's manifest (<dir>/<stem>.plugin.json) from the descriptor
// compiled into it. docpipe_add_plugin runs it right after linking a plugin,
// so the descriptor stays written once, in the plugin's code, and the host
// can still read it without loading the plugin (host/plugin_manifest.hpp).
// Loading the freshly built library here, at build time, is what lets a run
// never load a library it is going to refuse.
#include <dlfcn.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "docpipe/plugin.hpp"
#include "host/plugin_manifest.hpp"

namespace fs = std::filesystem;

namespace {

int fail(const std::string& message) {
  std::cerr << "docpipe-plugin-manifest: " << message << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return fail("usage: docpipe-plugin-manifest LIBRARY");
  const fs::path library = fs::absolute(argv[1]);
  void* handle = ::dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return fail(library.string() + ": cannot load: " + ::dlerror());
  const auto* d =
      static_cast<const docpipe::PluginDescriptor*>(::dlsym(handle, "docpipe_plugin_descriptor"));
  if (!d)
    return fail(library.string() +
                ": symbol 'docpipe_plugin_descriptor' is missing (declare the plugin with "
                "DOCPIPE_PLUGIN)");
  if (d->magic != docpipe::kDescriptorMagic)
    return fail(library.string() + ": 'docpipe_plugin_descriptor' has a wrong magic number");
  const fs::path target = docpipe::host::manifest_path(library);
  // Written aside and renamed, so a scan running during the build never
  // reads half a manifest.
  fs::path tmp = target;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << docpipe::host::manifest_of(*d, library).dump(2) << '\n';
    if (!out.flush()) return fail("cannot write " + tmp.string());
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) return fail("cannot write " + target.string() + ": " + ec.message());
  return 0;
}
