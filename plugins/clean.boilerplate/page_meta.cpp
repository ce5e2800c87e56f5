#include "page_meta.hpp"

#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>

namespace docpipe::clean {
namespace {

namespace t = docpipe::text;

bool is_lead_mark(char32_t c) {
  return t::is_space(c) || c == U'•' || c == U'·' || c == U'-' || c == U'*' || c == U'|' ||
         c == U'｜' || c == U'【' || c == U'[' || c == U'】' || c == U']' || c == U'▪' || c == U'●';
}

bool is_colon(char32_t c) { return c == U':' || c == U'：'; }

// A page-meta value (来源：…) holds no sentence: a full stop or a
// semicolon in it means prose.
bool ends_a_sentence(char32_t c) { return kit::is_sentence_stop(c) || c == U'；'; }

std::string utf8_of(const std::u32string& u, std::size_t b, std::size_t e) {
  std::string out;
  for (std::size_t i = b; i < e; ++i) t::append_utf8(out, u[i]);
  return t::trim(out);
}

}  // namespace

PageMetaReader::PageMetaReader(const std::vector<std::string>& labels,
                               const std::vector<std::string>& colonless_labels,
                               std::size_t max_value_chars)
    : max_value_chars_(max_value_chars) {
  for (const auto& l : labels) labels_.insert(l, 1);
  for (const auto& l : colonless_labels) labels_.insert(l, 2);
}

std::size_t PageMetaReader::label_at(const std::u32string& u, std::size_t i,
                                     std::size_t& label_len) const {
  auto hit = labels_.longest_at(u, i);
  if (!hit.length) return 0;
  std::size_t j = i + hit.length;
  while (j < u.size() && t::is_space(u[j])) ++j;
  if (j < u.size() && is_colon(u[j])) {
    label_len = hit.length;
    return j + 1 - i;
  }
  // A colonless label (发表于) must be followed by a space or a digit.
  if (hit.value == 2 && (j > i + hit.length || (j < u.size() && kit::is_ascii_digit(u[j])))) {
    label_len = hit.length;
    return j - i;
  }
  // At the end of the line a bare label ("字号") is still a label.
  if (hit.value == 1 && j == u.size()) {
    label_len = hit.length;
    return j - i;
  }
  return 0;
}

std::optional<std::vector<MetaField>> PageMetaReader::read(
    std::string_view line, const std::function<bool(std::string_view)>& lead_ok) const {
  auto u = t::to_u32(line);
  std::size_t b = 0, e = u.size();
  while (b < e && is_lead_mark(u[b])) ++b;
  while (e > b && is_lead_mark(u[e - 1])) --e;
  if (b == e) return std::nullopt;
  u = u.substr(b, e - b);

  // Where each label starts, left to right.
  struct At {
    std::size_t pos, len, label_len;
  };
  std::vector<At> at;
  for (std::size_t i = 0; i < u.size(); ++i) {
    std::size_t label_len = 0;
    // A label starts a line or follows a space, a bar or a value (上传人:李司机文档编号:…).
    if (std::size_t n = label_at(u, i, label_len)) {
      at.push_back({i, n, label_len});
      i += n - 1;
    }
  }
  if (at.empty()) return std::nullopt;
  if (at.front().pos > 0) {
    if (!lead_ok) return std::nullopt;
    std::string lead = utf8_of(u, 0, at.front().pos);
    if (!lead_ok(lead)) return std::nullopt;
  }
  std::vector<MetaField> fields;
  for (std::size_t k = 0; k < at.size(); ++k) {
    std::size_t vb = at[k].pos + at[k].len;
    std::size_t ve = k + 1 < at.size() ? at[k + 1].pos : u.size();
    if (ve - vb > max_value_chars_) return std::nullopt;
    for (std::size_t i = vb; i < ve; ++i)
      if (ends_a_sentence(u[i])) return std::nullopt;
    fields.push_back({utf8_of(u, at[k].pos, at[k].pos + at[k].label_len), utf8_of(u, vb, ve)});
  }
  return fields;
}

}  // namespace docpipe::clean
