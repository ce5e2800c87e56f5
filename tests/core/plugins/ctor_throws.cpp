// A transform whose constructor throws an exception class defined in this
// library (its vtable and what() live here), as a plugin with an invalid
// pattern or a missing data file does. The host must report it as a
// configuration error, not crash once the library is unloaded.
#include <docpipe/plugin.hpp>
#include <stdexcept>

namespace {
class LocalError : public std::exception {
 public:
  explicit LocalError(std::string m) : msg_(std::move(m)) {}
  const char* what() const noexcept override { return msg_.c_str(); }

 private:
  std::string msg_;
};

class CtorThrows final : public docpipe::Transform {
 public:
  CtorThrows(const docpipe::PluginEnv&, const docpipe::Params& p) {
    throw LocalError("cannot compile pattern '" + p.get<std::string>("pattern") + "'");
  }
  void apply(docpipe::Document&) override {}
};
}  // namespace

DOCPIPE_PLUGIN(CtorThrows, .kind = docpipe::PluginKind::transform, .name = "test.ctor_throws",
               .version = "1.0.0", .description = "constructor always throws, for tests",
               .params_schema = R"json({"type":"object","additionalProperties":false,
                 "properties":{"pattern":{"type":"string","default":"("}}})json")
