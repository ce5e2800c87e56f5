#include "shared_parts.hpp"

#include <docpipe/error.hpp>

#include "zip_memory.hpp"

namespace docpipe::docx {

namespace {
// Distinct shared parts kept at most: presets have a handful, so more means
// something varies per document and caching it would only grow memory.
constexpr std::size_t kMaxParts = 64;
}  // namespace

SharedParts::~SharedParts() {
  if (archive_) zip_discard(archive_);
}

namespace {
std::string key_of(const std::string& name, const std::string& bytes) {
  std::string key = name;
  key += '\0';
  key += bytes;
  return key;
}
}  // namespace

void SharedParts::prepare(const std::vector<std::pair<std::string, std::string>>& parts) {
  bool added = false;
  for (const auto& [name, bytes] : parts) {
    auto key = key_of(name, bytes);
    if (parts_.count(key)) continue;
    if (parts_.size() >= kMaxParts) parts_.clear();
    parts_.emplace(std::move(key), 0);
    added = true;
  }
  if (added) rebuild();
}

zip_source_t* SharedParts::source_for(zip_t* target, const std::string& name,
                                      const std::string& bytes) {
  auto it = parts_.find(key_of(name, bytes));
  if (it == parts_.end() || !archive_)
    throw Error("write.docx: the shared part " + name + " was not prepared");
  // Whole-entry copies are copied compressed: no inflate, no deflate.
  zip_source_t* src = zip_source_zip(target, archive_, it->second, ZIP_FL_COMPRESSED, 0, 0);
  if (!src) throw Error("write.docx: cannot copy the shared part " + name);
  return src;
}

void SharedParts::rebuild() {
  // Entries are named by number: two versions of one part (the content
  // types with and without numbering.xml, say) must not replace each other.
  MemoryZip zip;
  std::size_t n = 0;
  for (auto& [key, index] : parts_) {
    const auto nul = key.find('\0');
    index = zip.add(std::to_string(n++), std::string_view(key).substr(nul + 1), 0);
  }
  zip_t* fresh = zip.reopen_read_only();
  if (archive_) zip_discard(archive_);
  archive_ = fresh;
}

}  // namespace docpipe::docx
