#include "table_of_contents.hpp"

#include <cstdlib>
#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/kit/regex.hpp>
#include <docpipe/text.hpp>
#include <string>
#include <vector>

namespace docpipe::structure {

namespace {
// An entry: some text, then a tab or a leader of dots, then a page number.
const kit::Regex& entry_shape() {
  static const kit::Regex re(
      R"(^\S.{0,80}?(?:\t+\s*|\s*[.．·…・_]{3,}\s*|\s*…{2,}\s*)[0-9]{1,3}$)");
  return re;
}
// A weaker shape: a numbered entry, a space, a page number (1.县财政局…工作谋划 10). Only a
// run of kMinSpacedRun such lines with page numbers that never go back is a
// table of contents.
const kit::Regex& spaced_entry_shape() {
  static const kit::Regex re(R"(^\S.{3,80}?\s+(?<page>[0-9]{1,3})$)");
  return re;
}
constexpr std::size_t kMinSpacedRun = 3;
constexpr std::size_t kMaxCaptionChars = 4;  // "目录", "目 录", "Contents" is longer

// The page number of a spaced entry, -1 when the line is none.
int spaced_entry_page(const Block& b) {
  if (b.kind == BlockKind::table) return -1;
  auto t = text::trim(b.text);
  auto m = spaced_entry_shape().find(t);
  // Entries are numbered (1. / 一、 / （一）): a plain-text table's rows of a
  // name and a count are not.
  if (!m || !kit::match_heading_marker(t)) return -1;
  return std::atoi(std::string(m->group(t, spaced_entry_shape().group_number("page"))).c_str());
}

// Length of the run of spaced entries from i with non-decreasing pages.
std::size_t spaced_run(const Document& doc, std::size_t i) {
  std::size_t j = i;
  int last = -1;
  while (j < doc.blocks.size()) {
    int page = spaced_entry_page(doc.blocks[j]);
    if (page < 0 || page < last) break;
    last = page;
    ++j;
  }
  return j - i;
}
}  // namespace

bool is_toc_entry(const Block& b) {
  if (b.kind == BlockKind::table) return false;
  if (b.origin.locator.find(" (TOC)") != std::string::npos) return true;
  return entry_shape().find(text::trim(b.text)).has_value();
}

std::size_t drop_tables_of_contents(Document& doc) {
  std::vector<bool> drop(doc.blocks.size(), false);
  std::size_t dropped = 0;
  for (std::size_t i = 0; i < doc.blocks.size();) {
    std::size_t j = i;
    while (j < doc.blocks.size() && is_toc_entry(doc.blocks[j])) ++j;
    if (j - i < 2) {
      std::size_t run = spaced_run(doc, i);
      if (run >= kMinSpacedRun) j = i + run;
    }
    if (j - i >= 2) {
      // The run's caption: a very short line right above it.
      if (i > 0) {
        std::u32string above;
        for (char32_t c : text::to_u32(doc.blocks[i - 1].text))
          if (!text::is_space(c)) above += c;
        if (!above.empty() && above.size() <= kMaxCaptionChars) drop[i - 1] = true;
      }
      for (std::size_t k = i; k < j; ++k) drop[k] = true;
    }
    i = j > i ? j : i + 1;
  }
  for (std::size_t k = doc.blocks.size(); k-- > 0;)
    if (drop[k]) {
      doc.remove_block(k, "outline.toc");
      ++dropped;
    }
  return dropped;
}

}  // namespace docpipe::structure
