// clean.pinyin: removes pinyin glosses a site put after Han characters,
// "團(tuán)" -> "團", also when nested in real brackets "村(社區(qū))" ->
// "村(社區)". Runs before clean.t2s because OpenCC leaves glosses alone.
// Only tone-marked ("tuán") or tone-numbered ("tuan2") syllables count, so a
// real "(APP)" or "(de)" after a Han character is never touched.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/plugin.hpp>

namespace docpipe::clean {

inline constexpr const char* kPinyinSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "max_syllables": {"type": "integer", "minimum": 1, "default": 4,
                      "description": "longest gloss removed, in syllables"},
    "min_glosses_for_truncated": {"type": "integer", "minimum": 1, "default": 3,
                                  "description": "a gloss cut off at a line end ('指導(') is removed only when the document has this many glosses"}
  }
})json";

class PinyinCleaner final : public Transform {
 public:
  PinyinCleaner(const PluginEnv& env, const Params& params);
  void apply(Document& doc) override;

 private:
  kit::Regex gloss_;
  kit::Regex truncated_;
  int min_glosses_for_truncated_ = 3;
};

}  // namespace docpipe::clean
