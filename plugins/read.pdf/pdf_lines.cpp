#include "pdf_lines.hpp"

#include <algorithm>
#include <cctype>
#include <docpipe/text.hpp>
#include <map>

namespace docpipe::readers::pdf {
namespace {

char32_t first_char(const std::string& s) {
  auto u = text::to_u32(std::string_view(s).substr(0, 4));
  return u.empty() ? 0 : u.front();
}

char32_t last_char(const std::string& s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  auto u = text::to_u32(std::string_view(s).substr(i));
  return u.empty() ? 0 : u.front();
}

// Whether the gap between two words is a space character. Between Latin
// words poppler's judgement stands. Next to Chinese, LibreOffice and Word
// set Latin text and figures about a quarter em apart by layout alone
// ("2023年", "为加快xx城市"); a typed space makes the gap wider (measured
// 0.23 em against 0.31 em in LibreOffice's PDF). Two Chinese characters
// take a space only across a gap of most of an em.
bool keeps_space(bool poppler_space, char32_t before, char32_t after, double gap_em) {
  bool cjk_before = text::is_cjk(before), cjk_after = text::is_cjk(after);
  if (!cjk_before && !cjk_after) return poppler_space;
  if (cjk_before && cjk_after) return gap_em > 0.8;
  return gap_em > 0.27;
}

struct Builder {
  Line line;
  std::map<double, std::size_t> chars_by_size;
  std::size_t bold_chars = 0, chars = 0;

  void add(const Word& w, bool space_before) {
    bool new_cell = line.cells.empty() || w.x0 - line.cells.back().x1 > 1.5 * size_hint(w);
    if (new_cell) {
      line.cells.push_back(Cell{w.x0, w.x1, w.text});
    } else {
      Cell& c = line.cells.back();
      if (keeps_space(space_before, last_char(c.text), first_char(w.text),
                      (w.x0 - c.x1) / size_hint(w)))
        c.text += ' ';
      c.text += w.text;
      c.x1 = std::max(c.x1, w.x1);
    }
    auto n = text::length(w.text);
    chars_by_size[w.font_size] += n;
    chars += n;
    if (w.bold) bold_chars += n;
    line.x0 = std::min(line.x0, w.x0);
    line.y0 = std::min(line.y0, w.y0);
    line.x1 = std::max(line.x1, w.x1);
    line.y1 = std::max(line.y1, w.y1);
  }

  static double size_hint(const Word& w) { return w.font_size > 0 ? w.font_size : w.y1 - w.y0; }

  Line finish() {
    for (auto& c : line.cells) {
      c.text = text::trim(c.text);
      if (c.text.empty()) continue;
      if (!line.text.empty()) line.text += ' ';
      line.text += c.text;
    }
    std::size_t best = 0;
    for (const auto& [size, n] : chars_by_size)
      if (n > best) best = n, line.font_size = size;
    line.bold = chars > 0 && bold_chars * 2 > chars;
    return std::move(line);
  }
};

}  // namespace

bool bold_font_name(const std::string& name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* w : {"bold", "heavy", "black", "semibold", "demibold"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

std::vector<Line> group_lines(int page, const std::vector<Word>& words) {
  std::vector<Line> lines;
  Builder cur;
  bool open = false;
  bool space_pending = false;
  auto close = [&] {
    if (!open) return;
    Line l = cur.finish();
    if (!l.text.empty()) {
      l.page = page;
      l.index = static_cast<int>(lines.size());
      lines.push_back(std::move(l));
    }
    cur = Builder{};
    open = false;
  };
  for (const auto& w : words) {
    if (w.text.empty()) continue;
    if (open) {
      // Same line: the word overlaps the line by half its height and does
      // not start left of where the line has got to (a new line or column).
      double overlap = std::min(cur.line.y1, w.y1) - std::max(cur.line.y0, w.y0);
      double h = std::max(1e-3, std::min(cur.line.y1 - cur.line.y0, w.y1 - w.y0));
      bool same = overlap >= 0.5 * h && w.x0 >= cur.line.x1 - 0.5 * h;
      if (!same) close();
    }
    if (!open) {
      cur.line.x0 = w.x0, cur.line.y0 = w.y0, cur.line.x1 = w.x1, cur.line.y1 = w.y1;
      open = true;
      space_pending = false;
    }
    cur.add(w, space_pending);
    space_pending = w.space_after;
  }
  close();
  return lines;
}

}  // namespace docpipe::readers::pdf
