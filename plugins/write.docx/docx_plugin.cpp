// write.docx: one DOCX per document, laid out by a preset (gbt9704 = the
// official Chinese document format GB/T 9704-2012, plain = neutral Word).
#include <docpipe/plugin.hpp>

#include "docx_writer.hpp"

namespace {

class DocxWriter final : public docpipe::Writer {
 public:
  DocxWriter(const docpipe::PluginEnv& env, const docpipe::Params& p)
      // Loaded once per instance: every document of the run reuses it.
      : preset_(docpipe::docx::Preset::load(env.data_dir, p.get<std::string>("preset"))) {
    opts_.body.cleaning_report = p.get<bool>("cleaning_report");
    opts_.body.report_excerpt_chars = p.get<int>("report_excerpt_chars");
    opts_.body.char_grid = p.get<bool>("char_grid");
  }

  void write(const docpipe::Document& doc, docpipe::OutputFile& out) override {
    out.write(docpipe::docx::docx_bytes(doc, *preset_, opts_, &shared_parts_));
  }

 private:
  std::shared_ptr<const docpipe::docx::Preset> preset_;
  docpipe::docx::DocxOptions opts_;
  docpipe::docx::SharedParts shared_parts_;  // an instance is used by one thread only
};

}  // namespace

DOCPIPE_PLUGIN(
    DocxWriter, .kind = docpipe::PluginKind::writer, .name = "write.docx", .version = "1.0.0",
    .description = "DOCX in the official document layout (GB/T 9704) or a plain Word look",
    .params_schema = R"json({"type":"object","additionalProperties":false,
                 "properties":{
                   "preset":{"enum":["gbt9704","plain"],"default":"gbt9704",
                             "description":"Page layout and styles: gbt9704 (党政机关公文格式) or plain"},
                   "cleaning_report":{"type":"boolean","default":false,
                             "description":"Append a page listing what the cleaning stages changed"},
                   "report_excerpt_chars":{"type":"integer","minimum":10,"maximum":10000,"default":120,
                             "description":"Cleaning report: longer before/after texts are cut to this many characters"},
                   "char_grid":{"type":"boolean","default":false,
                             "description":"Use Word's character grid (linesAndChars) as Word templates do; LibreOffice renders it with wide gaps"}}})json",
    .formats = "docx")
