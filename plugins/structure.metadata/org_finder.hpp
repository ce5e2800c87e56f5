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
  // The leftmost body named in `text` as the text's own: a body named as
  // the one that leads or guides (在团县委的领导下, 按照团市委的部署) is passed by.
  std::optional<OrgMatch> find(std::string_view text) const;
  // Whether a name found by a pattern reads as one name: no stop character
  // (共青团工作在上级团委 runs over 在) and no clause boundary (…会议上).
  bool is_plausible_name(std::string_view name) const;
  // Whether text[begin, end) is named as a superior body: a lead word right
  // before it (在, 按照) and a guidance word later in its clause (领导下).
  bool names_superior(std::string_view text, std::size_t begin, std::size_t end) const;
  // 团区委 -> "区委": the level a short form names, to tie it to 共青团XX区委.
  std::optional<std::string> short_form_level(std::string_view name) const;

 private:
  std::vector<std::u32string> cores_;  // longest first
  std::vector<std::u32string> needs_prefix_;
  std::u32string stops_;
  std::vector<std::u32string> drop_leading_;
  std::vector<std::u32string> boundaries_;  // a name starts after these (会议上)
  std::vector<std::string> superior_before_, superior_after_;
  std::size_t max_prefix_ = 14;
  std::map<std::string, std::string> short_forms_;
};

}  // namespace docpipe::structure
