#include "signature_finder.hpp"

#include <algorithm>
#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/text.hpp>

namespace docpipe::structure {

namespace {
bool ends_with_punct(std::string_view s) {
  auto u = text::to_u32(s);
  return !u.empty() && (text::is_cjk_punct(u.back()) || u.back() == U'.' || u.back() == U',' ||
                        u.back() == U';' || u.back() == U':');
}

// A few Chinese characters and a colon before a date: 时间：, 落款日期：.
bool is_date_label(std::string_view s) {
  auto u = text::to_u32(s);
  if (u.size() < 2 || u.size() > 7 || (u.back() != U'：' && u.back() != U':')) return false;
  return std::all_of(u.begin(), u.end() - 1, [](char32_t c) { return text::is_han(c); });
}
}  // namespace

bool SignatureFinder::short_plain_line(const Block& b) const {
  if (b.kind != BlockKind::paragraph && b.kind != BlockKind::signature) return false;
  return text::length(b.text) <= static_cast<std::size_t>(max_chars_) && !ends_with_punct(b.text) &&
         !kit::match_heading_marker(b.text);
}

std::optional<SignatureHit> SignatureFinder::find(const Document& doc) const {
  if (doc.blocks.size() < 2) return std::nullopt;  // a one-line text has no signature
  std::size_t last = doc.blocks.size() - 1;
  const Block& b = doc.blocks[last];
  if (!short_plain_line(b)) return std::nullopt;
  std::string t = text::trim(b.text);
  SignatureHit hit;
  if (auto d = periods_.find_date(t); d && text::trim(std::string_view(t).substr(d->end)).empty()) {
    hit.date = d->iso;
    std::string before = text::trim(std::string_view(t).substr(0, d->begin));
    // "时间：2019/1/2", "日期: 2019.1.2": a short label, not an organization.
    if (is_date_label(before)) before.clear();
    if (!before.empty()) {
      if (!is_org_(before)) return std::nullopt;  // a sentence fragment ending in a date
      hit.organization = before;
    } else if (last >= 1 && short_plain_line(doc.blocks[last - 1]) &&
               is_org_(text::trim(doc.blocks[last - 1].text))) {
      hit.organization = text::trim(doc.blocks[last - 1].text);  // organization on the line above
      hit.blocks.push_back(last - 1);
    }
    hit.blocks.push_back(last);
    return hit;
  }
  // Organization alone on the last line, without a date.
  if (text::length(t) <= 25 && is_org_(t)) {
    hit.organization = t;
    hit.blocks.push_back(last);
    return hit;
  }
  return std::nullopt;
}

}  // namespace docpipe::structure
