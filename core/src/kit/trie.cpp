#include "docpipe/kit/trie.hpp"

#include <docpipe/text.hpp>

namespace docpipe::kit {

void Trie::insert(std::u32string_view key, int value) {
  if (key.empty()) return;
  if (key[0] < 0x10000) may_start_[key[0]] = true;
  int n = 0;
  for (char32_t c : key) {
    auto it = nodes_[n].next.find(c);
    if (it == nodes_[n].next.end()) {
      nodes_.push_back(Node{});
      int id = static_cast<int>(nodes_.size()) - 1;
      nodes_[n].next.emplace(c, id);
      n = id;
    } else {
      n = it->second;
    }
  }
  if (nodes_[n].value == kNone) ++size_;
  nodes_[n].value = value;
}

void Trie::insert(std::string_view utf8_key, int value) {
  insert(docpipe::text::to_u32(utf8_key), value);
}

Trie::Hit Trie::longest_at(std::u32string_view text, std::size_t pos) const {
  Hit best;
  if (pos < text.size() && text[pos] < 0x10000 && !may_start_[text[pos]]) return best;
  int n = 0;
  for (std::size_t i = pos; i < text.size(); ++i) {
    auto it = nodes_[n].next.find(text[i]);
    if (it == nodes_[n].next.end()) break;
    n = it->second;
    if (nodes_[n].value != kNone) best = {i - pos + 1, nodes_[n].value};
  }
  return best;
}

}  // namespace docpipe::kit
