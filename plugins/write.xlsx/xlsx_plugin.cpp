// write.xlsx: one workbook for the whole run (a batch writer), for offices
// that compare many reports side by side in Excel or LibreOffice Calc.
#include <unistd.h>

#include <atomic>
#include <docpipe/kit/data_files.hpp>
#include <docpipe/plugin.hpp>
#include <fstream>

#include "summary_workbook.hpp"

namespace {

namespace fs = std::filesystem;

// The host names the output file only at finish(), but rows are streamed
// from the first add(): the workbook is built in a private scratch file.
fs::path scratch_path() {
  static std::atomic<int> counter{0};
  return fs::temp_directory_path() /
         ("docpipe-xlsx-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".xlsx");
}

class XlsxWriter final : public docpipe::BatchWriter {
 public:
  XlsxWriter(const docpipe::PluginEnv& env, const docpipe::Params& p) {
    opts_.org_forms =
        docpipe::xlsx::OrgForms(docpipe::kit::read_json_file(env.data_dir / "org_forms.json"));
    opts_.chart_organizations = p.get<int>("chart_organizations");
    opts_.figure_context = p.get<int>("figure_context");
    opts_.chinese = p.get<std::string>("locale") != "en";
    const auto cleaning = p.get<std::string>("cleaning");
    opts_.cleaning = cleaning == "edits"  ? docpipe::xlsx::CleaningRows::edits
                     : cleaning == "none" ? docpipe::xlsx::CleaningRows::none
                                          : docpipe::xlsx::CleaningRows::rules;
  }

  void begin(const docpipe::RunInfo& run) override {
    book_ = std::make_unique<docpipe::xlsx::SummaryWorkbook>(scratch_path(), opts_);
    book_->begin(run);
  }

  void add(const docpipe::Document& doc, const docpipe::DocumentStatus& status) override {
    book_->add(doc, status);
  }

  // The rows of a document are made where it was processed; the parent
  // process only writes them.
  bool summarizes() const override { return true; }
  nlohmann::json summarize(const docpipe::Document& doc) const override {
    return docpipe::xlsx::summarize(doc, opts_);
  }
  void add_summary(const nlohmann::json& summary, const docpipe::DocumentStatus& status) override {
    book_->add(summary, status);
  }

  void finish(const docpipe::RunTotals& totals, docpipe::OutputFile& out) override {
    book_->finish(totals, out.temp_path());
    book_.reset();
  }

 private:
  docpipe::xlsx::WorkbookOptions opts_;
  std::unique_ptr<docpipe::xlsx::SummaryWorkbook> book_;
};

}  // namespace

DOCPIPE_PLUGIN(
    XlsxWriter, .kind = docpipe::PluginKind::writer, .name = "write.xlsx", .version = "1.4.0",
    .description = "One XLSX workbook per run: reports, outline, figures, cleaning, summary chart",
    .params_schema = R"json({"type":"object","additionalProperties":false,
                 "properties":{
                   "chart_organizations":{"type":"integer","minimum":1,"maximum":200,"default":20,
                     "description":"How many organizations (most documents first) the summary chart shows"},
                   "figure_context":{"type":"integer","minimum":0,"maximum":1000,"default":30,
                     "description":"Figures sheet: characters of the sentence kept on each side of a figure (0: the whole sentence)"},
                   "cleaning":{"enum":["rules","edits","none"],"default":"rules",
                     "description":"Cleaning sheet: one row per document and rule with its number of changes and the first as an example (rules), every edit in full (edits), or nothing (none)"},
                   "locale":{"enum":["zh","en"],"default":"zh",
                     "description":"Sheet names, column headers, Run items, statuses and flag names in Chinese (zh) or English (en)"}}})json",
    .formats = "xlsx", .batch = true)
