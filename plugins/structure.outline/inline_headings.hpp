// Headings run together with text: a document-share page or a pasted report
// loses its line breaks, so "…全面提升。一、突出组织格局创新，做好团的换届直选为
// 进一步落实…" holds a level-1 heading between two paragraphs. A level-1 or
// level-2 marker right after a sentence end, whose number continues the
// outline, starts a heading there; the heading ends at a sentence end, a
// deeper marker, a heading-end word (…基本情况|半程镇…) or a sentence opener
// (…换届直选|为进一步…). An enumeration inside a sentence (要求：一、…；二、…)
// follows a colon or a semicolon and stays where it is — except the first
// section after an announcement (现将工作情况报告如下：一、…).
#pragma once

#include <docpipe/model.hpp>
#include <string>
#include <vector>

namespace docpipe::structure {

struct HeadingBoundaries {
  std::vector<std::string> heading_end_words;  // 情况, 回顾, 措施 …
  std::vector<std::string> sentence_openers;   // 为进一步, 近年来 …
  std::u32string continuing_chars;             // a heading-end word followed by these goes on
  std::vector<std::string> announce_words;  // 如下: "…报告如下：一、…" starts the sections
  std::size_t max_heading_chars = 30;
};

// Splits such headings into blocks of their own, recording edits
// (outline.inline_heading); returns how many it split off.
int split_inline_headings(Document& doc, const HeadingBoundaries& hb);

}  // namespace docpipe::structure
