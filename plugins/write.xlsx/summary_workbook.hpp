// The run's XLSX workbook: one row per document on Reports, its headings on
// Outline, its figures on Figures, its cleaning on Cleaning, a
// per-organization Summary with a chart, and the Run sheet. Rows are written
// as documents arrive (libxlsxwriter constant-memory mode), so memory stays
// bounded: only per-organization totals are kept until the end.
//
// A document reaches the workbook as its summary (summarize(): exactly the
// rows it contributes, as JSON), which the host makes in the worker that
// processed the document and keeps in its ledger for later runs.
#pragma once

#include <xlsxwriter.h>

#include <docpipe/plugin.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "labels.hpp"
#include "org_grouping.hpp"
#include "sheet_writer.hpp"

namespace docpipe::xlsx {

// What the Cleaning sheet lists.
enum class CleaningRows {
  rules,  // one row per document, stage and rule: how many changes, and the first
  edits,  // one row per edit, before and after in full
  none,   // the sheet stays empty (the JSON output keeps every edit)
};

struct WorkbookOptions {
  int chart_organizations = 20;  // the chart shows the organizations with most documents
  CleaningRows cleaning = CleaningRows::rules;
  // Characters of its sentence kept on each side of a figure on the Figures
  // sheet; 0 keeps the whole sentence.
  int figure_context = 30;
  // Sheet names, headers, Run items, statuses and flags in Chinese; false
  // keeps them English (parameter locale: en).
  bool chinese = true;
  // How the Summary groups the forms of one body's name (org_forms.json).
  OrgForms org_forms;
};

// A document's rows for the workbook (a JSON object; see summary_workbook.cpp).
nlohmann::json summarize(const Document& doc, const WorkbookOptions& opts);

class SummaryWorkbook {
 public:
  // Creates the workbook at scratch_path (a private file: the host only
  // names the output at finish()).
  SummaryWorkbook(std::filesystem::path scratch_path, WorkbookOptions opts);
  ~SummaryWorkbook();
  SummaryWorkbook(const SummaryWorkbook&) = delete;
  SummaryWorkbook& operator=(const SummaryWorkbook&) = delete;

  void begin(const RunInfo& run);
  // Adds one document's rows from its summarize() result. Throws
  // docpipe::Error when the summary is not one.
  void add(const nlohmann::json& summary, const DocumentStatus& status);
  void add(const Document& doc, const DocumentStatus& status) {
    add(summarize(doc, opts_), status);
  }
  // Writes the summary and run sheets, closes the workbook and moves it to
  // `target`. Throws docpipe::Error.
  void finish(const RunTotals& totals, const std::filesystem::path& target);

 private:
  struct OrganizationTotals {
    long long documents = 0, headings = 0, figures = 0, characters = 0;
  };
  void add_rows(const nlohmann::json& summary, const DocumentStatus& status);
  void write_summary();
  void write_run(const RunTotals& totals);

  std::filesystem::path scratch_;
  WorkbookOptions opts_;
  lxw_workbook* wb_ = nullptr;
  Formats formats_;
  std::unique_ptr<SheetWriter> reports_, outline_, figures_, cleaning_, summary_, run_;
  RunInfo run_info_;
  Labels label_;
  long long documents_ = 0;
  std::map<std::string, OrganizationTotals> by_organization_;  // by OrgForms key
  OrgGroups org_groups_{opts_.org_forms};
  std::map<std::string, long long> by_status_;  // documents in the workbook by status
};

// "2024-05-01T08:00:00" or "2024-05-01" -> datetime; nullopt if unreadable.
std::optional<lxw_datetime> parse_iso_datetime(const std::string& s);

}  // namespace docpipe::xlsx
