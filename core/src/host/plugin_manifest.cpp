#include "host/plugin_manifest.hpp"

#include <cstring>
#include <sstream>

#include "docpipe/error.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> PluginInfo::format_list() const {
  std::vector<std::string> out;
  std::stringstream ss(formats);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

fs::path manifest_path(const fs::path& library) {
  return library.parent_path() / (library.stem().string() + ".plugin.json");
}

namespace {

const char* or_empty(const char* s) { return s ? s : ""; }

std::string abi_text(unsigned major, unsigned minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

PluginKind kind_named(const std::string& word, const fs::path& library) {
  for (auto k : {PluginKind::reader, PluginKind::transform, PluginKind::writer})
    if (word == to_string(k)) return k;
  throw PluginLoadError(library.string() + ": plugin manifest " +
                        manifest_path(library).filename().string() + " names an unknown kind '" +
                        word + "' (reader, transform or writer)");
}

}  // namespace

json manifest_of(const PluginDescriptor& d, const fs::path& library) {
  // The schema is kept as the text the plugin compiled in, not re-serialised:
  // the host hashes and validates exactly what the descriptor holds.
  return json{{"docpipe_plugin_manifest", kManifestFormat},
              {"library", library.filename().string()},
              {"abi_major", d.abi_major},
              {"abi_minor", d.abi_minor},
              {"kind", to_string(d.kind)},
              {"name", or_empty(d.name)},
              {"version", or_empty(d.version)},
              {"description", or_empty(d.description)},
              {"formats", or_empty(d.formats)},
              {"batch", d.batch},
              {"params_schema", d.params_schema ? d.params_schema : "{}"}};
}

PluginInfo info_from_manifest(const json& m, const fs::path& library) {
  const std::string manifest = manifest_path(library).filename().string();
  PluginInfo info;
  info.library = library;
  try {
    if (m.at("docpipe_plugin_manifest").get<int>() != kManifestFormat)
      throw PluginLoadError(library.string() + ": plugin manifest " + manifest + " has layout " +
                            m.at("docpipe_plugin_manifest").dump() + "; this docpipe reads " +
                            std::to_string(kManifestFormat) + ". Rebuild the plugin");
    info.abi_major = m.at("abi_major").get<unsigned>();
    info.abi_minor = m.at("abi_minor").get<unsigned>();
    // The ABI first: a manifest from another ABI may lay out the rest
    // differently, and its refusal is the message that helps.
    if (info.abi_major != kHostAbiMajor || info.abi_minor > kHostAbiMinor)
      throw PluginLoadError(library.string() + ": plugin was built for docpipe plugin ABI " +
                            abi_text(info.abi_major, info.abi_minor) +
                            ", but this docpipe loads ABI " + abi_text(kHostAbiMajor, 0) + " to " +
                            abi_text(kHostAbiMajor, kHostAbiMinor) +
                            "; rebuild the plugin against this docpipe (read from " + manifest +
                            "; none of its code was loaded)");
    info.kind = kind_named(m.at("kind").get<std::string>(), library);
    info.name = m.at("name").get<std::string>();
    info.version = m.at("version").get<std::string>();
    info.description = m.at("description").get<std::string>();
    info.formats = m.at("formats").get<std::string>();
    info.batch = m.at("batch").get<bool>();
    info.params_schema = m.at("params_schema").get<std::string>();
  } catch (const json::exception& e) {
    throw PluginLoadError(library.string() + ": plugin manifest " + manifest +
                          " is incomplete: " + e.what() + "; rebuild the plugin");
  }
  if (info.name.empty())
    throw PluginLoadError(library.string() + ": plugin has an empty name (in " + manifest + ")");
  try {
    if (!json::parse(info.params_schema).is_object()) throw std::runtime_error("not a JSON object");
  } catch (const std::exception& e) {
    throw PluginLoadError(library.string() + ": parameter schema of '" + info.name +
                          "' is not valid JSON: " + e.what());
  }
  return info;
}

void check_descriptor_matches(const PluginDescriptor& d, const PluginInfo& info) {
  if (d.magic != kDescriptorMagic)
    throw PluginLoadError(info.library.string() +
                          ": 'docpipe_plugin_descriptor' has a wrong magic number");
  const bool same = d.abi_major == info.abi_major && d.abi_minor == info.abi_minor &&
                    d.kind == info.kind && std::strcmp(or_empty(d.name), info.name.c_str()) == 0 &&
                    std::strcmp(or_empty(d.version), info.version.c_str()) == 0;
  if (!same)
    throw PluginLoadError(
        info.library.string() + ": the library's descriptor ('" + or_empty(d.name) + "' " +
        or_empty(d.version) + ", ABI " + abi_text(d.abi_major, d.abi_minor) +
        ") differs from its manifest " + manifest_path(info.library).filename().string() + " ('" +
        info.name + "' " + info.version + ", ABI " + abi_text(info.abi_major, info.abi_minor) +
        "); the manifest is stale: rebuild the plugin");
}

}  // namespace docpipe::host
