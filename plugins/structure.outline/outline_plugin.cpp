// structure.outline: headings by GB/T 9704 numbering (see outline_rules.hpp).
#include <docpipe/kit/data_files.hpp>
#include <docpipe/plugin.hpp>
#include <docpipe/text.hpp>
#include <nlohmann/json.hpp>

#include "outline_rules.hpp"

namespace {

class OutlineTransform final : public docpipe::Transform {
 public:
  OutlineTransform(const docpipe::PluginEnv& env, const docpipe::Params& p) {
    load_boundaries(env, p);
    opt_.max_heading_chars = p.get<int>("max_heading_chars");
    opt_.run_in_levels = p.get<std::vector<int>>("run_in_levels");
    opt_.check_numbering = p.get<bool>("check_numbering");
    opt_.markdown_headings = p.get<bool>("markdown_headings");
    opt_.unnumbered_headings = p.get<bool>("unnumbered_headings");
    opt_.max_unnumbered_heading_chars = p.get<int>("max_unnumbered_heading_chars");
  }
  void apply(docpipe::Document& doc) override { docpipe::structure::build_outline(doc, opt_); }

 private:
  void load_boundaries(const docpipe::PluginEnv& env, const docpipe::Params& p) {
    auto j = docpipe::kit::read_json_file(docpipe::kit::data_file(env, "heading_boundaries.json"));
    auto& hb = opt_.boundaries;
    hb.heading_end_words = j.value("heading_end_words", std::vector<std::string>{});
    hb.sentence_openers = j.value("sentence_openers", std::vector<std::string>{});
    hb.continuing_chars = docpipe::text::to_u32(j.value("continuing_chars", std::string{}));
    hb.announce_words = j.value("announce_words", std::vector<std::string>{});
    for (auto& w : p.get<std::vector<std::string>>("extra_heading_end_words"))
      hb.heading_end_words.push_back(w);
    for (auto& w : p.get<std::vector<std::string>>("extra_sentence_openers"))
      hb.sentence_openers.push_back(w);
    opt_.inline_headings = p.get<bool>("inline_headings");
  }

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
                   "max_unnumbered_heading_chars":{"type":"integer","minimum":4,"default":30},
                   "inline_headings":{"type":"boolean","default":true,
                     "description":"split level-1/2 headings run together with text after a sentence end"},
                   "extra_heading_end_words":{"type":"array","items":{"type":"string"},"default":[],
                     "description":"words a run-together heading ends with, besides heading_boundaries.json"},
                   "extra_sentence_openers":{"type":"array","items":{"type":"string"},"default":[],
                     "description":"words that start the text after a run-together heading"}}})json")
