// Text lines of a PDF page as plain data: what poppler's text boxes say,
// grouped into lines. Kept free of poppler so the layout rules can be tested
// on made-up lines.
#pragma once

#include <string>
#include <vector>

namespace docpipe::readers::pdf {

// One poppler text box (roughly a word; a run of CJK characters without
// spaces). Coordinates in points, origin at the top left of the page.
struct Word {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;  // 0 when the PDF does not say
  bool bold = false;     // from the font name (…Bold, …Heavy, …Black)
  bool space_after = false;
};

// A run of words on a line with no wide gap inside: a table cell, or the
// whole line when there is no gap.
struct Cell {
  double x0 = 0, x1 = 0;
  std::string text;
};

struct Line {
  int page = 0;   // 0-based
  int index = 0;  // 0-based position on its page, in reading order
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;     // of most of its characters
  bool bold = false;        // most of its characters are bold
  std::string text;         // the cells joined by a space
  std::vector<Cell> cells;  // split where words stand more than 1.5 em apart
  double height() const { return y1 - y0; }
};

struct Page {
  double width = 0, height = 0;
  std::vector<Line> lines;
};

// Groups a page's words, in poppler's reading order, into lines: a word
// starts a new line when it does not overlap the current line vertically or
// stands left of its end, and a new cell when it stands more than 1.5 times
// its font size right of the previous word. A space poppler saw between two words is kept
// only between non-CJK characters (LibreOffice and Word space Latin text
// away from Chinese by layout, not by a character).
std::vector<Line> group_lines(int page, const std::vector<Word>& words);

// Whether a font name says bold: poppler gives the embedded name
// ("ABCDEF+NotoSansCJKsc-Bold", "SimHei,Bold").
bool bold_font_name(const std::string& name);

}  // namespace docpipe::readers::pdf
