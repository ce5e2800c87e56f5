// clean.t2s: converts a document written in traditional characters to
// simplified with OpenCC's t2s (not tw2sp: that rewrites mainland vocabulary),
// or with tw2sp when the page shows Taiwan usage (taiwan_markers.txt); then
// fixes what t2s leaves by phrase (随著 -> 随着 outside zhù words, 拚搏 -> 拼搏).
// It measures first: only when the share of Han characters OpenCC would change
// reaches min_ratio is anything converted, so a simplified report that quotes
// a traditional inscription keeps the quotation as written.
#pragma once

#include <cstdint>
#include <docpipe/plugin.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace opencc {
class SimpleConverter;
}

namespace docpipe::clean {

inline constexpr const char* kT2sSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "config": {"type": "string", "default": "t2s.json",
               "description": "OpenCC configuration (a name in /usr/share/opencc or a path)"},
    "min_ratio": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.08,
                  "description": "share of Han characters that conversion changes, above which the document counts as traditional"},
    "min_han": {"type": "integer", "minimum": 1, "default": 20,
                "description": "documents with fewer Han characters are left alone"},
    "taiwan_config": {"type": "string", "default": "tw2sp.json",
                      "description": "OpenCC configuration for pages that show Taiwan usage"},
    "taiwan_markers_min": {"type": "integer", "minimum": 0, "default": 2,
                           "description": "different Taiwan words (taiwan_markers.txt) that make a page Taiwanese; 0 never"},
    "extra_phrase_fixes": {"type": "object", "additionalProperties": {"type": "string"}, "default": {},
                           "description": "phrases to fix after conversion, besides phrase_fixes.tsv"}
  }
})json";

class T2sConverter final : public Transform {
 public:
  T2sConverter(const PluginEnv& env, const Params& params);
  ~T2sConverter() override;
  void apply(Document& doc) override;

  // Share of Han characters in `text` that t2s changes (0..1), and the count.
  struct Measure {
    std::size_t han = 0;
    std::size_t changed = 0;
    double ratio() const {
      return han ? static_cast<double>(changed) / static_cast<double>(han) : 0.0;
    }
  };
  // Character-level: phrase conversions do not count, which is what a
  // "how traditional is this text" measure wants.
  Measure measure(const std::string& text) const;

 private:
  // How many different Taiwan words the text carries.
  std::size_t taiwan_markers(const std::string& text) const;
  // 著 -> 着 outside zhù words, and the phrase fixes: what t2s leaves.
  std::string fix_phrases(const std::string& text) const;
  opencc::SimpleConverter& taiwan_converter();

  std::unique_ptr<opencc::SimpleConverter> converter_;
  std::unique_ptr<opencc::SimpleConverter> taiwan_;  // loaded the first time a page needs it
  std::string taiwan_config_;
  std::size_t taiwan_min_ = 2;
  std::vector<std::string> taiwan_words_, zhe_keep_;
  std::vector<std::pair<std::string, std::string>> fixes_;
  double min_ratio_ = 0.08;
  std::size_t min_han_ = 20;
  // changed_[c - kFirst]: whether t2s changes the character c on its own,
  // asked of OpenCC the first time c is met (an instance serves one thread).
  static constexpr char32_t kFirst = 0x4E00, kLast = 0x9FFF;
  static constexpr std::uint8_t kUnknown = 0, kKept = 1, kChanged = 2;
  mutable std::vector<std::uint8_t> changed_ =
      std::vector<std::uint8_t>(kLast - kFirst + 1, kUnknown);
  bool changes(char32_t c) const;
};

}  // namespace docpipe::clean
