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
    .params_schema =
        R"({"type": "object", "additionalProperties": false, "properties": {)" DOCPIPE_ZIP_LIMIT_PROPERTIES
        R"(}})",
    .formats = "docx,docm,dotx")
