#include "page_index.hpp"

#include <algorithm>

namespace docpipe::review {

namespace {
constexpr std::size_t kBlockBytes = 1 << 20;
}

void PageIndex::add(std::string_view source, std::string_view href) {
  const std::size_t size = source.size() + href.size();
  // Blocks never grow past their reserve, so a text's place stays put.
  if (blocks_.empty() || blocks_.back().size() + size > blocks_.back().capacity()) {
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(kBlockBytes, size));
  }
  auto& block = blocks_.back();
  entries_.push_back(
      {static_cast<std::uint32_t>(blocks_.size() - 1), static_cast<std::uint32_t>(block.size()),
       static_cast<std::uint32_t>(source.size()), static_cast<std::uint32_t>(href.size())});
  block.append(source).append(href);
}

std::string_view PageIndex::source(const Entry& e) const {
  return std::string_view(blocks_[e.block]).substr(e.offset, e.source_size);
}

void PageIndex::sort() {
  // Stable: among pages of one source the last added stays last.
  std::stable_sort(entries_.begin(), entries_.end(),
                   [&](const Entry& a, const Entry& b) { return source(a) < source(b); });
}

std::optional<std::string_view> PageIndex::find(std::string_view key) const {
  auto past = std::upper_bound(entries_.begin(), entries_.end(), key,
                               [&](std::string_view k, const Entry& e) { return k < source(e); });
  if (past == entries_.begin() || source(*(past - 1)) != key) return std::nullopt;
  const Entry& e = *(past - 1);
  return std::string_view(blocks_[e.block]).substr(e.offset + e.source_size, e.href_size);
}

}  // namespace docpipe::review
