#include "seo_intro.hpp"

#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>

namespace docpipe::clean {
namespace {

bool closing_quote(char32_t c) {
  return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'"' || c == U'）' || c == U')';
}

std::size_t byte_offset(std::u32string_view u, std::size_t cp) {
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < cp; ++i) {
    char32_t c = u[i];
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> sentence_ranges(std::u32string_view u) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (!kit::is_sentence_stop(u[i])) continue;
    std::size_t end = i + 1;
    while (end < u.size() && (kit::is_sentence_stop(u[end]) || closing_quote(u[end]))) ++end;
    out.emplace_back(begin, end);
    begin = end;
    i = end - 1;
  }
  if (begin < u.size()) out.emplace_back(begin, u.size());
  return out;
}

SeoIntroFinder::SeoIntroFinder(const std::vector<std::string>& strong,
                               const std::vector<std::string>& weak) {
  for (const auto& w : weak) markers_.insert(w, 1);
  for (const auto& s : strong) markers_.insert(s, 2);
}

bool SeoIntroFinder::is_seo_sentence(std::u32string_view s) const { return score(s) >= 2; }

int SeoIntroFinder::score(std::u32string_view s) const {
  int score = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hit = markers_.longest_at(s, i);
    if (!hit.length) continue;
    score += hit.value;
    i += hit.length - 1;
  }
  return score;
}

std::size_t SeoIntroFinder::intro_length(std::string_view paragraph) const {
  auto u = text::to_u32(paragraph);
  // A sentence right after an SEO sentence needs only one marker (……欢迎阅读并收藏).
  std::size_t last_end = 0;
  bool previous = false;
  for (auto [b, e] : sentence_ranges(u)) {
    int s = score(std::u32string_view(u).substr(b, e - b));
    previous = s >= 2 || (previous && s >= 1);
    if (previous) last_end = e;
  }
  return last_end ? byte_offset(u, last_end) : 0;
}

std::size_t SeoIntroFinder::outro_start(std::string_view paragraph) const {
  auto u = text::to_u32(paragraph);
  auto ranges = sentence_ranges(u);
  std::size_t start = std::string_view::npos;
  for (std::size_t k = ranges.size(); k-- > 0;) {
    auto [b, e] = ranges[k];
    if (!is_seo_sentence(std::u32string_view(u).substr(b, e - b))) break;
    start = b;
  }
  return start == std::string_view::npos ? start : byte_offset(u, start);
}

}  // namespace docpipe::clean
