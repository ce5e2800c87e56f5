// structure.outline: headings by GB/T 9704 numbering (see outline_rules.hpp).
#include <docpipe/plugin.hpp>

#include "outline_rules.hpp"

namespace {

class OutlineTransform final : public docpipe::Transform {
 public:
  OutlineTransform(const docpipe::PluginEnv&, const docpipe::Params& p) {
    opt_.max_heading_chars = p.get<int>("max_heading_chars", opt_.max_heading_chars);
    opt_.run_in_levels = p.get<std::vector<int>>("run_in_levels", opt_.run_in_levels);
    opt_.check_numbering = p.get<bool>("check_numbering", opt_.check_numbering);
    opt_.markdown_headings = p.get<bool>("markdown_headings", opt_.markdown_headings);
    opt_.unnumbered_headings = p.get<bool>("unnumbered_headings", opt_.unnumbered_headings);
    opt_.max_unnumbered_heading_chars =
        p.get<int>("max_unnumbered_heading_chars", opt_.max_unnumbered_heading_chars);
  }
  void apply(docpipe::Document& doc) override { docpipe::structure::build_outline(doc, opt_); }

 private:
  docpipe::structure::OutlineOptions opt_;
};

}  // namespace

DOCPIPE_PLUGIN(
    OutlineTransform, .kind = docpipe::PluginKind::transform, .name = "structure.outline",
    .version = "0.1.0",
    .description = "Headings by GB/T 9704 numbering, run-in heading splits, numbering checks",
    .params_schema = R"json({"type":"object","additionalProperties":false,
                 "properties":{
                   "max_heading_chars":{"type":"integer","minimum":4,"default":60,
                     "description":"longest heading phrase (marker + text up to the first 。)"},
                   "run_in_levels":{"type":"array","items":{"type":"integer","minimum":1,"maximum":4},
                     "default":[1,2],"description":"levels whose run-in headings are split off their paragraph"},
                   "check_numbering":{"type":"boolean","default":true,
                     "description":"report gaps in heading numbering as diagnostics"},
                   "markdown_headings":{"type":"boolean","default":true,
                     "description":"### lines become headings without their marks"},
                   "unnumbered_headings":{"type":"boolean","default":true,
                     "description":"in a report without numbered sections, a short line that does not end like a sentence and precedes a body paragraph is a level-1 heading"},
                   "max_unnumbered_heading_chars":{"type":"integer","minimum":4,"default":30}}})json")
