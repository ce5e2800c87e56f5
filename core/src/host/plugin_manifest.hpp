// A plugin's manifest: its descriptor as a JSON file beside the library
// (docpipe_read_txt.so -> docpipe_read_txt.plugin.json), written at build time
// by docpipe-plugin-manifest (docpipe_add_plugin runs it). The host decides
// from the manifest whether to load a library at all, so a plugin built for
// another ABI is refused before any of its code, static initialisers
// included, has run (DuckDB reads an extension's metadata footer the same
// way before it loads the extension).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "docpipe/plugin.hpp"

namespace docpipe::host {

// A descriptor with its strings owned, as read from a manifest.
struct PluginInfo {
  std::string name, version, description, params_schema, formats;
  PluginKind kind = PluginKind::transform;
  bool batch = false;
  unsigned abi_major = 0, abi_minor = 0;
  std::filesystem::path library;
  std::vector<std::string> format_list() const;  // formats split on ','
};

// Version of the manifest's own layout (its "docpipe_plugin_manifest" key).
inline constexpr int kManifestFormat = 1;

// <library dir>/<library stem>.plugin.json
std::filesystem::path manifest_path(const std::filesystem::path& library);

// The manifest of a library whose descriptor the generator has read.
nlohmann::json manifest_of(const PluginDescriptor& d, const std::filesystem::path& library);

// Reads a manifest into a PluginInfo for `library`. Throws PluginLoadError
// naming the library when a field is missing or has the wrong type, the kind
// is unknown, the parameter schema is not a JSON object, or the ABI is not
// one this host loads.
PluginInfo info_from_manifest(const nlohmann::json& manifest, const std::filesystem::path& library);

// Once the library is loaded: its own descriptor must say what its manifest
// said (a manifest left over from an older build would otherwise describe
// other code). Throws PluginLoadError.
void check_descriptor_matches(const PluginDescriptor& d, const PluginInfo& info);

}  // namespace docpipe::host
