// read.docx: Word documents (OOXML) as Word, WPS and LibreOffice write them.
// The work is in docx_parse.cpp and its helpers; this file is the plugin shell.
#include <docpipe/plugin.hpp>

#include "docx_parse.hpp"

namespace {

class DocxReader final : public docpipe::Reader {
 public:
  DocxReader(const docpipe::PluginEnv&, const docpipe::Params& p)
      : limits_(docpipe::readers::zip_limits(p)) {}

  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    return docpipe::readers::sniff_docx(path, head);
  }

  docpipe::Document read(const docpipe::InputFile& in) override {
    return docpipe::readers::parse_docx(in.path, in.bytes, limits_);
  }

 private:
  docpipe::readers::ZipLimits limits_;
};

}  // namespace

DOCPIPE_PLUGIN(
    DocxReader, .kind = docpipe::PluginKind::reader, .name = "read.docx", .version = "1.0.0",
    .description =
        "Word .docx: text, headings by style, numbering, tables, tracked changes accepted",
    .params_schema = R"({
  "type": "object",
  "properties": {
    "max_entries": {"type": "integer", "minimum": 1, "default": 2000,
                    "description": "most ZIP entries a package may have"},
    "max_entry_mb": {"type": "integer", "minimum": 1, "default": 64,
                     "description": "most uncompressed MiB of one entry"},
    "max_total_mb": {"type": "integer", "minimum": 1, "default": 256,
                     "description": "most uncompressed MiB of the whole package"},
    "max_compression_ratio": {"type": "number", "minimum": 1, "default": 200,
                              "description": "largest uncompressed/compressed ratio of an entry over 64 KiB"}
  },
  "additionalProperties": false
})",
    .formats = "docx,docm,dotx")
