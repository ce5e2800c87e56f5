#include "pinyin.hpp"

#include <docpipe/kit/text_predicates.hpp>

namespace docpipe::clean {
namespace {

// Pinyin letters: ASCII lower case plus the tone-marked vowels.
constexpr const char* kLetters = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ";
constexpr const char* kToneMarks = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹ";

std::string gloss_pattern(int max_syllables) {
  std::string syl = std::string("[") + kLetters + "]{1,6}[1-5]?";
  return std::string("(?<=\\p{Han})[(（]\\s*(") + syl + "(?:[\\s']?" + syl + "){0," +
         std::to_string(max_syllables - 1) + "})\\s*[)）]";
}

bool has_tone(std::string_view gloss) {
  static const std::string marks = kToneMarks;
  for (std::size_t i = 0; i < gloss.size(); ++i) {
    if (gloss[i] >= '1' && gloss[i] <= '5') return true;
  }
  // Tone marks are multi-byte; look each one up as a substring.
  std::size_t i = 0;
  while (i < marks.size()) {
    std::size_t n = 1;
    while (i + n < marks.size() && (static_cast<unsigned char>(marks[i + n]) & 0xC0) == 0x80) ++n;
    if (gloss.find(marks.substr(i, n)) != std::string_view::npos) return true;
    i += n;
  }
  return false;
}

}  // namespace

PinyinCleaner::PinyinCleaner(const PluginEnv&, const Params& params)
    : gloss_(gloss_pattern(params.get<int>("max_syllables"))),
      truncated_(std::string("(?<=\\p{Han})[(（][") + kLetters + "]*\\s*$"),
      min_glosses_for_truncated_(params.get<int>("min_glosses_for_truncated")) {}

void PinyinCleaner::apply(Document& doc) {
  std::size_t removed = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const std::string& text = doc.blocks[i].text;
    std::size_t here = 0;
    std::string out = gloss_.replace_all(text, [&](std::string_view s, const kit::Match& m) {
      if (!has_tone(m.group(s, 1))) return std::string(m.group(s, 0));
      ++here;
      return std::string();
    });
    removed += here;
    doc.set_block_text(i, out, "pinyin.gloss");
  }
  if (removed >= static_cast<std::size_t>(min_glosses_for_truncated_)) {
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      kit::Match m;
      const std::string& text = doc.blocks[i].text;
      if (truncated_.search(text, m)) {
        doc.set_block_text(i, text.substr(0, m.begin()), "pinyin.truncated");
        ++removed;
      }
    }
  }
  if (removed) {
    doc.set_flag("pinyin_removed");
    doc.diagnose(Level::info,
                 "pinyin_removed: removed " + std::to_string(removed) + " pinyin gloss(es)");
  }
}

}  // namespace docpipe::clean
