#include "lines.hpp"

#include <algorithm>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>

#include "cjk_spaces.hpp"
#include "paragraph_join.hpp"

namespace docpipe::clean {
namespace {
namespace t = docpipe::text;

// Outline markers of GB/T 9704 numbering and the 一是/二是 item words.
constexpr const char* kNum = "[一二三四五六七八九十]";
std::string outline_marker() {
  return std::string("(?:") + kNum + "+、|[(（]" + kNum +
         "+[)）]|[(（]\\d{1,2}[)）]|\\d{1,2}[、.．](?!\\d))";
}

bool no_space_char(char32_t c) { return t::is_cjk(c); }

}  // namespace

LineCleaner::LineCleaner(const PluginEnv&, const Params& params)
    : heading_then_item_("(?!)"),
      title_then_paragraph_("(?!)"),
      starts_with_marker_("(?!)"),
      starts_with_outline_("(?!)"),
      signature_like_("\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*$") {
  split_ = params.get<bool>("split");
  join_ = params.get<bool>("join");
  spaces_ = params.get<bool>("spaces");
  punct_ = params.get<bool>("fullwidth_punct");
  min_join_chars_ = static_cast<std::size_t>(params.get<int>("min_join_chars"));
  join_limits_.min_chars_paragraph =
      static_cast<std::size_t>(params.get<int>("min_join_chars_paragraph"));
  join_limits_.max_fragment_chars = static_cast<std::size_t>(params.get<int>("max_fragment_chars"));
  join_limits_.max_label_line_chars =
      static_cast<std::size_t>(params.get<int>("max_label_line_chars"));
  title_lines_ = static_cast<std::size_t>(params.get<int>("title_lines"));
  doc_types_ = params.get<std::vector<std::string>>("doc_types");
  std::string marker = outline_marker();
  // A short heading (no sentence punctuation) then spaces then an item marker.
  heading_then_item_ = kit::Regex(
      "^(" + marker + "[\\s\\x{3000}]*[^。！？；!?;\\s]{1,30})[\\s\\x{3000}]+(?=" + marker + ")");
  std::string title_pattern = "^([^\\s，。,；;！!？?：:]{2,40}?(?:";
  title_pattern +=
      kit::regex_alternation(doc_types_);  // (appended: GCC 12 -O3 misreads a + chain here)
  title_pattern += "))[\\s\\x{3000}]+(?=\\S)";
  title_then_paragraph_ = kit::Regex(title_pattern);
  max_heading_chars_ = static_cast<std::size_t>(params.get<int>("max_heading_chars"));
  starts_with_outline_ = kit::Regex("^" + marker);
  starts_with_marker_ = kit::Regex(
      "^(?:" + marker +
      "|[一二三四五六七八九十]+是|首先|其次|再次|最后|第[一二三四五六七八九十]+[,，、])");
}

bool LineCleaner::ends_with_doc_type(const std::string& text) const {
  return std::any_of(doc_types_.begin(), doc_types_.end(),
                     [&](const std::string& d) { return t::ends_with(t::trim(text), d); });
}

void LineCleaner::split_blocks(Document& doc) const {
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const std::string text = doc.blocks[i].text;
    kit::Match m;
    std::string rule;
    if (heading_then_item_.search(text, m)) {
      rule = "lines.split_heading";
    } else if (i < title_lines_ && title_then_paragraph_.search(text, m) &&
               t::length(text) > t::length(m.group(text, 1)) + 10) {
      rule = "lines.split_title";
    } else {
      continue;
    }
    std::string head(m.group(text, 1));
    std::string rest = t::trim(std::string_view(text).substr(m.end()));
    Block tail = doc.blocks[i];
    tail.text = rest;
    doc.set_block_text(i, head, rule);
    doc.blocks.insert(doc.blocks.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(tail));
    doc.record_edit(rule, static_cast<int>(i) + 1, "", rest);
  }
}

void LineCleaner::join_blocks(Document& doc) const {
  const std::size_t wrap = wrap_width(doc.blocks, join_limits_);
  // The source line the current block ends with: a wrap is judged on it.
  std::u32string last_line = doc.blocks.empty() ? U"" : t::to_u32(doc.blocks[0].text);
  for (std::size_t i = 0; i + 1 < doc.blocks.size();) {
    if (!broken_between(doc.blocks[i], last_line, doc.blocks[i + 1], wrap)) {
      ++i;
      last_line = t::to_u32(doc.blocks[i].text);
      continue;
    }
    const auto& cur = doc.blocks[i];
    const auto& next = doc.blocks[i + 1];
    last_line = t::to_u32(next.text);
    doc.set_block_text(i, cur.text + next.text, "lines.join");
    doc.blocks[i].origin.line_end =
        std::max(doc.blocks[i].origin.line_end, doc.blocks[i + 1].origin.line_end);
    doc.blocks[i].origin.boundary = doc.blocks[i + 1].origin.boundary;
    doc.remove_block(i + 1, "lines.join");
  }
}

bool LineCleaner::broken_between(const Block& cur, const std::u32string& last_line,
                                 const Block& next, std::size_t wrap) const {
  if (cur.kind != BlockKind::paragraph || next.kind != BlockKind::paragraph) return false;
  // A numbered line that short is a heading, which ends without punctuation.
  if (starts_with_outline_.contains(cur.text) && t::length(cur.text) <= max_heading_chars_)
    return false;
  auto cu = t::to_u32(cur.text);
  auto nu = t::to_u32(next.text);
  if (cu.empty() || nu.empty()) return false;
  // ——2023年3月30日在…会议上: a subtitle or attribution line ends where it
  // ends; so does a short line laid out with spaces (县长  李  刚).
  if (starts_with_dash(cu) || is_spaced_layout_line(cu, 2 * min_join_chars_)) return false;
  char32_t last = cu.back(), first = nu.front();
  if (!t::is_han(last) || ends_with_doc_type(cur.text) || starts_with_marker_.contains(next.text) ||
      signature_like_.contains(next.text))
    return false;
  if (cur.origin.boundary == Boundary::paragraph || cur.origin.boundary == Boundary::line_break)
    return (t::is_han(first) || first == U'“' || kit::is_continuing_punct(first)) &&
           strong_break_evidence(cu, last_line, nu, wrap, join_limits_);
  // A hard line (or a block of unknown source): a line broken mid-sentence
  // usually carries punctuation before the break; a long unnumbered title
  // line carries none. A short labelled line (关键词：…) stands alone unless
  // it stops at the document's wrap width.
  bool inner_punct = std::any_of(cu.begin(), cu.end(), [](char32_t c) {
    return c == U'，' || c == U',' || c == U'。' || c == U'、' || c == U'；' || c == U';' ||
           c == U'：';
  });
  if (is_label_line(cu, join_limits_) && !at_wrap_width(last_line, wrap)) return false;
  return (inner_punct || cu.size() >= 2 * min_join_chars_) && cu.size() >= min_join_chars_ &&
         (t::is_han(first) || first == U'“');
}

std::string LineCleaner::fix_spaces(const std::string& text) const {
  auto u = t::to_u32(text);
  const bool prose = has_sentence_punct(u);
  std::u32string out;
  for (std::size_t i = 0; i < u.size();) {
    if (!t::is_space(u[i])) {
      out.push_back(u[i++]);
      continue;
    }
    std::size_t j = i;
    bool tab = false;  // a tab separates columns of a plain-text table: keep one
    while (j < u.size() && t::is_space(u[j])) tab |= u[j++] == U'\t';
    if (tab) {
      out.push_back(U'\t');
      i = j;
      continue;
    }
    char32_t left = out.empty() ? 0 : out.back();
    char32_t right = j < u.size() ? u[j] : 0;
    if (left && right && t::is_han(left) && t::is_han(right) &&
        keeps_cjk_space(u, i, j, prose, space_limits_)) {
      out.push_back(U' ');
      i = j;
      continue;
    }
    // Before the left char: an ASCII comma etc. that itself follows Chinese.
    char32_t left2 = out.size() >= 2 ? out[out.size() - 2] : 0;
    bool ascii_punct_after_cjk =
        (left == U',' || left == U';' || left == U':') && no_space_char(left2);
    bool drop = (left && right && no_space_char(left) && no_space_char(right)) ||
                (left && t::is_cjk_punct(left)) || (right && t::is_cjk_punct(right) && left) ||
                (ascii_punct_after_cjk && right);
    if (!drop && left && right) out.push_back(U' ');  // NBSP and runs become one plain space
    i = j;
  }
  return t::to_utf8(out);
}

std::string LineCleaner::fix_punct(const std::string& text) const {
  auto u = t::to_u32(text);
  auto cjk_at = [&](std::size_t k) { return k < u.size() && t::is_cjk(u[k]); };
  // Each "(" with the ")" that closes it, and a running count of Han
  // characters, found in one pass: scanning forward from every "(" made a
  // long line of unclosed ones quadratic (1 MB: minutes).
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> closer(u.size(), kNone), han_before(u.size() + 1, 0);
  std::vector<std::size_t> open;
  for (std::size_t k = 0; k < u.size(); ++k) {
    han_before[k + 1] = han_before[k] + (t::is_han(u[k]) ? 1 : 0);
    if (u[k] == U'(') {
      open.push_back(k);
    } else if (u[k] == U')' && !open.empty()) {
      closer[open.back()] = k;
      open.pop_back();
    }
  }
  for (std::size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    bool left = i > 0 && t::is_cjk(u[i - 1]);
    bool ends = i + 1 == u.size();
    // A comma or semicolon between Chinese and a number is Chinese punctuation
    // too (号召,2020年1月10日; 共计120人,其中…); between two digits it is a
    // thousands separator or a decimal list and stays (1,000).
    bool digit_before = i > 0 && u[i - 1] >= U'0' && u[i - 1] <= U'9';
    bool digit_after = i + 1 < u.size() && u[i + 1] >= U'0' && u[i + 1] <= U'9';
    bool han_number = (left && digit_after) || (digit_before && cjk_at(i + 1));
    if (((c == U',' || c == U':' || c == U';') && left && cjk_at(i + 1)) ||
        ((c == U',' || c == U';') && han_number) ||
        ((c == U'?' || c == U'!') && left && (ends || cjk_at(i + 1)))) {
      u[i] = c - 0x21 + 0xFF01;  // ASCII -> full-width form
    } else if (c == U'(' && left && closer[i] != kNone) {
      // Convert a pair only: the ")" must close it and be followed by
      // Chinese or the end, and hold Chinese: "(一)" at a line start and
      // "(2019)" stay as written.
      const std::size_t k = closer[i];
      const bool han_inside = han_before[k] > han_before[i + 1];
      if (han_inside && (k + 1 == u.size() || cjk_at(k + 1))) {
        u[i] = U'（';
        u[k] = U'）';
      }
    }
  }
  return t::to_utf8(u);
}

void LineCleaner::apply(Document& doc) {
  if (split_) split_blocks(doc);
  if (join_) join_blocks(doc);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (spaces_) doc.set_block_text(i, fix_spaces(doc.blocks[i].text), "lines.space");
    if (punct_) doc.set_block_text(i, fix_punct(doc.blocks[i].text), "lines.punct");
  }
}

}  // namespace docpipe::clean
