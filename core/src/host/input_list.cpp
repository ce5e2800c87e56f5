#include "host/input_list.hpp"

#include <algorithm>
#include <map>

namespace docpipe::host {

namespace {

constexpr std::size_t kBlockBytes = 1 << 20;

}  // namespace

std::uint64_t fnv1a_64(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

void InputList::push_back(const InputItem& item) {
  const std::string& text = item.path.native();
  // Blocks never grow past their reserve, so a path's place stays put.
  if (blocks_.empty() || blocks_.back().size() + text.size() > blocks_.back().capacity()) {
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(kBlockBytes, text.size()));
  }
  auto& block = blocks_.back();
  Entry e{static_cast<std::uint32_t>(blocks_.size() - 1), static_cast<std::uint32_t>(block.size()),
          static_cast<std::uint32_t>(text.size()), 0, item.position};
  block += text;
  const std::string& reldir = item.reldir.native();
  auto [it, added] = reldir_ids_.try_emplace(reldir, static_cast<std::uint32_t>(reldirs_.size()));
  if (added) reldirs_.push_back(reldir);
  e.reldir = it->second;
  if (!item.stem.empty()) stems_[entries_.size()] = item.stem;
  entries_.push_back(e);
}

std::string_view InputList::path(std::size_t i) const {
  const auto& e = entries_[i];
  return std::string_view(blocks_[e.block]).substr(e.offset, e.size);
}

InputItem InputList::operator[](std::size_t i) const {
  InputItem item{std::string(path(i)), reldirs_[entries_[i].reldir], {}, entries_[i].position};
  if (auto it = stems_.find(i); it != stems_.end()) item.stem = it->second;
  return item;
}

void InputList::set_stem(std::size_t i, std::string stem) { stems_[i] = std::move(stem); }

void InputList::clear() { *this = InputList(); }

std::vector<std::pair<std::string, std::vector<std::size_t>>> shared_keys(std::size_t count,
                                                                          const KeysOf& keys_of) {
  std::vector<std::pair<std::uint64_t, std::size_t>> hashed;
  for (std::size_t i = 0; i < count; ++i)
    keys_of(i, [&](std::string_view key) { hashed.emplace_back(fnv1a_64(key), i); });
  std::sort(hashed.begin(), hashed.end());
  // Only keys whose hash is shared are compared as text.
  std::map<std::string, std::vector<std::size_t>, std::less<>> shared;
  for (std::size_t first = 0, last; first < hashed.size(); first = last) {
    const auto hash = hashed[first].first;
    for (last = first + 1; last < hashed.size() && hashed[last].first == hash;) ++last;
    if (last - first < 2) continue;
    for (std::size_t k = first; k < last; ++k) {
      if (k > first && hashed[k].second == hashed[k - 1].second) continue;  // that input's done
      const auto i = hashed[k].second;
      keys_of(i, [&](std::string_view key) {
        if (fnv1a_64(key) == hash) shared[std::string(key)].push_back(i);
      });
    }
  }
  std::vector<std::pair<std::string, std::vector<std::size_t>>> out;
  for (auto& [key, users] : shared)
    if (users.size() > 1) out.emplace_back(key, std::move(users));
  return out;
}

}  // namespace docpipe::host
