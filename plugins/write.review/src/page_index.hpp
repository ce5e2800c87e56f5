// Where each document's review page is: the page's source path -> its href
// from the index. Every document of a run has a page, so the pairs are kept
// as texts in blocks with a sorted table of places (about the texts' size;
// a std::map of std::strings took twice that).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::review {

class PageIndex {
 public:
  void add(std::string_view source, std::string_view href);
  // Call once after the last add(), before find().
  void sort();
  // The href of the page of `source` (the last one added when several pages
  // name it); nullopt when it has none.
  std::optional<std::string_view> find(std::string_view source) const;

 private:
  struct Entry {
    std::uint32_t block, offset;  // in blocks_: the source, then the href
    std::uint32_t source_size, href_size;
  };
  std::string_view source(const Entry& e) const;
  std::vector<std::string> blocks_;
  std::vector<Entry> entries_;
};

}  // namespace docpipe::review
