#include "docpipe/plugin.hpp"

#include <fstream>

#include "docpipe/error.hpp"

namespace docpipe {

Plugin::~Plugin() = default;

const char* to_string(PluginKind k) {
  switch (k) {
    case PluginKind::reader:
      return "reader";
    case PluginKind::transform:
      return "transform";
    case PluginKind::writer:
      return "writer";
  }
  return "unknown";
}

OutputFile::OutputFile(std::filesystem::path target, std::filesystem::path temp)
    : target_(std::move(target)), temp_(std::move(temp)) {}

void OutputFile::write(std::string_view bytes) {
  std::ofstream f(temp_, std::ios::binary | std::ios::trunc);
  if (!f) throw Error("cannot write " + temp_.string());
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.flush();
  if (!f) throw Error("short write to " + temp_.string());
}

}  // namespace docpipe
