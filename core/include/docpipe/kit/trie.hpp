// A code-point trie for dictionaries (spin pairs, guard words, markers): one
// left-to-right scan finds the longest entry starting at each position, so a
// dictionary of thousands of entries costs one pass, not one pass per entry.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace docpipe::kit {

class Trie {
 public:
  static constexpr int kNone = -1;

  // Adds `key` with payload `value`; a later insert of the same key wins.
  void insert(std::u32string_view key, int value);
  void insert(std::string_view utf8_key, int value);
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  struct Hit {
    std::size_t length = 0;  // in code points; 0 = no entry starts here
    int value = kNone;
  };
  // Longest entry that starts at text[pos].
  Hit longest_at(std::u32string_view text, std::size_t pos) const;

 private:
  struct Node {
    std::unordered_map<char32_t, int> next;
    int value = kNone;
  };
  std::vector<Node> nodes_{Node{}};
  std::size_t size_ = 0;
  // First characters of all keys in the BMP: most text positions start no
  // key, and this rejects them without a hash lookup.
  std::vector<bool> may_start_ = std::vector<bool>(0x10000, false);
};

}  // namespace docpipe::kit
