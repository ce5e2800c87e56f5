// Issuing bodies named in a text: a core word that ends a body's name (团委,
// 妇联, 人民政府, 社区 …) and the name before it, reaching back to the start of
// its clause ("20xx年，洪门镇团委在…" -> 洪门镇团委; "一年来，××镇妇联紧紧…" ->
// ××镇妇联). Cores, stop characters and the like are data (org_names.json).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::structure {

struct OrgMatch {
  std::size_t begin = 0;  // byte offsets in the text
  std::size_t end = 0;
  std::string name;
};

class OrgFinder {
 public:
  explicit OrgFinder(const nlohmann::json& cfg, const std::vector<std::string>& extra_cores = {});
  // The leftmost body named in `text`.
  std::optional<OrgMatch> find(std::string_view text) const;
  // 团区委 -> "区委": the level a short form names, to tie it to 共青团XX区委.
  std::optional<std::string> short_form_level(std::string_view name) const;

 private:
  std::vector<std::u32string> cores_;  // longest first
  std::vector<std::u32string> needs_prefix_;
  std::u32string stops_;
  std::vector<std::u32string> drop_leading_;
  std::size_t max_prefix_ = 14;
  std::map<std::string, std::string> short_forms_;
};

}  // namespace docpipe::structure
