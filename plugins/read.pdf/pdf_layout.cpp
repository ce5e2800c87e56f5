#include "pdf_layout.hpp"

#include <algorithm>
#include <cmath>
#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/text.hpp>
#include <limits>
#include <map>
#include <set>
#include <string_view>

namespace docpipe::readers::pdf {
namespace {

// The size a line is set in; the box height when the PDF names no size.
double size_of(const Line& l) { return l.font_size > 0 ? l.font_size : l.height(); }

// Text of a line with each run of digits folded to one '#' and spaces
// dropped, so "第 9 页" on one page and "第 10 页" on the next are the same
// furniture.
std::string shape(const std::string& s) {
  std::string out;
  for (char32_t c : text::to_u32(s)) {
    if (text::is_space(c)) continue;
    if ((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９')) {
      if (out.empty() || out.back() != '#') out += '#';
    } else {
      text::append_utf8(out, c);
    }
  }
  return out;
}

char32_t last_char(std::string_view s) {
  auto u = text::to_u32(s.substr(s.size() > 8 ? s.size() - 8 : 0));
  while (!u.empty() && (u.back() == 0xFFFD || text::is_space(u.back()))) u.pop_back();
  return u.empty() ? 0 : u.back();
}

char32_t first_char(std::string_view s) {
  auto u = text::to_u32(s.substr(0, 4));
  return u.empty() ? 0 : u.front();
}

// Where a sentence or clause ends, so what follows may be a new paragraph.
bool ends_clause(std::string_view s) {
  static const std::u32string kEnds = U"。！？；：.!?;:”』」）)";
  return kEnds.find(last_char(s)) != std::u32string::npos;
}

template <class T>
T mode(const std::map<T, double>& weights, T fallback) {
  double best = -1;
  for (const auto& [k, w] : weights)
    if (w > best) best = w, fallback = k;
  return fallback;
}

double rounded(double v, double step) { return std::round(v / step) * step; }

// Geometry of the body text, learnt from the lines themselves.
struct BodyGeometry {
  double size = 10;    // the font size most characters are set in
  bool bold = false;   // body text itself is bold
  double left = 0;     // where body lines start
  double right = 0;    // where full body lines end
  double leading = 2;  // usual gap between two lines of a paragraph
};

BodyGeometry measure(const std::vector<const Line*>& lines) {
  BodyGeometry g;
  std::map<double, double> by_size;
  for (const Line* l : lines) by_size[rounded(size_of(*l), 0.5)] += text::length(l->text);
  g.size = mode(by_size, 10.0);
  std::map<double, double> lefts;
  std::vector<double> rights, gaps;
  double bold = 0, all = 0;
  const Line* prev = nullptr;
  for (const Line* l : lines) {
    bool body = std::abs(rounded(size_of(*l), 0.5) - g.size) < 0.25;
    if (body) {
      double n = static_cast<double>(text::length(l->text));
      lefts[std::round(l->x0)] += n;
      all += n;
      if (l->bold) bold += n;
      if (prev && prev->page == l->page && l->y0 > prev->y0) {
        gaps.push_back(l->y0 - prev->y1);
        // Only a line with another below it shows where lines wrap: a page
        // of one line says nothing about the width of the text.
        rights.push_back(prev->x1);
      }
    }
    prev = body ? l : nullptr;
  }
  g.bold = all > 0 && bold * 2 > all;
  g.left = mode(lefts, 0.0);
  // The right edge is where many lines end: the furthest x at which a tenth
  // of the body lines (two at least) end, within a third of an em. A few
  // lines that stick out (an unbreakable Latin run) do not move it.
  std::sort(rights.begin(), rights.end(), std::greater<>());
  const std::size_t enough = std::max<std::size_t>(2, rights.size() / 10);
  for (std::size_t i = 0, j = 0; i < rights.size(); ++i) {
    while (j < rights.size() && rights[j] >= rights[i] - g.size / 3) ++j;
    if (j - i >= enough) {
      g.right = rights[i];
      break;
    }
  }
  if (g.right == 0) g.right = rights.empty() ? std::numeric_limits<double>::max() : rights.front();
  if (!gaps.empty()) {
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
    g.leading = std::max(0.0, gaps[gaps.size() / 2]);
  }
  return g;
}

// Roughly how wide the first unbreakable piece of a line is: what the
// layout could not have put at the end of the line before. A Latin word
// (pinyin glosses, figures, English) moves whole, and so does a character
// with the closing punctuation that may not start a line (长”2020). A
// Chinese character is one em, a Latin one about 0.6.
double first_token_width(const Line& l) {
  static const std::u32string kNoLineStart = U"，。、；：！？”’）》」』】〉〕,.;:!?)]";
  double ems = 0;
  bool first = true;
  for (char32_t c : text::to_u32(std::string_view(l.text).substr(0, 64))) {
    if (text::is_space(c)) break;
    bool cjk = text::is_cjk(c);
    if (!first && cjk && kNoLineStart.find(c) == std::u32string::npos) break;
    ems += cjk ? 1.0 : 0.6;
    first = false;
  }
  return std::max(ems, 1.0) * size_of(l);
}

// Whether line b starts a new paragraph after line a.
bool breaks_between(const Line& a, const Line& b, const BodyGeometry& g) {
  double sa = size_of(a), sb = size_of(b);
  if (std::abs(sa - sb) > 0.1 * std::max(sa, sb) || a.bold != b.bold) return true;
  if (a.page == b.page) {
    if (b.y0 < a.y0 - 1) return true;  // back up the page: another column or block
    if (b.y0 - a.y1 > g.leading + 0.4 * std::min(sa, sb)) return true;  // a blank line or spacing
  }
  if (b.x0 > g.left + 0.6 * sb) return true;  // first-line indent (or centred)
  if (g.right - a.x1 > std::max(1.5 * sa, first_token_width(b) + 0.5 * sa))
    return true;  // a short line ends its paragraph, unless b's first word would not fit after it
  // A full line that ends a sentence, followed by a numbered heading: a
  // paragraph that happened to fill its last line.
  if (ends_clause(a.text) && kit::match_heading_marker(b.text)) return true;
  return false;
}

// Joins the text of a wrapped line to the next: Chinese wraps anywhere and
// takes no space; Latin words wrapped at a line end get one.
void append_wrapped(std::string& text, const std::string& next) {
  char32_t a = last_char(text), b = first_char(next);
  if (!text.empty() && a != U'-' && !text::is_cjk(a) && !text::is_cjk(b)) text += ' ';
  text += next;
}

std::string locator(const Line& first, const Line& last) {
  std::string s =
      "page " + std::to_string(first.page + 1) + " line " + std::to_string(first.index + 1);
  if (last.page != first.page)
    s += " to page " + std::to_string(last.page + 1) + " line " + std::to_string(last.index + 1);
  else if (last.index != first.index)
    s += "-" + std::to_string(last.index + 1);
  return s;
}

struct Paragraph {
  std::vector<const Line*> lines;
  std::string text;
  double size = 0;
  bool bold = false;
  std::vector<std::vector<std::string>> rows;  // set when the lines are a table
};

// Index of the column a cell starting at x belongs to, or -1.
int column_of(const std::vector<double>& columns, double x, double tolerance) {
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (std::abs(columns[c] - x) <= tolerance) return static_cast<int>(c);
  return -1;
}

// A table where the lines make one evident: two or more consecutive lines
// of one page, each split into two or more cells by wide gaps, whose cells
// start where the first row's do (or that have as many cells). Returns the
// number of lines it takes (0: no table here) and fills `rows`.
std::size_t table_at(const std::vector<const Line*>& lines, std::size_t i,
                     std::vector<std::vector<std::string>>& rows) {
  const Line& first = *lines[i];
  if (first.cells.size() < 2) return 0;
  std::vector<double> columns;
  for (const auto& c : first.cells) columns.push_back(c.x0);
  const double tolerance = size_of(first);
  std::size_t j = i + 1;
  for (; j < lines.size(); ++j) {
    const Line& l = *lines[j];
    const Line& prev = *lines[j - 1];
    if (l.page != first.page || l.cells.size() < 2 || l.y0 < prev.y0 ||
        l.y0 - prev.y1 > 2 * size_of(prev))
      break;
    bool aligned = l.cells.size() == columns.size();
    if (!aligned) {
      aligned = true;
      for (const auto& c : l.cells) aligned = aligned && column_of(columns, c.x0, tolerance) >= 0;
    }
    if (!aligned) break;
  }
  if (j - i < 2) return 0;
  rows.clear();
  for (std::size_t k = i; k < j; ++k) {
    std::vector<std::string> row(columns.size());
    const auto& cells = lines[k]->cells;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      int col = cells.size() == columns.size() ? static_cast<int>(c)
                                               : column_of(columns, cells[c].x0, tolerance);
      auto& cell = row[static_cast<std::size_t>(col)];
      cell += (cell.empty() ? "" : " ") + cells[c].text;
    }
    rows.push_back(std::move(row));
  }
  return j - i;
}

}  // namespace

bool looks_like_page_number(const std::string& line) {
  static const std::u32string kDecoration = U"-—–_/|()（）[]【】·•.第页共頁Ppageof";
  auto u = text::to_u32(line);
  if (u.empty() || u.size() > 24) return false;
  bool digit = false;
  for (char32_t c : u) {
    if ((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'))
      digit = true;
    else if (!text::is_space(c) && kDecoration.find(c) == std::u32string::npos)
      return false;
  }
  return digit;
}

void drop_page_furniture(std::vector<Page>& pages, Document& doc, const LayoutOptions& opt) {
  struct Seen {
    int page;
    std::size_t line;
    double y;
  };
  // Candidates: lines in the top or bottom band, keyed by band and shape.
  std::map<std::string, std::vector<Seen>> candidates;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const Page& page = pages[p];
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
      const Line& l = page.lines[i];
      double mid = (l.y0 + l.y1) / 2;
      char band = mid < opt.margin_band * page.height         ? 'T'
                  : mid > (1 - opt.margin_band) * page.height ? 'B'
                                                              : 0;
      if (!band) continue;
      candidates[std::string(1, band) + shape(l.text)].push_back({static_cast<int>(p), i, mid});
    }
  }
  std::vector<std::set<std::size_t>> drop(pages.size());
  std::map<std::pair<int, std::size_t>, const char*> rule_of;
  const double need =
      std::max(2.0, std::ceil(opt.running_share * static_cast<double>(pages.size())));
  for (auto& [key, seen] : candidates) {
    // The largest group standing within 4 pt of one height.
    std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.y < b.y; });
    std::size_t best_from = 0, best_to = 0;
    for (std::size_t from = 0, to = 0; from < seen.size(); ++from) {
      while (to < seen.size() && seen[to].y - seen[from].y <= 4) ++to;
      if (to - from > best_to - best_from) best_from = from, best_to = to;
    }
    std::set<int> on_pages;
    for (std::size_t k = best_from; k < best_to; ++k) on_pages.insert(seen[k].page);
    bool running = static_cast<double>(on_pages.size()) >= need;
    for (std::size_t k = 0; k < seen.size(); ++k) {
      const Line& l = pages[static_cast<std::size_t>(seen[k].page)].lines[seen[k].line];
      bool in_group = k >= best_from && k < best_to;
      const char* rule = nullptr;
      if (looks_like_page_number(l.text))
        rule = "pdf.page_number";
      else if (running && in_group)
        rule = key[0] == 'T' ? "pdf.running_head" : "pdf.running_foot";
      if (rule) {
        drop[static_cast<std::size_t>(seen[k].page)].insert(seen[k].line);
        rule_of[{seen[k].page, seen[k].line}] = rule;
      }
    }
  }
  std::size_t dropped = 0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (drop[p].empty()) continue;
    std::vector<Line> kept;
    for (std::size_t i = 0; i < pages[p].lines.size(); ++i) {
      if (!drop[p].count(i)) {
        kept.push_back(std::move(pages[p].lines[i]));
        continue;
      }
      doc.record_edit(rule_of[{static_cast<int>(p), i}], -1, pages[p].lines[i].text, "");
      ++dropped;
    }
    pages[p].lines = std::move(kept);
  }
  if (dropped)
    doc.diagnose(Level::info, "dropped " + std::to_string(dropped) +
                                  " running head, foot and page-number lines (see edits)");
}

void build_blocks(const std::vector<Page>& pages, Document& doc, const LayoutOptions& opt) {
  std::vector<const Line*> lines;
  for (const auto& p : pages)
    for (const auto& l : p.lines) lines.push_back(&l);
  if (lines.empty()) return;
  const BodyGeometry g = measure(lines);

  std::vector<Paragraph> paras;
  bool after_table = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::vector<std::string>> rows;
    if (std::size_t n = table_at(lines, i, rows)) {
      Paragraph t;
      t.lines.assign(lines.begin() + static_cast<long>(i),
                     lines.begin() + static_cast<long>(i + n));
      t.rows = std::move(rows);
      paras.push_back(std::move(t));
      i += n - 1;
      after_table = true;
      continue;
    }
    if (i == 0 || after_table || breaks_between(*lines[i - 1], *lines[i], g)) paras.emplace_back();
    after_table = false;
    Paragraph& p = paras.back();
    p.lines.push_back(lines[i]);
    append_wrapped(p.text, lines[i]->text);
  }

  // Headings: short paragraphs set larger than the body, or bold in a body
  // that is not; larger sizes are higher levels.
  std::set<double, std::greater<>> heading_sizes;
  std::vector<char> is_heading(paras.size(), 0);
  for (std::size_t k = 0; k < paras.size(); ++k) {
    Paragraph& p = paras[k];
    if (!p.rows.empty()) continue;
    std::map<double, double> by_size;
    bool bold = true;
    for (const Line* l : p.lines) {
      by_size[rounded(size_of(*l), 0.5)] += text::length(l->text);
      bold = bold && l->bold;
    }
    p.size = mode(by_size, g.size);
    p.bold = bold;
    auto len = text::length(p.text);
    if (p.lines.size() > 3 || len > 60 || looks_like_page_number(p.text)) continue;
    if (p.size >= g.size * opt.heading_size_ratio) {
      is_heading[k] = 1;
      heading_sizes.insert(p.size);
    } else if (p.bold && !g.bold && len <= 40 && p.size >= g.size - 0.25) {
      is_heading[k] = 1;
    }
  }
  // Before the body starts (the first paragraph over 60 characters or
  // ending a sentence), a heading set at least 1.3 times the body size is a
  // cover's or first line's title: its locator says " (prominent)", as
  // read.docx's does, for structure.metadata.
  bool body_started = false;
  bool prominent_given = false;
  for (std::size_t k = 0; k < paras.size(); ++k) {
    const Paragraph& p = paras[k];
    Block b;
    b.origin.locator = locator(*p.lines.front(), *p.lines.back());
    if (!body_started && !prominent_given && is_heading[k] && p.size >= 1.3 * g.size) {
      b.origin.locator += " (prominent)";
      prominent_given = true;
    }
    if (p.rows.empty() && !is_heading[k] && (text::length(p.text) > 60 || ends_clause(p.text)))
      body_started = true;
    // The wraps are joined here; what ends a block is a paragraph end the
    // geometry showed (a short line, an indent, a gap, a change of font).
    b.origin.boundary = Boundary::paragraph;
    if (!p.rows.empty()) {
      b.kind = BlockKind::table;
      b.rows = p.rows;
      b.text = table_text(b.rows);
      doc.blocks.push_back(std::move(b));
      continue;
    }
    b.text = text::trim(p.text);
    if (b.text.empty()) continue;
    if (is_heading[k]) {
      b.kind = BlockKind::heading;
      int level = 1;
      for (double s : heading_sizes) {
        if (s <= p.size + 0.25) break;
        ++level;
      }
      b.level = std::min(level, 9);
    }
    doc.blocks.push_back(std::move(b));
  }
}

}  // namespace docpipe::readers::pdf
