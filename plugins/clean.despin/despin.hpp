// clean.despin: reverses 伪原创 word spinning. A document is judged spun by
// the density of unambiguous markers (经由过程, 标的目的, 年夜...); only then is
// the pair table applied, longest match first in one left-to-right trie scan,
// skipping guarded real words (年夜饭, 新时代, 平安建设...). Unspun documents
// are never changed, so the ambiguous pairs (增强->加强...) are safe. Inside a
// spun document a pair is decided by context: a spun form that is part of a
// longer real word around it (助人为乐 holds 人为, 增强体质) stays, unless the
// original makes a more frequent real word there (spin_evidence.tsv, from the
// jieba dictionary).
#pragma once

#include <docpipe/kit/trie.hpp>
#include <docpipe/plugin.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace docpipe::clean {

inline constexpr const char* kDespinSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "extra_pairs": {"type": "object", "additionalProperties": {"type": "string"}, "default": {},
                    "description": "more spun -> original pairs, e.g. {\"勾当\": \"活动\"}"},
    "extra_guards": {"type": "array", "items": {"type": "string"}, "default": []},
    "extra_markers": {"type": "array", "items": {"type": "string"}, "default": []},
    "min_distinct_markers": {"type": "integer", "minimum": 1, "default": 3},
    "min_markers_per_1000": {"type": "number", "minimum": 0, "default": 2.0,
                             "description": "marker hits per 1000 Han characters"},
    "force": {"type": "boolean", "default": false, "description": "restore even when detection says not spun"},
    "context": {"type": "boolean", "default": true,
                "description": "keep a spun form that is part of a longer real word around it (spin_evidence.tsv)"}
  }
})json";

class Despinner final : public Transform {
 public:
  Despinner(const PluginEnv& env, const Params& params);
  void apply(Document& doc) override;

  struct Detection {
    std::size_t han = 0;
    std::size_t hits = 0;
    std::size_t distinct = 0;
    double per_1000() const {
      return han ? 1000.0 * static_cast<double>(hits) / static_cast<double>(han) : 0.0;
    }
  };
  Detection detect(const std::string& text) const;
  bool is_spun(const Detection& d) const;
  // Restores one text; `changes` receives (before, after) per substitution,
  // each with two characters of context on both sides.
  // `intact`: pairs whose original form the document still uses (see apply()).
  std::string restore(const std::string& text,
                      std::vector<std::pair<std::string, std::string>>& changes,
                      const std::vector<bool>& intact = {}) const;
  // Pairs whose spun form is itself a common word and whose original form the
  // text uses outside any spun form: a spinning tool replaces every
  // occurrence, so there the spun form is the author's own word.
  std::vector<bool> intact_pairs(const std::string& text) const;
  std::size_t pair_count() const { return originals_.size(); }

 private:
  // Frequency of the most frequent evidence word longer than the span
  // [at, at + len) that covers it in `u`; 0 when none does.
  int context_support(const std::u32string& u, std::size_t at, std::size_t len) const;
  // Whether the spun form at [at, at + len) is part of a real word around it
  // that the original would not make.
  bool kept_by_context(const std::u32string& u, std::size_t at, std::size_t len,
                       const std::u32string& original) const;

  kit::Trie pairs_, guards_, markers_;
  std::unordered_map<std::u32string, int> evidence_;
  kit::Trie originals_trie_;                                 // original form -> its id
  std::vector<std::vector<std::size_t>> pairs_of_original_;  // id -> pairs
  static constexpr int kCommonWord = 500;                    // jieba frequency of a common word
  std::vector<std::u32string> spun_, originals_;
  std::size_t min_distinct_ = 3;
  double min_per_1000_ = 2.0;
  bool force_ = false;
  bool context_ = true;
};

}  // namespace docpipe::clean
