// One worksheet written row by row, as constant-memory mode requires: a
// header row, then rows in order. It remembers only the widest text per
// column (to fit the widths at the end) and the row count, so its memory does
// not grow with the run.
#pragma once

#include <xlsxwriter.h>

#include <optional>
#include <string>
#include <vector>

namespace docpipe::xlsx {

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* wrap = nullptr;      // long text: wrapped, top-aligned
  lxw_format* date = nullptr;      // yyyy-mm-dd
  lxw_format* datetime = nullptr;  // yyyy-mm-dd hh:mm:ss
  lxw_format* integer = nullptr;
  lxw_format* number = nullptr;
};

struct Column {
  std::string header;
  bool wrap = false;     // long text: wrap and cap the width
  double min_width = 6;  // in Excel character units
};

class SheetWriter {
 public:
  static constexpr lxw_row_t kMaxRows = 1048576;  // Excel's sheet limit

  SheetWriter(lxw_workbook* wb, const char* name, std::vector<Column> columns,
              const Formats& formats);

  // Starts the next row; false (and the row is counted as dropped) when the
  // sheet is full.
  bool next_row();
  void text(lxw_col_t col, const std::string& value);
  void number(lxw_col_t col, double value, bool integer = false);
  void date(lxw_col_t col, const lxw_datetime& value, bool with_time = false);
  void optional_number(lxw_col_t col, std::optional<double> value, bool integer = false) {
    if (value) number(col, *value, integer);
  }

  // Column widths, frozen header and autofilter; call once, after the last row.
  void finish();

  lxw_worksheet* worksheet() const { return ws_; }
  lxw_row_t data_rows() const { return row_; }
  unsigned long long dropped_rows() const { return dropped_; }

 private:
  void fit(lxw_col_t col, double width);
  double max_width(lxw_col_t col) const;
  void check(lxw_error err);

  lxw_worksheet* ws_;
  std::vector<Column> columns_;
  std::vector<double> widths_;
  const Formats& formats_;
  lxw_row_t row_ = 0;  // last data row written (header is row 0)
  unsigned long long dropped_ = 0;
};

}  // namespace docpipe::xlsx
