// read.txt: plain-text reports in UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5.
// The work is in txt_parse.cpp; this file is the plugin shell.
#include <docpipe/plugin.hpp>

#include "txt_parse.hpp"

namespace {

class TxtReader final : public docpipe::Reader {
 public:
  TxtReader(const docpipe::PluginEnv&, const docpipe::Params&) {}

  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    return docpipe::readers::sniff_text(path, head);
  }

  docpipe::Document read(const docpipe::InputFile& in) override {
    return docpipe::readers::parse_text_file(in.path, in.bytes);
  }
};

}  // namespace

DOCPIPE_PLUGIN(TxtReader, .kind = docpipe::PluginKind::reader, .name = "read.txt",
               .version = "1.0.1",
               .description = "Plain text in UTF-8/UTF-16/GB18030/GBK/Big5, one paragraph per line",
               .params_schema = R"({"type":"object","properties":{},"additionalProperties":false})",
               .formats = "txt,text")
