// The read.markdown reader: claims .md/.markdown files, and Markdown-looking
// text under other names only weakly, so read.txt keeps plain text.
#include <docpipe/kit/file_signature.hpp>
#include <docpipe/plugin.hpp>

#include "markdown_parse.hpp"

namespace {

class MarkdownReader final : public docpipe::Reader {
 public:
  MarkdownReader(const docpipe::PluginEnv&, const docpipe::Params&) {}

  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    // A ZIP or PDF saved under a .md name is not Markdown (the SDK's plugin
    // kit knows the magic numbers).
    if (!docpipe::kit::binary_signature(head).empty()) return 0;
    auto ext = path.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".md" || ext == ".markdown") return 90;
    // read.txt scores unknown text 40; a leading "# " heading or front
    // matter is a hint, not proof, so stay below it.
    if (head.substr(0, 2) == "# " || head.substr(0, 4) == "---\n") return 30;
    return 0;
  }

  docpipe::Document read(const docpipe::InputFile& in) override {
    return mdread::parse_markdown(in.bytes);
  }
};

}  // namespace

DOCPIPE_PLUGIN(MarkdownReader, .kind = docpipe::PluginKind::reader, .name = "read.markdown",
               .version = "1.0.0",
               .description = "Markdown: headings, lists, pipe tables, paragraphs, front matter",
               .formats = "md,markdown")
