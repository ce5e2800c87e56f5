// clean.terms: the office glossary (glossary.hpp). Terms come from the
// shipped glossary.txt, then the pipeline's glossary files, then its inline
// `terms` (a later definition of the same old term wins).
#include <docpipe/kit/data_files.hpp>
#include <docpipe/plugin.hpp>
#include <map>

#include "glossary.hpp"

namespace {

docpipe::terms::Glossary load(const docpipe::PluginEnv& env, const docpipe::Params& p) {
  docpipe::terms::Glossary g;
  if (p.get<bool>("builtin")) g.add_file(docpipe::kit::data_file(env, "glossary.txt"));
  for (const auto& f : p.get<std::vector<std::string>>("glossary")) g.add_file(f);
  for (const auto& [from, to] : p.get<std::map<std::string, std::string>>("terms")) g.add(from, to);
  return g;
}

class TermsTransform final : public docpipe::Transform {
 public:
  TermsTransform(const docpipe::PluginEnv& env, const docpipe::Params& p)
      : glossary_(load(env, p)) {}
  void apply(docpipe::Document& doc) override { glossary_.apply(doc); }

 private:
  docpipe::terms::Glossary glossary_;
};

}  // namespace

DOCPIPE_PLUGIN(
    TermsTransform, .kind = docpipe::PluginKind::transform, .name = "clean.terms",
    .version = "1.0.0",
    .description =
        "Office glossary: old names and wordings replaced by the preferred ones, as edits",
    .params_schema = R"json({"type":"object","additionalProperties":false,
                 "properties":{
                   "terms":{"type":"object","additionalProperties":{"type":"string"},"default":{},
                     "description":"old => new replacements, e.g. {\"国家林业局\": \"国家林业和草原局\"}"},
                   "glossary":{"type":"array","items":{"type":"string","format":"path"},"default":[],
                     "description":"glossary files, one 'old => new' per line, relative to the pipeline file"},
                   "builtin":{"type":"boolean","default":true,
                     "description":"also apply the glossary.txt shipped with the plugin"}}})json")
