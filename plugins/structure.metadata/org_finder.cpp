#include "org_finder.hpp"

#include <algorithm>
#include <docpipe/text.hpp>

namespace docpipe::structure {

OrgFinder::OrgFinder(const nlohmann::json& cfg, const std::vector<std::string>& extra_cores) {
  auto words = cfg.value("cores", std::vector<std::string>{});
  words.insert(words.end(), extra_cores.begin(), extra_cores.end());
  for (const auto& w : words) cores_.push_back(text::to_u32(w));
  std::sort(cores_.begin(), cores_.end(), [](auto& a, auto& b) { return a.size() > b.size(); });
  for (const auto& w : cfg.value("needs_prefix", std::vector<std::string>{}))
    needs_prefix_.push_back(text::to_u32(w));
  stops_ = text::to_u32(cfg.value("stop_chars", std::string{}));
  for (const auto& w : cfg.value("drop_leading", std::vector<std::string>{}))
    drop_leading_.push_back(text::to_u32(w));
  max_prefix_ = cfg.value("max_prefix_chars", 14);
  short_forms_ = cfg.value("short_forms", std::map<std::string, std::string>{});
}

std::optional<OrgMatch> OrgFinder::find(std::string_view text) const {
  // A body is named near the start of what is searched (a title, an opening
  // sentence, a signature); a huge paragraph is not searched to its end.
  constexpr std::size_t kMaxChars = 4000;
  if (text.size() > 4 * kMaxChars) {
    std::size_t cut = 4 * kMaxChars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut;  // a UTF-8 lead byte
    text = text.substr(0, cut);
  }
  auto u = text::to_u32(text);
  if (u.size() > kMaxChars) u.resize(kMaxChars);
  std::size_t floor = 0;  // a name never reaches back into an earlier match's core
  for (std::size_t i = 0; i < u.size(); ++i) {
    const std::u32string* core = nullptr;
    for (const auto& c : cores_)
      if (u.compare(i, c.size(), c) == 0) {
        core = &c;
        break;
      }
    if (!core) continue;
    std::size_t j = i;
    while (j > floor && i - j < max_prefix_ && stops_.find(u[j - 1]) == std::u32string::npos &&
           !text::is_space(u[j - 1]))
      --j;
    // A name does not start with a digit (2023年… is a date, cut at 年).
    while (j < i && u[j] >= '0' && u[j] <= '9') ++j;
    for (bool dropped = true; dropped;) {
      dropped = false;
      for (const auto& d : drop_leading_)
        if (i - j >= d.size() && u.compare(j, d.size(), d) == 0) {
          j += d.size();
          dropped = true;
        }
    }
    bool bare = j == i;
    if (bare &&
        std::find(needs_prefix_.begin(), needs_prefix_.end(), *core) != needs_prefix_.end()) {
      i += core->size() - 1;
      floor = i + 1;
      continue;
    }
    std::size_t end = i + core->size();
    // Bytes from code points.
    OrgMatch m;
    m.begin = text::to_utf8(std::u32string_view(u).substr(0, j)).size();
    m.name = text::to_utf8(std::u32string_view(u).substr(j, end - j));
    m.end = m.begin + m.name.size();
    return m;
  }
  return std::nullopt;
}

std::optional<std::string> OrgFinder::short_form_level(std::string_view name) const {
  auto it = short_forms_.find(std::string(name));
  if (it == short_forms_.end()) return std::nullopt;
  return it->second;
}

}  // namespace docpipe::structure
