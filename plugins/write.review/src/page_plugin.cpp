// write.review-page: one review page per document (the original with every
// edit marked, the result, outline, metadata, links), written in the worker
// that processed the document. `docpipe explain --html` uses it too.
#include <docpipe/plugin.hpp>

#include "assets.hpp"
#include "document_page.hpp"
#include "page_links.hpp"

namespace {

constexpr const char* kSchema = R"json({
  "type": "object", "additionalProperties": false,
  "properties": {
    "docs_dir": {"type": "string", "minLength": 1, "default": "review/docs",
      "description": "Where the pages are under {out}: the output path must be {out}/<docs_dir>/{reldir}/{stem}.html; the run's index is in its parent"},
    "outputs": {"type": "array", "default": [
        {"label": "JSON", "path": "{out}/json/{reldir}/{stem}.json"},
        {"label": "DOCX", "path": "{out}/docx/{reldir}/{stem}.docx"}],
      "description": "Outputs the page links to, as the pipeline's output paths ({out} {reldir} {stem}); outputs not written are shown unlinked",
      "items": {"type": "object", "additionalProperties": false, "required": ["label", "path"],
        "properties": {"label": {"type": "string"}, "path": {"type": "string"}}}}
  }
})json";

class ReviewPageWriter final : public docpipe::Writer {
 public:
  ReviewPageWriter(const docpipe::PluginEnv& env, const docpipe::Params& p)
      : assets_(docpipe::review::load_assets(env.data_dir)),
        docs_dir_(p.get<std::string>("docs_dir")) {
    for (const auto& o : p.get<nlohmann::json>("outputs"))
      outputs_.push_back({o.at("label").get<std::string>(), o.at("path").get<std::string>()});
  }

  void write(const docpipe::Document& doc, docpipe::OutputFile& out) override {
    const auto links =
        docpipe::review::page_links(doc.source.path, out.target(), docs_dir_, outputs_);
    out.write(docpipe::review::render_document_page(doc, links, assets_));
  }

 private:
  docpipe::review::Assets assets_;
  std::string docs_dir_;
  std::vector<docpipe::review::OutputLink> outputs_;
};

}  // namespace

DOCPIPE_PLUGIN(ReviewPageWriter, .kind = docpipe::PluginKind::writer, .name = "write.review-page",
               .version = "1.0.0",
               .description =
                   "One HTML review page per document: the original with every edit "
                   "marked by stage and rule, the result, outline, metadata",
               .params_schema = kSchema, .formats = "html")
