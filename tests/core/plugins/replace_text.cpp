// Test transform with a parameter schema: replaces `from` by `to` in every
// block and records each change as an edit.
#include <docpipe/plugin.hpp>

namespace {
class ReplaceText final : public docpipe::Transform {
 public:
  ReplaceText(const docpipe::PluginEnv&, const docpipe::Params& p)
      : from_(p.get<std::string>("from")), to_(p.get<std::string>("to")) {}
  void apply(docpipe::Document& doc) override {
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      auto t = doc.blocks[i].text;
      for (auto pos = t.find(from_); !from_.empty() && pos != std::string::npos;
           pos = t.find(from_, pos + to_.size()))
        t.replace(pos, from_.size(), to_);
      doc.set_block_text(i, t, "replace");
    }
  }

 private:
  std::string from_, to_;
};
}  // namespace

DOCPIPE_PLUGIN(ReplaceText, .kind = docpipe::PluginKind::transform, .name = "test.replace",
               .version = "2.1.0", .description = "replaces text, for tests",
               .params_schema = R"json({"type":"object","additionalProperties":false,
                 "required":["from"],
                 "properties":{"from":{"type":"string","minLength":1},
                               "to":{"type":"string","default":"*"}}})json")
