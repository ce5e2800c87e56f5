// write.json: the document model as JSON in the published shape
// schemas/document.schema.json ("docpipe/document@1"). The shape itself is
// built by the core (document_to_json) so the worker protocol and this writer
// can never drift apart; this plugin only chooses layout and what to omit.
#include <algorithm>
#include <docpipe/json.hpp>
#include <docpipe/plugin.hpp>
#include <string>
#include <vector>

namespace {

class JsonWriter final : public docpipe::Writer {
 public:
  JsonWriter(const docpipe::PluginEnv&, const docpipe::Params& p)
      : pretty_(p.get<bool>("pretty")), indent_(p.get<int>("indent")) {
    opts_.include_edits = p.get<bool>("include_edits");
    opts_.include_diagnostics = p.get<bool>("include_diagnostics");
  }

  void write(const docpipe::Document& doc, docpipe::OutputFile& out) override {
    const auto j = docpipe::document_to_json(doc, opts_);
    // The core's json sorts keys; put the schema id and the main parts first
    // so a person opening the file sees what it is (nested keys stay sorted).
    // The top level is assembled here, each part dumped on its own, instead
    // of copying the whole tree into an ordered_json first.
    std::vector<std::string> keys = {"schema",  "source", "metadata", "blocks",
                                     "metrics", "flags",  "edits",    "diagnostics"};
    for (const auto& [key, value] : j.items())
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    const int indent = pretty_ ? indent_ : -1;
    std::string text = "{";
    bool first = true;
    for (const auto& key : keys) {
      auto it = j.find(key);
      if (it == j.end()) continue;
      text += first ? "" : ",";
      first = false;
      if (pretty_) text.append(1, '\n').append(static_cast<std::size_t>(indent_), ' ');
      docpipe::dump_json(text, key);
      text += pretty_ ? ": " : ":";
      // error_handler replace (in dump_json) turns any invalid UTF-8 a reader
      // let through into U+FFFD, so the file is valid UTF-8 whatever the input
      // was; Chinese stays readable instead of \uXXXX escapes.
      docpipe::dump_json(text, *it, indent, 1);
    }
    text += pretty_ && !first ? "\n}\n" : "}\n";
    out.write(text);
  }

 private:
  bool pretty_;
  int indent_;
  docpipe::JsonOptions opts_;
};

}  // namespace

DOCPIPE_PLUGIN(
    JsonWriter, .kind = docpipe::PluginKind::writer, .name = "write.json", .version = "1.0.0",
    .description = "Document model as JSON (schemas/document.schema.json, docpipe/document@1)",
    .params_schema = R"json({"type":"object","additionalProperties":false,
                 "properties":{
                   "pretty":{"type":"boolean","default":true,
                             "description":"Indented output; false writes one compact line"},
                   "indent":{"type":"integer","minimum":0,"maximum":8,"default":1,
                             "description":"Spaces per level when pretty"},
                   "include_edits":{"type":"boolean","default":true,
                             "description":"Write the edit log (edits[] is empty when false)"},
                   "include_diagnostics":{"type":"boolean","default":true,
                             "description":"Write diagnostics (diagnostics[] is empty when false)"}}})json",
    .formats = "json")
