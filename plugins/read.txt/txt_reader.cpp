// read.txt: plain text files, one paragraph per non-empty line.
#include <docpipe/error.hpp>
#include <docpipe/plugin.hpp>
#include <docpipe/text.hpp>

namespace {

class TxtReader final : public docpipe::Reader {
 public:
  TxtReader(const docpipe::PluginEnv&, const docpipe::Params&) {}

  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    auto ext = path.extension().string();
    bool text_ext = ext == ".txt" || ext == ".text";
    if (head.find('\0') != std::string_view::npos) return 0;
    return text_ext ? 80 : 10;
  }

  docpipe::Document read(const docpipe::InputFile& in) override {
    std::string_view bytes = in.bytes;
    if (docpipe::text::starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (!docpipe::text::is_valid_utf8(bytes))
      throw docpipe::InputError(in.path.string() + ": not valid UTF-8 text");
    docpipe::Document doc;
    doc.source.format = "txt";
    doc.source.encoding = "UTF-8";
    int line_no = 0;
    for (auto line : docpipe::text::split_lines(bytes)) {
      ++line_no;
      auto t = docpipe::text::trim(line);
      if (t.empty()) continue;
      docpipe::Block b;
      b.text = std::move(t);
      b.origin.line_start = b.origin.line_end = line_no;
      doc.blocks.push_back(std::move(b));
    }
    return doc;
  }
};

}  // namespace

DOCPIPE_PLUGIN(TxtReader, .kind = docpipe::PluginKind::reader, .name = "read.txt",
               .version = "0.1.0", .description = "Plain text files, one paragraph per line",
               .params_schema = R"({"type":"object","additionalProperties":false})",
               .formats = "txt,text")
