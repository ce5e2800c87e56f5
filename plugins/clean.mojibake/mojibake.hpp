// clean.mojibake: repairs characters lost in a lossy encoding round-trip where
// the repair is unambiguous, and reports the rest. "3?5志愿者" is a date-like
// "month·day" name (3·5 学雷锋日, 6·1 儿童节) whose middle dot became '?':
// month 1-12 and day 1-31, followed by Han text or a quote. U+FFFD and '?'
// inside Han text are reported, never guessed.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/plugin.hpp>

namespace docpipe::clean {

inline constexpr const char* kMojibakeSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "repair_middle_dot": {"type": "boolean", "default": true,
                          "description": "turn month?day before Han text into month·day"}
  }
})json";

class MojibakeRepairer final : public Transform {
 public:
  MojibakeRepairer(const PluginEnv& env, const Params& params);
  void apply(Document& doc) override;

 private:
  kit::Regex middle_dot_;
  kit::Regex suspicious_;
  bool repair_middle_dot_ = true;
};

}  // namespace docpipe::clean
