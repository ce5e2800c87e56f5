// GB/T 9704-2012 (the layout standard of Chinese official documents) heading
// numbers at the start of a line, as readers (read.pdf) and structure stages
// both need them:
//   一、 level 1 · (一)/（一） level 2 · 1. 1、 １． level 3 · (1)/（1） level 4
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace docpipe::kit {

struct HeadingMarker {
  int level = 0;        // 1..4
  int ordinal = 0;      // the number the marker carries: 三、 -> 3
  std::string marker;   // the marker as written, e.g. "（一）"
  std::size_t end = 0;  // byte offset of the text after the marker (and spaces)
};

// Recognises the marker a line starts with; nullopt when there is none.
// `1.5万` is a decimal, not a marker; `一是` is an enumeration inside a
// paragraph, not a marker.
std::optional<HeadingMarker> match_heading_marker(std::string_view line);

// The marker a level uses for an ordinal, for messages: (3, 2) -> "2、".
std::string marker_for(int level, int ordinal);

// A heading written run-in ("（一）聚焦主责主业。一是…", the way GB/T 9704
// reports keep an item and its text in one paragraph): the byte offset just
// after its first "。" when more text follows, else npos. Writers show only
// that part as the heading. (A report convention: it lives in the kit, not
// in the core's text helpers, so the document model stays generic.)
std::size_t run_in_heading_end(std::string_view utf8);

}  // namespace docpipe::kit
