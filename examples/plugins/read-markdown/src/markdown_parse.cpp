#include "markdown_parse.hpp"

#include <cctype>
#include <docpipe/error.hpp>
#include <docpipe/text.hpp>
#include <string>
#include <vector>

namespace mdread {

namespace {

using docpipe::Block;
using docpipe::BlockKind;

struct Line {
  std::string text;
  int number = 0;  // 1-based
};

std::size_t indent_of(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  return n;
}

bool blank(std::string_view s) { return docpipe::text::trim(s).empty(); }

// "## 标题 ##" -> level 2, "标题". Returns 0 when the line is not a heading.
int atx_heading(std::string_view s, std::string& text) {
  std::size_t i = indent_of(s);
  if (i > 3) return 0;
  int level = 0;
  while (i < s.size() && s[i] == '#') ++level, ++i;
  if (level == 0 || level > 6 || (i < s.size() && s[i] != ' ' && s[i] != '\t')) return 0;
  std::string_view rest = s.substr(i);
  while (!rest.empty() && (rest.back() == '#' || rest.back() == ' ')) rest.remove_suffix(1);
  text = docpipe::text::trim(rest);
  return level;
}

bool all_of_char(std::string_view s, char c) {
  std::string t = docpipe::text::trim(s);
  if (t.empty()) return false;
  for (char x : t)
    if (x != c) return false;
  return true;
}

// "- 项目", "* 项目", "+ 项目", "1. 项目", "2) 项目". Fills the marker ("" for
// bullets, "1." for ordered items) and the item text after it.
bool list_item(std::string_view s, std::size_t& indent, std::string& marker, std::string& text) {
  indent = indent_of(s);
  std::size_t i = indent;
  if (i + 1 < s.size() && (s[i] == '-' || s[i] == '*' || s[i] == '+') && s[i + 1] == ' ') {
    marker.clear();
    text = docpipe::text::trim(s.substr(i + 2));
    return !all_of_char(s, s[i]);  // "- - -" is a rule, not an item
  }
  std::size_t j = i;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  if (j == i || j - i > 9 || j + 1 >= s.size() || (s[j] != '.' && s[j] != ')') || s[j + 1] != ' ')
    return false;
  marker = std::string(s.substr(i, j - i + 1));
  text = docpipe::text::trim(s.substr(j + 2));
  return true;
}

bool table_row(std::string_view s) {
  std::string t = docpipe::text::trim(s);
  return t.size() >= 2 && t.front() == '|';
}

std::vector<std::string> table_cells(std::string_view s) {
  std::string t = docpipe::text::trim(s);
  std::string_view v(t);
  v.remove_prefix(1);
  if (!v.empty() && v.back() == '|') v.remove_suffix(1);
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= v.size(); ++i)
    if (i == v.size() || v[i] == '|') {
      cells.push_back(strip_inline(docpipe::text::trim(v.substr(start, i - start))));
      start = i + 1;
    }
  return cells;
}

// |---|:--:| separates a table's header from its body.
bool table_separator(std::string_view s) {
  bool dash = false;
  for (char c : s) {
    if (c == '-')
      dash = true;
    else if (c != '|' && c != ':' && c != ' ' && c != '\t')
      return false;
  }
  return dash;
}

// Chinese lines are joined without a space, Latin words with one.
void join_line(std::string& para, std::string_view next) {
  if (para.empty()) {
    para = next;
    return;
  }
  auto a = docpipe::text::to_u32(para);
  auto b = docpipe::text::to_u32(next);
  bool cjk = (!a.empty() && docpipe::text::is_cjk(a.back())) ||
             (!b.empty() && docpipe::text::is_cjk(b.front()));
  if (!cjk) para += ' ';
  para += next;
}

Block make_block(BlockKind kind, std::string text, int first, int last) {
  Block b;
  b.kind = kind;
  b.text = std::move(text);
  b.origin.line_start = first;
  b.origin.line_end = last;
  return b;
}

}  // namespace

std::string strip_inline(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    // Links and images: keep the text (or alt text), drop the target.
    if ((s[i] == '[' || (s[i] == '!' && i + 1 < s.size() && s[i + 1] == '['))) {
      std::size_t open = s[i] == '!' ? i + 1 : i;
      auto close = s.find("](", open);
      auto end = close == std::string_view::npos ? close : s.find(')', close + 2);
      if (end != std::string_view::npos &&
          s.substr(open + 1, close - open - 1).find('\n') == std::string_view::npos) {
        out += strip_inline(s.substr(open + 1, close - open - 1));
        i = end + 1;
        continue;
      }
    }
    if (s.substr(i, 2) == "**" || s.substr(i, 2) == "__") {
      i += 2;
      continue;
    }
    // A lone '*' or '`' is emphasis or a code span marker; '_' inside words
    // (file_name) is kept.
    if (s[i] == '*' || s[i] == '`') {
      ++i;
      continue;
    }
    out += s[i++];
  }
  return out;
}

docpipe::Document parse_markdown(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (!docpipe::text::is_valid_utf8(bytes))
    throw docpipe::InputError("not UTF-8: Markdown files are read as UTF-8 only");
  docpipe::Document doc;
  doc.source.format = "md";
  doc.source.encoding = "UTF-8";

  std::vector<Line> lines;
  int n = 0;
  for (auto l : docpipe::text::split_lines(bytes)) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back({std::string(l), ++n});
  }

  std::size_t i = 0;
  // Front matter: title becomes the title, every other key an extra field.
  if (!lines.empty() && lines[0].text == "---") {
    for (std::size_t j = 1; j < lines.size(); ++j)
      if (lines[j].text == "---" || lines[j].text == "...") {
        for (std::size_t k = 1; k < j; ++k) {
          auto colon = lines[k].text.find(':');
          if (colon == std::string::npos) continue;
          std::string key = docpipe::text::trim(std::string_view(lines[k].text).substr(0, colon));
          std::string value =
              docpipe::text::trim(std::string_view(lines[k].text).substr(colon + 1));
          if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
              value.back() == value.front())
            value = value.substr(1, value.size() - 2);
          if (key == "title")
            doc.metadata.title = value;
          else if (!key.empty())
            doc.metadata.extra[key] = value;
        }
        i = j + 1;
        break;
      }
  }

  std::string para;
  int para_first = 0, para_last = 0;
  auto flush = [&] {
    if (!para.empty())
      doc.blocks.push_back(make_block(BlockKind::paragraph, para, para_first, para_last));
    para.clear();
  };

  for (; i < lines.size(); ++i) {
    const std::string& s = lines[i].text;
    int ln = lines[i].number;
    std::string text, marker;
    std::size_t indent = 0;
    if (blank(s)) {
      flush();
      continue;
    }
    if (docpipe::text::starts_with(docpipe::text::trim(s), "```")) {
      // Fenced code: one paragraph, kept verbatim.
      flush();
      std::string code;
      std::size_t j = i + 1;
      while (j < lines.size() &&
             !docpipe::text::starts_with(docpipe::text::trim(lines[j].text), "```")) {
        if (!code.empty()) code += '\n';
        code += lines[j++].text;
      }
      int last = j < lines.size() ? lines[j].number : lines.back().number;
      if (!code.empty()) doc.blocks.push_back(make_block(BlockKind::paragraph, code, ln, last));
      i = j;
      continue;
    }
    if (int level = atx_heading(s, text)) {
      flush();
      auto b = make_block(BlockKind::heading, strip_inline(text), ln, ln);
      b.level = level;
      doc.blocks.push_back(std::move(b));
      continue;
    }
    // Setext: a paragraph line underlined with === (level 1) or --- (level 2).
    if (!para.empty() && (all_of_char(s, '=') || all_of_char(s, '-'))) {
      auto b = make_block(BlockKind::heading, para, para_first, ln);
      b.level = all_of_char(s, '=') ? 1 : 2;
      para.clear();
      doc.blocks.push_back(std::move(b));
      continue;
    }
    if (list_item(s, indent, marker, text)) {
      flush();
      auto b = make_block(BlockKind::list_item,
                          strip_inline(marker.empty() ? text : marker + " " + text), ln, ln);
      b.marker = marker;
      b.level = static_cast<int>(indent / 2) + 1;
      doc.blocks.push_back(std::move(b));
      continue;
    }
    if (table_row(s)) {
      flush();
      Block b = make_block(BlockKind::table, "", ln, ln);
      for (; i < lines.size() && table_row(lines[i].text); ++i) {
        if (!table_separator(lines[i].text)) b.rows.push_back(table_cells(lines[i].text));
        b.origin.line_end = lines[i].number;
      }
      --i;
      for (const auto& row : b.rows)
        for (const auto& cell : row) {
          if (!b.text.empty()) b.text += '\t';
          b.text += cell;
        }
      doc.blocks.push_back(std::move(b));
      continue;
    }
    std::string_view content = s;
    std::string trimmed = docpipe::text::trim(content);
    if (!trimmed.empty() && trimmed[0] == '>')
      trimmed = docpipe::text::trim(std::string_view(trimmed).substr(1));
    if (para.empty()) para_first = ln;
    para_last = ln;
    // Markup goes first, so the join sees the characters that remain.
    join_line(para, strip_inline(trimmed));
  }
  flush();

  if (!doc.metadata.title)
    for (const auto& b : doc.blocks)
      if (b.kind == BlockKind::heading && b.level == 1) {
        doc.metadata.title = b.text;
        break;
      }
  return doc;
}

}  // namespace mdread
