// Built for a future plugin ABI major: the loader must refuse it.
#define DOCPIPE_ABI_MAJOR 99
#define DOCPIPE_ABI_MINOR 0
#include <docpipe/plugin.hpp>

namespace {
class Future final : public docpipe::Transform {
 public:
  Future(const docpipe::PluginEnv&, const docpipe::Params&) {}
  void apply(docpipe::Document&) override {}
};
}  // namespace

DOCPIPE_PLUGIN(Future, .kind = docpipe::PluginKind::transform, .name = "test.abi_major",
               .version = "1.0.0", .description = "built for ABI 99.0")
