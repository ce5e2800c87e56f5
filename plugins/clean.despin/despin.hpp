// clean.despin: reverses 伪原创 word spinning. A document is judged spun by
// the density of unambiguous markers (经由过程, 标的目的, 年夜...); only then is
// the pair table applied, longest match first in one left-to-right trie scan,
// skipping guarded real words (年夜饭, 新时代, 平安建设...). Unspun documents
// are never changed, so the ambiguous pairs (增强->加强...) are safe.
#pragma once

#include <docpipe/clean/trie.hpp>
#include <docpipe/plugin.hpp>
#include <string>
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
    "force": {"type": "boolean", "default": false, "description": "restore even when detection says not spun"}
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
  std::string restore(const std::string& text,
                      std::vector<std::pair<std::string, std::string>>& changes) const;
  std::size_t pair_count() const { return originals_.size(); }

 private:
  Trie pairs_, guards_, markers_;
  std::vector<std::u32string> spun_, originals_;
  std::size_t min_distinct_ = 3;
  double min_per_1000_ = 2.0;
  bool force_ = false;
};

}  // namespace docpipe::clean
