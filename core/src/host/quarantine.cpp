#include "host/quarantine.hpp"

#include <nlohmann/json.hpp>

#include "host/atomic_output.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

std::string Quarantine::entry_stem(const InputItem& item) {
  std::string stem = item.output_stem();
  std::string rel = item.reldir.lexically_normal().generic_string();
  if (rel.empty() || rel == ".") return stem;
  for (auto& c : rel)
    if (c == '/') c = '_';
  return rel + "__" + stem;
}

std::string Quarantine::link_name(const InputItem& item) {
  // A disambiguated stem is already the whole file name (report.txt).
  auto name = entry_stem(item);
  return item.stem.empty() ? name + item.path.extension().string() : name;
}

fs::path Quarantine::add(const InputItem& item, const QuarantineEntry& e) const {
  fs::create_directories(dir_);
  auto stem = entry_stem(item);
  auto entry = dir_ / (stem + ".json");
  nlohmann::json j{{"input", e.input},
                   {"sha256", e.sha256},
                   {"status", e.status},
                   {"stage", e.stage},
                   {"reason", e.reason},
                   {"log_excerpt", e.log_excerpt},
                   {"pipeline_hash", e.pipeline_hash},
                   {"quarantined", e.when},
                   {"retry", "on the next run only if the input or the pipeline changed"}};
  write_file_atomically(entry, j.dump(2) + "\n");
  // A symlink, not a copy: collections can be large, and the input stays put.
  auto link = dir_ / link_name(item);
  auto temp = temp_path_for(link);
  std::error_code ec;
  fs::create_symlink(fs::absolute(item.path, ec), temp, ec);
  if (!ec) fs::rename(temp, link, ec);
  if (ec) fs::remove(temp, ec);
  return entry;
}

void Quarantine::release(const InputItem& item) const {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) return;
  auto stem = entry_stem(item);
  fs::remove(dir_ / (stem + ".json"), ec);
  fs::remove(dir_ / link_name(item), ec);
}

}  // namespace docpipe::host
