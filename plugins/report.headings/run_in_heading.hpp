// Run-in headings of reports, moved out of the core's text helpers: the
// document model and its SDK stay generic, and this is a report convention.
#pragma once

#include <cstddef>
#include <string_view>

namespace docpipe::report {

// A heading written run-in ("（一）聚焦主责主业。一是…", the way GB/T 9704
// reports keep an item and its text in one paragraph): the byte offset just
// after its first "。" when more text follows, else npos. Writers show only
// that part as the heading.
std::size_t run_in_heading_end(std::string_view utf8);

}  // namespace docpipe::report
