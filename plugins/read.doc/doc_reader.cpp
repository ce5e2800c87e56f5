// read.doc: Word 97-2003 (.doc) and WPS (.wps) files, converted to DOCX by
// LibreOffice in a child process and read by read.docx's code. The work is
// in doc_parse.cpp and office_converter.cpp; this file is the plugin shell.
#include <docpipe/plugin.hpp>

#include "doc_parse.hpp"

namespace {

docpipe::readers::ConverterOptions converter_options(const docpipe::Params& p) {
  docpipe::readers::ConverterOptions o;
  o.program = p.get<std::string>("converter");
  o.timeout_seconds = p.get<double>("timeout_seconds");
  return o;
}

class DocReader final : public docpipe::Reader {
 public:
  DocReader(const docpipe::PluginEnv&, const docpipe::Params& p)
      : converter_(converter_options(p)), limits_(docpipe::readers::zip_limits(p)) {}

  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    return docpipe::readers::sniff_doc(path, head);
  }

  docpipe::Document read(const docpipe::InputFile& in) override {
    return docpipe::readers::parse_doc(in.path, in.bytes, converter_, limits_);
  }

 private:
  docpipe::readers::OfficeConverter converter_;
  docpipe::readers::ZipLimits limits_;
};

}  // namespace

DOCPIPE_PLUGIN(DocReader, .kind = docpipe::PluginKind::reader, .name = "read.doc",
               .version = "1.0.0",
               .description =
                   "Word 97-2003 .doc and WPS .wps via LibreOffice (headless, time-limited), "
                   "then read as .docx",
               .params_schema = R"schema({
  "type": "object",
  "properties": {
    "converter": {"type": "string", "minLength": 1, "default": "soffice",
                  "description": "LibreOffice's soffice: a name looked up on PATH or a path"},
    "timeout_seconds": {"type": "number", "exclusiveMinimum": 0, "default": 90,
                        "description": "longest a conversion may take; LibreOffice is killed after it"},
    )schema" DOCPIPE_ZIP_LIMIT_PROPERTIES R"schema(
  },
  "additionalProperties": false
})schema",
               .formats = "doc,dot,wps,wpt")
