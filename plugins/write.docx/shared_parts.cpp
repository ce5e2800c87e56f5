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

const SharedParts::Version* SharedParts::find(const Part& part) const {
  auto it = parts_.find(part.first);
  if (it == parts_.end()) return nullptr;
  for (const auto& v : it->second)
    if (v.bytes == part.second) return &v;
  return nullptr;
}

void SharedParts::prepare(const std::vector<Part>& parts) {
  bool added = false;
  for (const auto& part : parts) {
    if (find(part)) continue;
    if (versions_ >= kMaxParts) {
      parts_.clear();
      versions_ = 0;
    }
    auto it = parts_.find(part.first);
    if (it == parts_.end())
      it = parts_.emplace(std::string(part.first), std::vector<Version>{}).first;
    it->second.push_back({std::string(part.second), 0});
    ++versions_;
    added = true;
  }
  if (added) rebuild();
}

zip_source_t* SharedParts::source_for(zip_t* target, const Part& part) {
  const Version* v = find(part);
  if (!v || !archive_)
    throw Error("write.docx: the shared part " + std::string(part.first) + " was not prepared");
  // Whole-entry copies are copied compressed: no inflate, no deflate.
  zip_source_t* src = zip_source_zip(target, archive_, v->index, ZIP_FL_COMPRESSED, 0, 0);
  if (!src) throw Error("write.docx: cannot copy the shared part " + std::string(part.first));
  return src;
}

void SharedParts::rebuild() {
  // Entries are named by number: two versions of one part must not replace
  // each other.
  MemoryZip zip;
  std::size_t n = 0;
  for (auto& [name, versions] : parts_)
    for (auto& v : versions) v.index = zip.add(std::to_string(n++), v.bytes, 0);
  zip_t* fresh = zip.reopen_read_only();
  if (archive_) zip_discard(archive_);
  archive_ = fresh;
}

}  // namespace docpipe::docx
