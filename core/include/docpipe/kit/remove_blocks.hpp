// Removing many blocks at once: one edit per block (as Document::remove_block
// records it, back to front) and one pass that closes the gaps, so a page of
// 100,000 repeated lines costs linear time, not one vector erase per line.
#pragma once

#include <docpipe/model.hpp>
#include <string>
#include <vector>

namespace docpipe::kit {

// Removes the blocks marked in `gone`; rule[k] names the rule for block k.
void remove_blocks(Document& doc, const std::vector<bool>& gone,
                   const std::vector<std::string>& rule);

}  // namespace docpipe::kit
