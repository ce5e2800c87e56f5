// SEO intros and outros that content farms wrap around a copied report:
// "总结是……下面是小编为大家整理的……，供大家参考", "希望对你有帮助",
// "本站小编为你精心准备了……欢迎阅读". They are judged by sentence: a sentence
// with a strong marker (小编, 本站, 为大家整理 …) or two weak ones (仅供参考,
// 欢迎阅读 …) is SEO text, and a farm's intro is every sentence of the
// paragraph up to the last such sentence (the definition sentences before it
// belong to the same intro). Markers are data (boilerplate_rules.json).
#pragma once

#include <docpipe/kit/trie.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace docpipe::clean {

class SeoIntroFinder {
 public:
  SeoIntroFinder(const std::vector<std::string>& strong, const std::vector<std::string>& weak);

  bool is_seo_sentence(std::u32string_view sentence) const;
  // Bytes of `paragraph` from its start through the end of its last SEO
  // sentence; 0 when it has none.
  std::size_t intro_length(std::string_view paragraph) const;
  // Byte offset where a trailing SEO outro starts (every sentence from there
  // on is SEO text); npos when the paragraph does not end in one.
  std::size_t outro_start(std::string_view paragraph) const;

 private:
  // Strong markers count 2, weak ones 1.
  int score(std::u32string_view sentence) const;
  kit::Trie markers_;  // payload 2: strong, 1: weak
};

// Sentences of a paragraph as [begin, end) code-point ranges, the sentence
// end (。！？!? and closing quotes after it) included.
std::vector<std::pair<std::size_t, std::size_t>> sentence_ranges(std::u32string_view u);

}  // namespace docpipe::clean
