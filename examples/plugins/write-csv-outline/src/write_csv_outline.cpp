// The write.csv-outline batch writer: collects the outline of every document
// in add() and writes one CSV in finish(). The host serialises begin/add/
// finish of a batch writer (plugin.hpp), so the rows need no lock.
#include <algorithm>
#include <docpipe/plugin.hpp>

#include "csv_outline.hpp"

namespace {

class CsvOutlineWriter final : public docpipe::BatchWriter {
 public:
  CsvOutlineWriter(const docpipe::PluginEnv&, const docpipe::Params& p) : bom_(p.get<bool>("bom")) {
    opts_.max_level = p.get<int>("max_level");
    opts_.escape_formulas = p.get<bool>("escape_formulas");
  }

  void begin(const docpipe::RunInfo&) override { rows_.clear(); }

  void add(const docpipe::Document& doc, const docpipe::DocumentStatus& status) override {
    for (auto& r : csvout::outline_rows(doc, status.status, opts_)) rows_.push_back(std::move(r));
  }

  void finish(const docpipe::RunTotals&, docpipe::OutputFile& out) override {
    // Documents finish in any order with --jobs; sort by source so two runs
    // over the same inputs write the same file. Headings keep their order.
    std::stable_sort(rows_.begin(), rows_.end(),
                     [](const auto& a, const auto& b) { return a[0] < b[0]; });
    // Excel reads a UTF-8 CSV as the local code page unless it starts with a BOM.
    std::string csv = bom_ ? "\xEF\xBB\xBF" : "";
    csv += csvout::csv_line(csvout::kHeader, false);
    for (const auto& r : rows_) csv += csvout::csv_line(r, opts_.escape_formulas);
    out.write(csv);
  }

 private:
  csvout::Options opts_;
  bool bom_;
  std::vector<std::vector<std::string>> rows_;
};

constexpr const char* kParamsSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "max_level": {"type": "integer", "minimum": 1, "maximum": 9, "default": 9,
                  "description": "deepest heading level listed"},
    "bom": {"type": "boolean", "default": true,
            "description": "start the file with a UTF-8 BOM so Excel detects the encoding"},
    "escape_formulas": {"type": "boolean", "default": true,
                        "description": "prefix cells starting with = + - @ with an apostrophe"}
  }
})json";

}  // namespace

DOCPIPE_PLUGIN(CsvOutlineWriter, .kind = docpipe::PluginKind::writer, .name = "write.csv-outline",
               .version = "1.0.0",
               .description = "one CSV for the whole run: every document's heading outline",
               .params_schema = kParamsSchema, .formats = "csv", .batch = true)
