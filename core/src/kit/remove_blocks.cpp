#include "docpipe/kit/remove_blocks.hpp"

namespace docpipe::kit {

void remove_blocks(Document& doc, const std::vector<bool>& gone,
                   const std::vector<std::string>& rule) {
  for (std::size_t k = gone.size(); k-- > 0;)
    if (gone[k] && k < doc.blocks.size())
      doc.record_edit(rule[k], static_cast<int>(k), doc.blocks[k].text, "");
  std::size_t w = 0;
  for (std::size_t k = 0; k < doc.blocks.size(); ++k)
    if (k >= gone.size() || !gone[k]) {
      if (w != k) doc.blocks[w] = std::move(doc.blocks[k]);
      ++w;
    }
  doc.blocks.resize(w);
}

}  // namespace docpipe::kit
