#include "summary_workbook.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <docpipe/error.hpp>
#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/text.hpp>
#include <map>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>

#include "change_excerpt.hpp"
#include "figure_context.hpp"

namespace docpipe::xlsx {

namespace {

namespace fs = std::filesystem;

// Reports columns, in order.
enum ReportCol : lxw_col_t {
  kFile,
  kTitle,
  kOrg,
  kType,
  kYear,
  kPeriod,
  kDate,
  kHeadings,
  kChars,
  kFigures,
  kFlags,
  kStatus,
  kError
};

// A period as an office says it, so the column filters as 上半年 / 年度.
std::string period_name(const Period& p) {
  if (p.span == "annual") return "年度";
  if (p.span == "H1") return "上半年";
  if (p.span == "H2") return "下半年";
  if (p.span == "Q1") return "第一季度";
  if (p.span == "Q2") return "第二季度";
  if (p.span == "Q3") return "第三季度";
  if (p.span == "Q4") return "第四季度";
  if (p.span == "month") return p.month ? std::to_string(*p.month) + "月" : "月度";
  return "";
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// The same name on every sheet, so a filter on one matches rows on the
// others; the path as the run saw it, since file names repeat across folders.
std::string document_name(const Document& doc) {
  return doc.source.path.empty() ? std::string("(unnamed)") : doc.source.path;
}

// A path shown relative to the run's input folder (RunInfo::input_root), as
// an office knows its collection; kept whole when it lies outside it.
std::string shown_path(const std::string& path, const std::string& root) {
  if (root.empty()) return path;
  const auto rel = fs::path(path).lexically_normal().lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return path;
  return rel.string();
}

bool digits(const std::string& s, std::size_t pos, std::size_t n) {
  if (s.size() < pos + n) return false;
  return std::all_of(s.begin() + static_cast<long>(pos), s.begin() + static_cast<long>(pos + n),
                     [](char c) { return c >= '0' && c <= '9'; });
}

void move_file(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (!ec) return;
  // The scratch file may sit on another file system than the output.
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  fs::remove(from);
}

}  // namespace

std::optional<lxw_datetime> parse_iso_datetime(const std::string& s) {
  if (!digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2))
    return std::nullopt;
  lxw_datetime dt{};
  dt.year = std::stoi(s.substr(0, 4));
  dt.month = std::stoi(s.substr(5, 2));
  dt.day = std::stoi(s.substr(8, 2));
  if (dt.month < 1 || dt.month > 12 || dt.day < 1 || dt.day > 31) return std::nullopt;
  if (s.size() >= 19 && (s[10] == 'T' || s[10] == ' ') && digits(s, 11, 2) && digits(s, 14, 2) &&
      digits(s, 17, 2)) {
    dt.hour = std::stoi(s.substr(11, 2));
    dt.min = std::stoi(s.substr(14, 2));
    dt.sec = std::stoi(s.substr(17, 2));
  }
  return dt;
}

SummaryWorkbook::SummaryWorkbook(fs::path scratch_path, WorkbookOptions opts)
    : scratch_(std::move(scratch_path)), opts_(opts), label_(opts.chinese) {
  lxw_workbook_options wo{};
  wo.constant_memory = LXW_TRUE;  // rows go to per-sheet temp files, not RAM
  wo.use_zip64 = LXW_TRUE;        // a very large run may pass 4 GB uncompressed
  wb_ = workbook_new_opt(scratch_.c_str(), &wo);
  if (!wb_) throw Error("write.xlsx: cannot create workbook " + scratch_.string());

  formats_.header = workbook_add_format(wb_);
  format_set_bold(formats_.header);
  format_set_bg_color(formats_.header, 0xDDEBF7);
  format_set_bottom(formats_.header, LXW_BORDER_THIN);
  format_set_text_wrap(formats_.header);
  format_set_align(formats_.header, LXW_ALIGN_VERTICAL_CENTER);
  formats_.wrap = workbook_add_format(wb_);
  format_set_text_wrap(formats_.wrap);
  format_set_align(formats_.wrap, LXW_ALIGN_VERTICAL_TOP);
  formats_.date = workbook_add_format(wb_);
  format_set_num_format(formats_.date, "yyyy-mm-dd");
  formats_.datetime = workbook_add_format(wb_);
  format_set_num_format(formats_.datetime, "yyyy-mm-dd hh:mm:ss");
  formats_.integer = workbook_add_format(wb_);
  format_set_num_format(formats_.integer, "0");
  formats_.number = workbook_add_format(wb_);
  format_set_num_format(formats_.number, "General");

  // Sheets are created now, in their final order; Summary and Run are
  // filled at finish(), which constant-memory mode allows because nothing
  // was written to them before.
  reports_ = std::make_unique<SheetWriter>(wb_, label_("Reports").c_str(),
                                           std::vector<Column>{{label_("File")},
                                                               {label_("Title"), true, 20},
                                                               {label_("Organization")},
                                                               {label_("Type")},
                                                               {label_("Year")},
                                                               {label_("Period")},
                                                               {label_("Date"), false, 11},
                                                               {label_("Headings")},
                                                               {label_("Characters")},
                                                               {label_("Figures found")},
                                                               {label_("Flags"), true},
                                                               {label_("Status")},
                                                               {label_("Error"), true}},
                                           formats_);
  outline_ = std::make_unique<SheetWriter>(wb_, label_("Outline").c_str(),
                                           std::vector<Column>{{label_("Document")},
                                                               {label_("Level")},
                                                               {label_("Marker")},
                                                               {label_("Heading"), true, 30}},
                                           formats_);
  figures_ = std::make_unique<SheetWriter>(
      wb_, label_("Figures").c_str(),
      std::vector<Column>{{label_("Document")},
                          {label_("Heading path"), true, 20},
                          {label_("Value")},
                          {label_("Unit")},
                          {label_("Original text")},
                          {label_(opts_.figure_context > 0 ? "Context" : "Sentence"), true, 40}},
      formats_);
  // Every edit with its block, or (by default) one row per rule with its
  // number of changes and the first change as an example.
  const bool every_edit = opts_.cleaning == CleaningRows::edits;
  cleaning_ = std::make_unique<SheetWriter>(
      wb_, label_("Cleaning").c_str(),
      std::vector<Column>{{label_("Document")},
                          {label_("Stage")},
                          {label_("Rule")},
                          {label_(every_edit ? "Block" : "Changes")},
                          {label_(every_edit ? "Before" : "Example before"), true, 30},
                          {label_(every_edit ? "After" : "Example after"), true, 30}},
      formats_);
  summary_ = std::make_unique<SheetWriter>(wb_, label_("Summary").c_str(),
                                           std::vector<Column>{{label_("Organization")},
                                                               {label_("Documents")},
                                                               {label_("Headings")},
                                                               {label_("Figures found")},
                                                               {label_("Characters")}},
                                           formats_);
  run_ = std::make_unique<SheetWriter>(
      wb_, label_("Run").c_str(), std::vector<Column>{{label_("Item")}, {label_("Value"), true}},
      formats_);
}

SummaryWorkbook::~SummaryWorkbook() {
  // A run that never reached finish(): drop the workbook and its temp files.
  if (wb_) lxw_workbook_free(wb_);
  std::error_code ec;
  fs::remove(scratch_, ec);
}

void SummaryWorkbook::begin(const RunInfo& run) { run_info_ = run; }

// The summary of a document: its Reports cells, and its rows for Outline
// ("outline": [level, marker, heading]), Figures ("figures": [heading path,
// value, unit, text, sentence or its context]) and Cleaning ("cleaning": [stage, rule,
// changes or block, before, after]).
nlohmann::json summarize(const Document& doc, const WorkbookOptions& opts) {
  using nlohmann::json;
  const auto& m = doc.metadata;
  long long headings = 0, characters = 0;
  json outline = json::array(), figures = json::array(), cleaning = json::array();
  for (const auto& b : doc.blocks) {
    characters += static_cast<long long>(text::length(b.text));
    if (b.kind != BlockKind::heading) continue;
    ++headings;
    // A run-in heading's paragraph is body text, not part of the outline.
    const std::size_t cut = kit::run_in_heading_end(b.text);
    outline.push_back(json::array(
        {b.level, b.marker, cut == std::string::npos ? b.text : b.text.substr(0, cut)}));
  }
  // The same figure text twice in one sentence ("1次 … 1次") is its first,
  // then its second occurrence: figures are found in reading order.
  // (A repeated paragraph repeats its sentences: the count is per block.)
  std::map<std::tuple<int, std::string_view, std::string_view>, std::size_t> seen;
  for (const auto& x : doc.metrics) {
    const std::size_t nth = seen[{x.block, x.sentence, x.text}]++;
    figures.push_back(json::array(
        {join(x.heading_path, " > "), x.value, x.unit, x.text,
         figure_context(x.sentence, x.text, nth, static_cast<std::size_t>(opts.figure_context))}));
  }
  if (opts.cleaning == CleaningRows::edits) {
    for (const auto& e : doc.edits)
      cleaning.push_back(json::array({e.stage, e.rule, e.block, e.before, e.after}));
  } else if (opts.cleaning == CleaningRows::rules) {
    // Rules in the order they first changed something; the first change of
    // each is its example.
    std::map<std::pair<std::string, std::string>, std::size_t> row_of;
    for (const auto& e : doc.edits) {
      auto [it, added] = row_of.try_emplace({e.stage, e.rule}, cleaning.size());
      if (!added) {
        auto& count = cleaning[it->second][2];
        count = count.get<long long>() + 1;
        continue;
      }
      auto [before, after] = change_excerpt(e.before, e.after);
      cleaning.push_back(json::array({e.stage, e.rule, 1, before, after}));
    }
  }
  json s{{"file", document_name(doc)},
         {"title", m.title.value_or("")},
         {"organization", m.organization.value_or("")},
         {"type", m.doc_type.value_or("")},
         {"period", period_name(m.period)},
         {"date", m.date.value_or("")},
         {"headings", headings},
         {"characters", characters},
         {"figures_found", doc.metrics.size()},
         {"flags", join(doc.flags, ", ")},
         {"outline", std::move(outline)},
         {"figures", std::move(figures)},
         {"cleaning", std::move(cleaning)}};
  s["year"] = m.period.year ? json(*m.period.year) : json(nullptr);
  return s;
}

void SummaryWorkbook::add(const nlohmann::json& s, const DocumentStatus& status) {
  try {
    add_rows(s, status);
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("write.xlsx: not a document summary: ") + e.what());
  }
}

void SummaryWorkbook::add_rows(const nlohmann::json& s, const DocumentStatus& status) {
  ++documents_;
  const std::string name = shown_path(s.at("file").get<std::string>(), run_info_.input_root);
  const auto str = [&](const char* key) -> const std::string& {
    return s.at(key).get_ref<const std::string&>();
  };
  const auto headings = s.at("headings").get<long long>();
  const auto characters = s.at("characters").get<long long>();
  const auto figures_found = s.at("figures_found").get<long long>();

  if (reports_->next_row()) {
    auto& r = *reports_;
    r.text(kFile, name);
    r.text(kTitle, str("title"));
    r.text(kOrg, str("organization"));
    r.text(kType, str("type"));
    if (s.at("year").is_number()) r.number(kYear, s.at("year").get<double>(), true);
    r.text(kPeriod, str("period"));
    // A date Excel can sort and filter; kept as text if it is not a real date.
    if (auto dt = parse_iso_datetime(str("date")))
      r.date(kDate, *dt);
    else
      r.text(kDate, str("date"));
    r.number(kHeadings, static_cast<double>(headings), true);
    r.number(kChars, static_cast<double>(characters), true);
    r.number(kFigures, static_cast<double>(figures_found), true);
    r.text(kFlags, label_.flags(str("flags")));
    r.text(kStatus, label_(status.status));
    r.text(kError, status.error);
  }

  for (const auto& h : s.at("outline")) {
    if (!outline_->next_row()) break;
    outline_->text(0, name);
    outline_->number(1, h.at(0).get<double>(), true);
    outline_->text(2, h.at(1).get_ref<const std::string&>());
    outline_->text(3, h.at(2).get_ref<const std::string&>());
  }
  for (const auto& x : s.at("figures")) {
    if (!figures_->next_row()) break;
    figures_->text(0, name);
    for (lxw_col_t c : {1, 3, 4, 5}) figures_->text(c, x.at(c - 1).get_ref<const std::string&>());
    figures_->number(2, x.at(1).get<double>());
  }
  for (const auto& e : s.at("cleaning")) {
    if (!cleaning_->next_row()) break;
    cleaning_->text(0, name);
    cleaning_->text(1, e.at(0).get_ref<const std::string&>());
    cleaning_->text(2, e.at(1).get_ref<const std::string&>());
    if (const auto n = e.at(2).get<long long>(); n >= 0)  // -1: an edit of the whole document
      cleaning_->number(3, static_cast<double>(n), true);
    cleaning_->text(4, e.at(3).get_ref<const std::string&>());
    cleaning_->text(5, e.at(4).get_ref<const std::string&>());
  }

  ++by_status_[status.status.empty() ? "ok" : status.status];
  // A document that failed has a row on Reports (status and error) but is
  // not counted in its organization's totals.
  if (!status.status.empty() && status.status != "ok" && status.status != "partial") return;
  const std::string& written = str("organization");
  auto& org = by_organization_[written.empty() ? written : org_groups_.add(written)];
  ++org.documents;
  org.headings += headings;
  org.figures += figures_found;
  org.characters += characters;
}

void SummaryWorkbook::write_summary() {
  std::vector<std::pair<std::string, OrganizationTotals>> rows(by_organization_.begin(),
                                                               by_organization_.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.documents > b.second.documents;
  });
  for (const auto& [org, t] : rows) {
    if (!summary_->next_row()) break;
    summary_->text(0, org.empty() ? "(未识别)" : org_groups_.shown(org));
    summary_->number(1, static_cast<double>(t.documents), true);
    summary_->number(2, static_cast<double>(t.headings), true);
    summary_->number(3, static_cast<double>(t.figures), true);
    summary_->number(4, static_cast<double>(t.characters), true);
  }
  if (rows.empty()) return;
  // Rows are sorted by documents, so the chart shows the largest first.
  const int shown = std::min<int>(static_cast<int>(rows.size()), opts_.chart_organizations);
  const std::string last = std::to_string(shown + 1);
  lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_BAR);
  const std::string sheet = "='" + label_("Summary") + "'!";
  lxw_chart_series* series = chart_add_series(chart, (sheet + "$A$2:$A$" + last).c_str(),
                                              (sheet + "$B$2:$B$" + last).c_str());
  chart_series_set_name(series, (sheet + "$B$1").c_str());
  chart_title_set_name(chart, label_("Documents per organization").c_str());
  // In a bar chart y is the category axis: reversed, the largest is on top
  // like in the table. Documents are counted in whole numbers.
  chart_axis_set_reverse(chart->y_axis);
  const double most = static_cast<double>(rows.front().second.documents);
  chart_axis_set_min(chart->x_axis, 0);
  chart_axis_set_major_unit(chart->x_axis, std::max(1.0, std::ceil(most / 5)));
  chart_axis_set_num_format(chart->x_axis, "0");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  lxw_chart_options place{};
  place.x_offset = 10;
  place.y_offset = 10;
  place.x_scale = 1.4;
  place.y_scale = std::max(1.0, shown / 10.0);
  worksheet_insert_chart_opt(summary_->worksheet(), 1, 6, chart, &place);
}

void SummaryWorkbook::write_run(const RunTotals& totals) {
  auto& r = *run_;
  auto item = [&](const std::string& key) { return r.next_row() ? (r.text(0, key), true) : false; };
  auto when = [&](const std::string& key, const std::string& iso) {
    if (!item(key)) return;
    if (auto dt = parse_iso_datetime(iso))
      r.date(1, *dt, true);
    else
      r.text(1, iso);
  };
  when(label_("Start"), run_info_.started);
  when(label_("End"), totals.finished);
  if (item(label_("Pipeline"))) r.text(1, run_info_.pipeline_name);
  if (item(label_("Pipeline file"))) r.text(1, run_info_.pipeline_path);
  if (!run_info_.input_root.empty() && item(label_("Input folder")))
    r.text(1, run_info_.input_root);
  // What this run did (a resumed or incremental run skips what was done
  // before), then what the workbook lists: the whole collection.
  long long this_run = 0;
  for (const auto& [status, count] : totals.counts) this_run += count;
  const std::string this_run_ = label_("This run: "), workbook = label_("Workbook: ");
  if (item(this_run_ + label_("documents"))) r.number(1, static_cast<double>(this_run), true);
  for (const auto& [status, count] : totals.counts)
    if (item(this_run_ + label_(status))) r.number(1, count, true);
  if (item(workbook + label_("documents"))) r.number(1, static_cast<double>(documents_), true);
  for (const auto& [status, count] : by_status_)
    if (item(workbook + label_(status))) r.number(1, static_cast<double>(count), true);
  for (auto* sheet : {reports_.get(), outline_.get(), figures_.get(), cleaning_.get()})
    if (sheet->dropped_rows() &&
        item(label_("Rows not written (sheet full): ") + sheet->worksheet()->name))
      r.number(1, static_cast<double>(sheet->dropped_rows()), true);
  for (const auto& [plugin, version] : run_info_.plugin_versions)
    if (item(label_("Version ") + plugin)) r.text(1, version);
}

void SummaryWorkbook::finish(const RunTotals& totals, const fs::path& target) {
  write_summary();
  write_run(totals);
  for (auto* sheet : {reports_.get(), outline_.get(), figures_.get(), cleaning_.get(),
                      summary_.get(), run_.get()})
    sheet->finish();
  worksheet_activate(reports_->worksheet());

  lxw_doc_properties props{};
  std::string title = "docpipe run " + run_info_.pipeline_name;
  props.title = title.data();
  props.author = const_cast<char*>("docpipe");
  workbook_set_properties(wb_, &props);

  lxw_workbook* wb = wb_;
  wb_ = nullptr;  // workbook_close frees it, whatever the outcome
  if (lxw_error err = workbook_close(wb); err != LXW_NO_ERROR)
    throw Error("write.xlsx: cannot write " + scratch_.string() + ": " + lxw_strerror(err));
  move_file(scratch_, target);
}

}  // namespace docpipe::xlsx
