// What the run's index needs of one document, made where the document was
// processed (a worker) and kept by the run ledger: the row of the document
// table, the edits and characters removed per rule, and for each rule the
// document's largest removals as samples for the rule page.
#pragma once

#include <nlohmann/json.hpp>

#include "docpipe/model.hpp"

namespace docpipe::review {

struct SummaryLimits {
  int samples_per_rule = 2;  // per document
  int sample_chars = 400;    // before/after clipped to this many characters
};

// {"file","title","organization","period","type","flags":[..],"edits":n,
//  "rules":[[stage,rule,edits,net chars_removed],..],
//  "samples":[[stage,rule,chars_removed,before,after],..]}
nlohmann::json summarize(const Document& doc, const SummaryLimits& limits = {});

// Characters an edit removed, net: those of `before` less those of `after`
// (negative when it added). Summed per rule and document (at least 0), a
// rule that moves text (a split) or replaces it (de-spinning, script
// conversion) counts near nothing, and the rules that take text away lead.
long long removed_chars(const Edit& e);

}  // namespace docpipe::review
