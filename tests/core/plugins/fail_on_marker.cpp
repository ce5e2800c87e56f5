// Test transform: throws on any document containing "BOOM", so a test can
// check that one failing document does not stop the batch.
#include <docpipe/plugin.hpp>
#include <stdexcept>

namespace {
class FailOnMarker final : public docpipe::Transform {
 public:
  FailOnMarker(const docpipe::PluginEnv&, const docpipe::Params&) {}
  void apply(docpipe::Document& doc) override {
    for (const auto& b : doc.blocks)
      if (b.text.find("BOOM") != std::string::npos) throw std::runtime_error("marker BOOM found");
  }
};
}  // namespace

DOCPIPE_PLUGIN(FailOnMarker, .kind = docpipe::PluginKind::transform, .name = "test.fail_on_marker",
               .version = "1.0.0", .description = "fails on documents containing BOOM")
