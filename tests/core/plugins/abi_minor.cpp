// Built for a newer minor of the same ABI major: the loader must refuse it,
// because it may use functions this host does not have.
#define DOCPIPE_ABI_MINOR 7
#include <docpipe/plugin.hpp>

namespace {
class Newer final : public docpipe::Transform {
 public:
  Newer(const docpipe::PluginEnv&, const docpipe::Params&) {}
  void apply(docpipe::Document&) override {}
};
}  // namespace

DOCPIPE_PLUGIN(Newer, .kind = docpipe::PluginKind::transform, .name = "test.abi_minor",
               .version = "1.0.0", .description = "built for a newer ABI minor (.7)")
