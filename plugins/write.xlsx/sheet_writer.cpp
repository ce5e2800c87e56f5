#include "sheet_writer.hpp"

#include <algorithm>
#include <docpipe/error.hpp>

#include "cell_text.hpp"

namespace docpipe::xlsx {

namespace {
constexpr double kMaxPlainWidth = 50;    // a title may be long, but not the whole screen
constexpr double kMaxWrappedWidth = 80;  // sentences wrap inside this
constexpr double kPadding = 2;           // room for the autofilter button
}  // namespace

SheetWriter::SheetWriter(lxw_workbook* wb, const char* name, std::vector<Column> columns,
                         const Formats& formats)
    : ws_(workbook_add_worksheet(wb, name)), columns_(std::move(columns)), formats_(formats) {
  if (!ws_) throw Error(std::string("write.xlsx: cannot add sheet ") + name);
  widths_.resize(columns_.size(), 0);
  for (lxw_col_t c = 0; c < columns_.size(); ++c) {
    check(worksheet_write_string(ws_, 0, c, columns_[c].header.c_str(), formats_.header));
    fit(c, display_width(columns_[c].header));
  }
}

bool SheetWriter::next_row() {
  if (row_ + 1 >= kMaxRows) {
    ++dropped_;
    return false;
  }
  ++row_;
  return true;
}

void SheetWriter::text(lxw_col_t col, const std::string& value) {
  if (value.empty()) return;  // a blank cell, not an empty string, filters as (Blanks)
  std::string fixed;
  const std::string* cell = &value;
  if (!is_cell_safe(value)) cell = &(fixed = cell_text(value));
  check(worksheet_write_string(ws_, row_, col, cell->c_str(),
                               columns_[col].wrap ? formats_.wrap : nullptr));
  // A column already as wide as it may get needs no more measuring.
  if (widths_[col] + kPadding < max_width(col)) fit(col, display_width(*cell));
}

double SheetWriter::max_width(lxw_col_t col) const {
  return columns_[col].wrap ? kMaxWrappedWidth : kMaxPlainWidth;
}

void SheetWriter::number(lxw_col_t col, double value, bool integer) {
  check(
      worksheet_write_number(ws_, row_, col, value, integer ? formats_.integer : formats_.number));
  fit(col, integer ? 8 : 12);
}

void SheetWriter::date(lxw_col_t col, const lxw_datetime& value, bool with_time) {
  lxw_datetime dt = value;
  check(
      worksheet_write_datetime(ws_, row_, col, &dt, with_time ? formats_.datetime : formats_.date));
  fit(col, with_time ? 19 : 10);
}

void SheetWriter::fit(lxw_col_t col, double width) { widths_[col] = std::max(widths_[col], width); }

void SheetWriter::check(lxw_error err) {
  if (err != LXW_NO_ERROR) throw Error(std::string("write.xlsx: ") + lxw_strerror(err));
}

void SheetWriter::finish() {
  for (lxw_col_t c = 0; c < columns_.size(); ++c) {
    const double width = std::clamp(widths_[c] + kPadding, columns_[c].min_width, max_width(c));
    check(worksheet_set_column(ws_, c, c, width, columns_[c].wrap ? formats_.wrap : nullptr));
  }
  worksheet_freeze_panes(ws_, 1, 0);
  // Printed, a sheet is A4 landscape, one page wide, the header on every page.
  worksheet_set_paper(ws_, 9);
  worksheet_set_landscape(ws_);
  worksheet_fit_to_pages(ws_, 1, 0);
  check(worksheet_repeat_rows(ws_, 0, 0));
  const lxw_col_t last_col = static_cast<lxw_col_t>(columns_.size() - 1);
  check(worksheet_autofilter(ws_, 0, 0, row_, last_col));
}

}  // namespace docpipe::xlsx
