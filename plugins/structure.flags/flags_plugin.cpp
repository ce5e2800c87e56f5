// structure.flags: truncation and encoding flags, evidence for every flag
// (quality_flags.hpp).
#include <docpipe/kit/data_files.hpp>
#include <docpipe/plugin.hpp>

#include "quality_flags.hpp"

namespace {

class FlagsTransform final : public docpipe::Transform {
 public:
  FlagsTransform(const docpipe::PluginEnv& env, const docpipe::Params&)
      : flagger_(docpipe::structure::FlagRules::from_file(
            docpipe::kit::data_file(env, "flag_evidence.json"))) {}
  void apply(docpipe::Document& doc) override { flagger_.apply(doc); }

 private:
  docpipe::structure::QualityFlagger flagger_;
};

}  // namespace

DOCPIPE_PLUGIN(
    FlagsTransform, .kind = docpipe::PluginKind::transform, .name = "structure.flags",
    .version = "0.1.0",
    .description = "truncated_start/_end and encoding_guessed flags; evidence for every flag",
    .params_schema = R"json({"type":"object","additionalProperties":false,"properties":{}})json")
