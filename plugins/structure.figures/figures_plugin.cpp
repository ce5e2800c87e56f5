// structure.figures: quantities with units into doc.metrics (figure_finder.hpp).
#include <docpipe/kit/data_files.hpp>
#include <docpipe/plugin.hpp>

#include "figure_finder.hpp"

namespace {

docpipe::structure::FigureWords words(const docpipe::PluginEnv& env, const docpipe::Params& p) {
  auto w = docpipe::structure::FigureWords::from_file(docpipe::kit::data_file(env, "figures.json"));
  auto units = p.get<std::vector<std::string>>("extra_units");
  w.units.insert(w.units.end(), units.begin(), units.end());
  return w;
}

class FiguresTransform final : public docpipe::Transform {
 public:
  FiguresTransform(const docpipe::PluginEnv& env, const docpipe::Params& p)
      : finder_(words(env, p), static_cast<std::size_t>(p.get<int>("max_quantities"))) {}
  void apply(docpipe::Document& doc) override { finder_.apply(doc); }

 private:
  docpipe::structure::FigureFinder finder_;
};

}  // namespace

DOCPIPE_PLUGIN(
    FiguresTransform, .kind = docpipe::PluginKind::transform, .name = "structure.figures",
    .version = "0.1.1",
    .description = "Quantities with units (57.2万人次 -> 572000 人次) and their heading path",
    .params_schema = R"json({"type":"object","additionalProperties":false,
                 "properties":{
                   "extra_units":{"type":"array","items":{"type":"string"},"default":[],
                     "description":"units added to the shipped figures.json list"},
                   "max_quantities":{"type":"integer","minimum":1,"default":10000,
                     "description":"at most this many quantities a document; past it the rest of the text is not searched (warning)"}}})json")
