// Built for a future plugin ABI major: the loader must refuse it, and before
// any of its code runs. Its static initialiser leaves a mark (a file named by
// DOCPIPE_TEST_LOAD_MARK) when the library is loaded, so a test can tell
// whether the host loaded it at all.
#define DOCPIPE_ABI_MAJOR 99
#define DOCPIPE_ABI_MINOR 0
#include <cstdlib>
#include <docpipe/plugin.hpp>
#include <fstream>

namespace {
class Future final : public docpipe::Transform {
 public:
  Future(const docpipe::PluginEnv&, const docpipe::Params&) {}
  void apply(docpipe::Document&) override {}
};

// Runs when the library is loaded (dlopen), before anything is called.
[[maybe_unused]] const bool kMarkedLoad = [] {
  if (const char* mark = std::getenv("DOCPIPE_TEST_LOAD_MARK"))
    std::ofstream(mark) << "test.abi_major was loaded\n";
  return true;
}();
}  // namespace

DOCPIPE_PLUGIN(Future, .kind = docpipe::PluginKind::transform, .name = "test.abi_major",
               .version = "1.0.0", .description = "built for ABI 99.0")
