// One of two libraries that both call themselves "test.duplicate".
#include <docpipe/plugin.hpp>

namespace {
class Dup final : public docpipe::Transform {
 public:
  Dup(const docpipe::PluginEnv&, const docpipe::Params&) {}
  void apply(docpipe::Document&) override {}
};
}  // namespace

DOCPIPE_PLUGIN(Dup, .kind = docpipe::PluginKind::transform, .name = "test.duplicate",
               .version = "1.0.2", .description = "duplicate name b")
