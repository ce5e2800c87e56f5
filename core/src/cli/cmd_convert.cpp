// docpipe convert INPUT -o OUTPUT and docpipe explain INPUT: one document.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "cli/common.hpp"
#include "docpipe/char_diff.hpp"
#include "docpipe/error.hpp"
#include "docpipe/text.hpp"
#include "host/atomic_output.hpp"
#include "host/inputs.hpp"
#include "host/processor.hpp"
#include "host/runner.hpp"
#include "host/schema_check.hpp"

namespace docpipe::cli {

namespace fs = std::filesystem;

namespace {

std::string default_pipeline() { return (host::bundled_pipeline_dir() / "base.yaml").string(); }

// The writer for an output file: a writer listing the extension in its
// formats; parameters come from the pipeline's output of that writer, if any.
std::pair<const host::PluginInfo*, nlohmann::json> pick_writer(const fs::path& output,
                                                               const host::Pipeline& p,
                                                               const host::PluginRegistry& reg) {
  auto ext = output.extension().string();
  if (!ext.empty()) ext = ext.substr(1);
  for (const auto* info : reg.of_kind(PluginKind::writer))
    for (const auto& f : info->format_list())
      if (f == ext) {
        for (const auto& o : p.outputs)
          if (o.use == info->name) return {info, o.with};
        // As the pipeline loader does for outputs it lists: schema defaults.
        nlohmann::json with = nlohmann::json::object();
        docpipe::apply_schema_defaults(nlohmann::json::parse(info->params_schema), with);
        return {info, with};
      }
  throw ConfigError("convert: no writer produces '." + ext +
                    "' files (see `docpipe plugins list`)");
}

host::ProcessResult transform_one(const std::string& input, const host::Pipeline& pipeline,
                                  const host::PluginRegistry& registry) {
  host::DocumentProcessor proc(pipeline, registry);
  return proc.transform(host::InputItem{input, ""});
}

// "一年来,[-团区委-]{+＊+}在区委…" (or red and green on a terminal); unchanged
// stretches longer than twice `context` characters keep only their ends.
std::string word_diff(const std::string& before, const std::string& after, bool colour,
                      std::size_t context = 20) {
  auto pieces = text::diff_chars(text::to_u32(before), text::to_u32(after));
  text::shorten_kept(pieces, context);
  std::string out;
  for (const auto& p : pieces) {
    if (p.op == 0) {
      out += text::to_utf8(p.text);
    } else if (colour) {
      out += (p.op < 0 ? "\033[31;9m" : "\033[32m") + text::to_utf8(p.text) + "\033[0m";
    } else {
      out += (p.op < 0 ? "[-" : "{+") + text::to_utf8(p.text) + (p.op < 0 ? "-]" : "+}");
    }
  }
  return out;
}

// The document's review page, as a run writes it (write.review-page), with
// the parameters of the pipeline's output of that writer if it has one.
void write_review_page(const Document& doc, const fs::path& target, const host::Pipeline& p,
                       const host::PluginRegistry& reg) {
  const std::string name = "write.review-page";
  const auto* info = reg.find(name);
  if (!info)
    throw ConfigError("explain: --html needs the plugin '" + name +
                      "' (see `docpipe plugins list`)");
  nlohmann::json with = nlohmann::json::object();
  for (const auto& o : p.outputs)
    if (o.use == name) with = o.with;
  docpipe::apply_schema_defaults(nlohmann::json::parse(info->params_schema), with);
  auto writer = reg.create(name, name, Params(with));
  host::DocumentProcessor::render(*writer->as_writer(), doc, target);
}

}  // namespace

int cmd_convert(const Args& args) {
  po::options_description opts("docpipe convert options");
  opts.add_options()("output,o", po::value<std::string>(),
                     "output file; its extension picks the writer (.json, .docx, .xlsx, ...)")(
      "pipeline,p", po::value<std::string>(),
      "pipeline whose stages to apply (default: bundled base.yaml)");
  opts.add(common_options());
  po::variables_map vm;
  if (!parse_args(args, opts, Operand{"input", 1}, vm,
                  "usage: docpipe convert INPUT -o OUTPUT [--pipeline P]"))
    return kOk;
  apply_common(vm);
  if (!vm.count("input")) throw ConfigError("convert: an INPUT file is required");
  if (!vm.count("output")) throw ConfigError("convert: --output/-o is required");
  auto registry = default_registry();
  auto pipeline = load_resolved(
      vm.count("pipeline") ? vm["pipeline"].as<std::string>() : default_pipeline(), registry);
  fs::path output = vm["output"].as<std::string>();
  auto [winfo, with] = pick_writer(output, pipeline, registry);
  auto input = vm["input"].as<std::string>();
  auto r = transform_one(input, pipeline, registry);
  if (r.outcome != host::Outcome::ok) {
    std::cerr << "docpipe: " << to_string(r.outcome) << ": " << r.error << "\n";
    return r.outcome == host::Outcome::skipped ? kOk : kDocumentsFailed;
  }
  auto writer = registry.create(winfo->name, winfo->name, Params(with));
  try {
    if (auto* w = writer->as_writer()) {
      host::DocumentProcessor::render(*w, *r.doc, output);
    } else if (auto* b = writer->as_batch_writer()) {
      b->begin(RunInfo{pipeline.name,
                       pipeline.file.string(),
                       host::now_iso8601(),
                       {},
                       host::input_root({input})});
      b->add(*r.doc, DocumentStatus{std::string(to_string(r.outcome)), r.error, r.seconds});
      host::write_output(output, [&](OutputFile& out) {
        b->finish(RunTotals{host::now_iso8601(), {{"ok", 1}}}, out);
      });
    }
  } catch (const std::exception& e) {
    std::cerr << "docpipe: " << winfo->name << ": " << e.what() << "\n";
    return kDocumentsFailed;
  }
  spdlog::info("{} -> {} ({} edits)", input, output.string(), r.doc->edits.size());
  return kOk;
}

int cmd_explain(const Args& args) {
  po::options_description opts("docpipe explain options");
  opts.add_options()("pipeline,p", po::value<std::string>(),
                     "pipeline whose stages to apply (default: bundled base.yaml)")(
      "stage,s", po::value<std::string>(), "show only the edits of this stage id")(
      "html", po::value<std::string>(),
      "also write the document's review page to this file: the original with every edit "
      "marked, the result, outline and metadata (as `run` writes under review/)");
  opts.add(common_options());
  po::variables_map vm;
  if (!parse_args(args, opts, Operand{"input", 1}, vm,
                  "usage: docpipe explain INPUT [--pipeline P] [--stage ID] [--html OUT.html]\n"
                  "Prints every change the cleaning and structure stages make, with the rule that "
                  "made it."))
    return kOk;
  apply_common(vm);
  if (!vm.count("input")) throw ConfigError("explain: an INPUT file is required");
  auto registry = default_registry();
  auto pipeline = load_resolved(
      vm.count("pipeline") ? vm["pipeline"].as<std::string>() : default_pipeline(), registry);
  std::string only = vm.count("stage") ? vm["stage"].as<std::string>() : "";
  if (!only.empty()) {
    std::vector<std::string> ids;
    for (const auto& s : pipeline.stages) ids.push_back(s.id);
    for (const auto& s : pipeline.readers) ids.push_back(s.id);
    for (const auto* info : registry.of_kind(PluginKind::reader)) ids.push_back(info->name);
    if (std::find(ids.begin(), ids.end(), only) == ids.end()) {
      std::string known;
      for (const auto& s : pipeline.stages) known += (known.empty() ? "" : ", ") + s.id;
      throw ConfigError("explain: --stage: no stage '" + only + "' in " + pipeline.file.string() +
                        host::did_you_mean(host::closest_names(only, ids)) + " (stages: " + known +
                        ")");
    }
  }
  const bool colour = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  auto r = transform_one(vm["input"].as<std::string>(), pipeline, registry);
  if (!r.doc) {
    std::cerr << "docpipe: " << to_string(r.outcome) << ": " << r.error << "\n";
    return kDocumentsFailed;
  }
  if (vm.count("html")) {
    const fs::path html = vm["html"].as<std::string>();
    try {
      write_review_page(*r.doc, html, pipeline, registry);
    } catch (const ConfigError&) {
      throw;
    } catch (const std::exception& e) {
      std::cerr << "docpipe: explain: cannot write " << html.string() << ": " << e.what() << "\n";
      return kDocumentsFailed;
    }
    spdlog::info("review page: {}", html.string());
  }
  auto& out = std::cout;
  out << r.input << " (" << r.doc->source.format << ", " << r.doc->source.encoding << ")\n";
  std::string last_stage;
  std::size_t shown = 0;
  for (const auto& e : r.doc->edits) {
    if (!only.empty() && e.stage != only) continue;
    if (e.stage != last_stage) {
      out << "\n== " << e.stage << "\n";
      last_stage = e.stage;
    }
    out << "[" << e.rule << "]" << (e.block >= 0 ? " block " + std::to_string(e.block) : "")
        << "\n";
    // What changed inside the paragraph, marked in place; a paragraph
    // removed or added whole is shown whole.
    if (!e.before.empty() && !e.after.empty())
      out << "  ~ " << word_diff(e.before, e.after, colour) << "\n";
    else if (!e.before.empty())
      out << "  - " << e.before << "\n";
    else if (!e.after.empty())
      out << "  + " << e.after << "\n";
    ++shown;
  }
  out << "\n" << shown << " edits";
  if (!r.doc->flags.empty()) {
    out << "; flags:";
    for (const auto& f : r.doc->flags) out << " " << f;
  }
  out << "\n";
  for (const auto& d : r.doc->diagnostics)
    out << to_string(d.level) << " [" << d.stage << "] " << d.message << "\n";
  return r.outcome == host::Outcome::failed ? kDocumentsFailed : kOk;
}

}  // namespace docpipe::cli
