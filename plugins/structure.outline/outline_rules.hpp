// Turns numbered lines into headings (GB/T 9704 markers), splits run-in
// headings, tells list sentences from headings and checks numbering.
#pragma once

#include <docpipe/model.hpp>
#include <vector>

#include "inline_headings.hpp"

namespace docpipe::structure {

struct OutlineOptions {
  // A heading phrase (marker + text up to the first 。) longer than this, in
  // characters, is a sentence, not a heading.
  int max_heading_chars = 60;
  // Levels whose run-in headings (`（一）标题。正文…`) are split into a heading
  // and a paragraph. Level-3 items (`1、标题。正文…`) are kept whole by
  // convention: the item is the heading of its own short section.
  std::vector<int> run_in_levels{1, 2};
  // Report gaps and repeats in numbering (一、二、四、) as diagnostics.
  bool check_numbering = true;
  // Markdown heading lines (### 标题) become headings without their marks.
  bool markdown_headings = true;
  // In a report that numbers none of its sections, a short line that does not
  // end like a sentence, followed by a body paragraph, is a level-1 heading.
  bool unnumbered_headings = true;
  int max_unnumbered_heading_chars = 30;
  // Headings run together with text are split off (inline_headings.hpp).
  bool inline_headings = true;
  HeadingBoundaries boundaries;
};

struct OutlineStats {
  int headings = 0;
  int list_items = 0;
  int run_in_splits = 0;
  int numbering_gaps = 0;
};

OutlineStats build_outline(Document& doc, const OutlineOptions& opt = {});

}  // namespace docpipe::structure
