// Which spaces between two Chinese characters mean something (lines.space).
//
// Chinese prose takes no spaces, so a space inside a sentence is an artefact
// of scraping or word-spinning (本次调 查走访) and goes. But writers also use
// spaces on purpose, and those stay:
//  - between the items of a list of short names or words
//    (赵胜博    王磊   李佳诚  胡冰倩), three items or more;
//  - after an article number (第一条 为了…, 第三章 总则);
//  - in a short line without sentence punctuation: a slogan or couplet
//    (彰显省会担当 我们怎么干), a caption, a name with its office.
// Characters spaced one by one (工 作 总 结) are letter-spacing and are closed up.
#pragma once

#include <cstddef>
#include <string>

namespace docpipe::clean {

struct SpaceLimits {
  std::size_t max_list_item_chars = 4;     // a list of names: items this short
  std::size_t max_spaced_line_chars = 40;  // a line without sentence punctuation this short
};

// Whether the text has sentence punctuation (，。；！？ and their ASCII forms).
bool has_sentence_punct(const std::u32string& u);

// The whitespace run u[begin, end) lies between two Chinese characters;
// `prose` is has_sentence_punct(u). True when the space is kept.
bool keeps_cjk_space(const std::u32string& u, std::size_t begin, std::size_t end, bool prose,
                     const SpaceLimits& limits);

}  // namespace docpipe::clean
