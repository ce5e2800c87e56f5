// read.pdf: PDF files with a text layer (exported from Word, WPS or
// LibreOffice, or saved from 文库 sites). The work is in pdf_parse.cpp and
// pdf_layout.cpp; this file is the plugin shell.
#include <docpipe/plugin.hpp>

#include "pdf_parse.hpp"

namespace {

class PdfReader final : public docpipe::Reader {
 public:
  PdfReader(const docpipe::PluginEnv& env, const docpipe::Params& p)
      : stage_(env.stage_id.empty() ? "read.pdf" : env.stage_id) {
    limits_.max_pages = p.get<int>("max_pages");
    limits_.max_chars = p.get<std::int64_t>("max_chars");
    limits_.max_seconds = p.get<double>("max_seconds");
    layout_.running_share = p.get<double>("running_share");
    layout_.heading_size_ratio = p.get<double>("heading_size_ratio");
  }

  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    return docpipe::readers::sniff_pdf(path, head);
  }

  docpipe::Document read(const docpipe::InputFile& in) override {
    return docpipe::readers::parse_pdf(in.path, in.bytes, limits_, layout_, stage_);
  }

 private:
  std::string stage_;
  docpipe::readers::PdfLimits limits_;
  docpipe::readers::pdf::LayoutOptions layout_;
};

}  // namespace

DOCPIPE_PLUGIN(PdfReader, .kind = docpipe::PluginKind::reader, .name = "read.pdf",
               .version = "1.0.0",
               .description =
                   "PDF with a text layer: paragraphs from line geometry, running heads and "
                   "page numbers dropped, headings by font size",
               .params_schema = R"schema({
  "type": "object",
  "properties": {
    "max_pages": {"type": "integer", "minimum": 1, "default": 2000,
                  "description": "most pages a PDF may have; more is refused before reading"},
    "max_chars": {"type": "integer", "minimum": 1, "default": 20000000,
                  "description": "most characters of text a PDF may hold"},
    "max_seconds": {"type": "number", "exclusiveMinimum": 0, "default": 90,
                    "description": "longest time spent reading one PDF (checked between pages)"},
    "running_share": {"type": "number", "exclusiveMinimum": 0, "maximum": 1, "default": 0.5,
                      "description": "share of pages a line must repeat on (same text, same place) to be a running head or foot"},
    "heading_size_ratio": {"type": "number", "minimum": 1, "default": 1.15,
                           "description": "font size, relative to the body's, from which a short paragraph is a heading"}
  },
  "additionalProperties": false
})schema",
               .formats = "pdf")
