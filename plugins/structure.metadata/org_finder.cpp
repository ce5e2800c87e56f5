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
  for (const auto& w : cfg.value("clause_boundaries", std::vector<std::string>{}))
    boundaries_.push_back(text::to_u32(w));
  if (auto sup = cfg.find("superior_context"); sup != cfg.end()) {
    superior_before_ = sup->value("before", std::vector<std::string>{});
    superior_after_ = sup->value("after", std::vector<std::string>{});
  }
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
    // …在县第十一届人民代表大会第四次会议上交口县人民政府: the name starts
    // after the clause that places the speech.
    for (const auto& b : boundaries_) {
      auto at = std::u32string_view(u).substr(j, i - j).rfind(b);
      if (at != std::u32string_view::npos) j += at + b.size();
    }
    // A name does not start with a digit (2023年… is a date, cut at 年).
    while (j < i && u[j] >= '0' && u[j] <= '9') ++j;
    const std::size_t written_from = j;  // before leading words are dropped
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
    const std::size_t written_begin =
        text::to_utf8(std::u32string_view(u).substr(0, written_from)).size();
    if (names_superior(text, written_begin, m.end) || names_superior(text, m.begin, m.end)) {
      i = end - 1;
      floor = end;
      continue;
    }
    return m;
  }
  return std::nullopt;
}

bool OrgFinder::is_plausible_name(std::string_view name) const {
  auto u = text::to_u32(name);
  for (char32_t c : u)
    if (stops_.find(c) != std::u32string::npos || text::is_space(c)) return false;
  for (const auto& b : boundaries_)
    if (u.find(b) != std::u32string::npos) return false;
  return true;
}

bool OrgFinder::names_superior(std::string_view text, std::size_t begin, std::size_t end) const {
  std::string_view before = text.substr(0, begin);
  if (std::none_of(superior_before_.begin(), superior_before_.end(),
                   [&](const std::string& w) { return text::ends_with(before, w); }))
    return false;
  // The rest of the clause: 在团县委和学校党委的领导下，
  std::string_view clause = text.substr(end);
  for (std::string_view stop : {"，", "。", "；", "：", ",", ";", ":"})
    clause = clause.substr(0, clause.find(stop));
  return std::any_of(superior_after_.begin(), superior_after_.end(), [&](const std::string& w) {
    return clause.find(w) != std::string_view::npos;
  });
}

std::optional<std::string> OrgFinder::short_form_level(std::string_view name) const {
  auto it = short_forms_.find(std::string(name));
  if (it == short_forms_.end()) return std::nullopt;
  return it->second;
}

}  // namespace docpipe::structure
