// An input of a run, and the inputs of a run in a compact form: about 100 bytes each, where an
// InputItem takes about 700 (a std::filesystem::path keeps a list of its
// components beside its text) and a collection has hundreds of thousands.
// An InputItem is made when one is needed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace docpipe::host {

struct InputItem {
  std::filesystem::path path;
  std::filesystem::path reldir;  // directory relative to the input root it was found under
  // The name {stem} stands for in output paths, and the name of its
  // quarantine entry; empty means the file's own stem. Set by
  // disambiguate_stems() when inputs would otherwise share an output.
  std::string stem = {};
  // Index in the whole scan (every shard scans the whole collection), so
  // `docpipe merge` can put the documents of N shards back in input order.
  std::size_t position = 0;
  std::string output_stem() const { return stem.empty() ? path.stem().string() : stem; }
};

class InputList {
 public:
  void push_back(const InputItem& item);
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  InputItem operator[](std::size_t i) const;
  // The input's path as given (scanned), without making an InputItem.
  std::string_view path(std::size_t i) const;
  std::size_t position(std::size_t i) const { return entries_[i].position; }
  // The name {stem} stands for (InputItem::stem): set when inputs would
  // otherwise share an output.
  void set_stem(std::size_t i, std::string stem);
  // Frees what the list holds.
  void clear();

 private:
  struct Entry {
    std::uint32_t block, offset, size;  // the path's text in blocks_
    std::uint32_t reldir;               // in reldirs_
    std::size_t position;
  };
  std::vector<std::string> blocks_;  // paths, one after another, in blocks of 1 MiB
  std::vector<Entry> entries_;
  std::vector<std::string> reldirs_;  // each directory once
  std::unordered_map<std::string, std::uint32_t> reldir_ids_;
  std::unordered_map<std::size_t, std::string> stems_;  // the few set by set_stem
};

// FNV-1a, 64 bits, of a text.
std::uint64_t fnv1a_64(std::string_view text);

// Keys that more than one input has, each with its inputs in ascending order
// (an input twice when it has the key twice), sorted by key. `keys_of(i,
// add)` calls add once per key of input i, and must give the same keys each
// time. Holds a 64-bit hash per key, not the keys: collections are large,
// shared keys few.
using KeysOf = std::function<void(std::size_t, const std::function<void(std::string_view)>&)>;
std::vector<std::pair<std::string, std::vector<std::size_t>>> shared_keys(std::size_t count,
                                                                          const KeysOf& keys_of);

}  // namespace docpipe::host
