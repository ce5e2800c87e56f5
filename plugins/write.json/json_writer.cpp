// write.json: the document model as JSON (schemas/document.schema.json).
#include <docpipe/json.hpp>
#include <docpipe/plugin.hpp>

namespace {

class JsonWriter final : public docpipe::Writer {
 public:
  JsonWriter(const docpipe::PluginEnv&, const docpipe::Params& p)
      : pretty_(p.get<bool>("pretty", true)) {
    opts_.include_edits = p.get<bool>("include_edits", true);
  }

  void write(const docpipe::Document& doc, docpipe::OutputFile& out) override {
    auto j = docpipe::document_to_json(doc, opts_);
    out.write(j.dump(pretty_ ? 1 : -1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }

 private:
  bool pretty_;
  docpipe::JsonOptions opts_;
};

}  // namespace

DOCPIPE_PLUGIN(JsonWriter, .kind = docpipe::PluginKind::writer, .name = "write.json",
               .version = "0.1.0", .description = "Document model as JSON (docpipe/document@1)",
               .params_schema = R"({"type":"object","additionalProperties":false,
                 "properties":{"pretty":{"type":"boolean","default":true},
                               "include_edits":{"type":"boolean","default":true}}})",
               .formats = "json")
