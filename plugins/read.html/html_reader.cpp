// read.html: saved web pages (content farms, news sites) reduced to their
// main content. The work is in html_parse.cpp and its helpers.
#include <docpipe/kit/data_files.hpp>
#include <docpipe/plugin.hpp>

#include "html_parse.hpp"

namespace {

class HtmlReader final : public docpipe::Reader {
 public:
  HtmlReader(const docpipe::PluginEnv& env, const docpipe::Params& p) {
    options_.boilerplate =
        docpipe::kit::read_list_file(docpipe::kit::data_file(env, "boilerplate.txt"));
    for (auto& phrase : p.get<std::vector<std::string>>("boilerplate"))
      options_.boilerplate.push_back(std::move(phrase));
    options_.boilerplate_max_chars = p.get<int>("boilerplate_max_chars");
  }

  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    return docpipe::readers::sniff_html(path, head);
  }

  docpipe::Document read(const docpipe::InputFile& in) override {
    return docpipe::readers::parse_html(in.path, in.bytes, options_);
  }

 private:
  docpipe::readers::ExtractOptions options_;
};

}  // namespace

DOCPIPE_PLUGIN(
    HtmlReader, .kind = docpipe::PluginKind::reader, .name = "read.html", .version = "1.0.0",
    .description = "Saved web pages: charset detection, main-content extraction, page metadata",
    .params_schema = R"({
  "type": "object",
  "properties": {
    "boilerplate": {"type": "array", "items": {"type": "string"}, "default": [],
                    "description": "phrases marking page chrome, added to the shipped boilerplate.txt"},
    "boilerplate_max_chars": {"type": "integer", "minimum": 1, "default": 60,
                              "description": "lines up to this length holding a boilerplate phrase are dropped"}
  },
  "additionalProperties": false
})",
    .formats = "html,htm,xhtml,shtml")
