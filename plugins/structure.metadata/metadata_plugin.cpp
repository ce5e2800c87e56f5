// structure.metadata: title, organization, doc type, period, signature date
// (see metadata_rules.hpp). Word lists and patterns ship as data files.
#include <docpipe/plugin.hpp>

#include "metadata_rules.hpp"

namespace {

docpipe::structure::MetadataConfig config(const docpipe::PluginEnv& env, const docpipe::Params& p) {
  auto c = docpipe::structure::MetadataConfig::from_data_dir(env.data_dir);
  // Patterns from the pipeline come first: a user's own organizations win.
  auto extra = p.get<std::vector<std::string>>("org_patterns");
  c.org_patterns.insert(c.org_patterns.begin(), extra.begin(), extra.end());
  c.org_cores = p.get<std::vector<std::string>>("org_cores");
  auto sites = p.get<std::vector<std::string>>("site_suffixes");
  c.site_suffixes.insert(c.site_suffixes.end(), sites.begin(), sites.end());
  auto suffixes = p.get<std::vector<std::string>>("title_suffixes");
  c.title_suffixes.insert(c.title_suffixes.end(), suffixes.begin(), suffixes.end());
  auto datelines = p.get<std::vector<std::string>>("dateline_patterns");
  c.dateline_patterns.insert(c.dateline_patterns.end(), datelines.begin(), datelines.end());
  c.max_title_chars = p.get<int>("max_title_chars");
  c.title_scan_blocks = p.get<int>("title_scan_blocks");
  c.signature_max_chars = p.get<int>("signature_max_chars");
  return c;
}

class MetadataTransform final : public docpipe::Transform {
 public:
  MetadataTransform(const docpipe::PluginEnv& env, const docpipe::Params& p)
      : rules_(config(env, p)) {}
  void apply(docpipe::Document& doc) override { rules_.apply(doc); }

 private:
  docpipe::structure::MetadataExtractor rules_;
};

}  // namespace

DOCPIPE_PLUGIN(
    MetadataTransform, .kind = docpipe::PluginKind::transform, .name = "structure.metadata",
    .version = "0.1.0",
    .description = "Title, organization, doc type, period and signature date of a report",
    .params_schema = R"json({"type":"object","additionalProperties":false,
                 "properties":{
                   "org_patterns":{"type":"array","items":{"type":"string"},"default":[],
                     "description":"extra PCRE2 patterns for issuing organizations, tried before the shipped org_patterns.txt"},
                   "org_cores":{"type":"array","items":{"type":"string"},"default":[],
                     "description":"extra words that end a body's name (团委, 妇联 …), besides org_names.json"},
                   "site_suffixes":{"type":"array","items":{"type":"string"},"default":[],
                     "description":"extra endings of site names dropped from page titles"},
                   "title_suffixes":{"type":"array","items":{"type":"string"},"default":[],
                     "description":"extra PCRE2 patterns of SEO additions stripped from title lines, besides the shipped title_suffixes.txt"},
                   "dateline_patterns":{"type":"array","items":{"type":"string"},"default":[],
                     "description":"extra PCRE2 patterns of dateline lines under a title (——2023年3月30日在…会议上) that date the report, besides the shipped datelines.txt"},
                   "max_title_chars":{"type":"integer","minimum":4,"default":60},
                   "title_scan_blocks":{"type":"integer","minimum":1,"default":8,
                     "description":"leading blocks that may hold the title"},
                   "signature_max_chars":{"type":"integer","minimum":8,"default":40}}})json")
