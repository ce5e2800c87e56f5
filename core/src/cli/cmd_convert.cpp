// docpipe convert INPUT -o OUTPUT and docpipe explain INPUT: one document.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "cli/common.hpp"
#include "docpipe/error.hpp"
#include "docpipe/text.hpp"
#include "host/atomic_output.hpp"
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
        return {info, nlohmann::json::object()};
      }
  throw ConfigError("convert: no writer produces '." + ext +
                    "' files (see `docpipe plugins list`)");
}

host::ProcessResult transform_one(const std::string& input, const host::Pipeline& pipeline,
                                  const host::PluginRegistry& registry) {
  host::DocumentProcessor proc(pipeline, registry);
  return proc.transform(host::InputItem{input, ""});
}

// One piece of an inline diff: kept (0), removed (-1) or added (+1) text.
struct DiffPiece {
  int op;
  std::u32string text;
};

// Character diff of two paragraphs (longest common subsequence), merged into
// runs. Very long pairs fall back to the changed middle between the common
// start and end.
std::vector<DiffPiece> diff_chars(const std::u32string& a, const std::u32string& b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  std::vector<DiffPiece> out;
  auto push = [&](int op, char32_t c) {
    if (out.empty() || out.back().op != op) out.push_back({op, {}});
    out.back().text += c;
  };
  for (std::size_t i = 0; i < pre; ++i) push(0, a[i]);
  const std::u32string x = a.substr(pre, a.size() - pre - suf);
  const std::u32string y = b.substr(pre, b.size() - pre - suf);
  if (x.size() * y.size() > 4'000'000) {
    for (char32_t c : x) push(-1, c);
    for (char32_t c : y) push(1, c);
  } else {
    // lcs[i][j]: common subsequence length of x[i..] and y[j..]
    std::vector<std::vector<std::uint32_t>> lcs(x.size() + 1,
                                                std::vector<std::uint32_t>(y.size() + 1, 0));
    for (std::size_t i = x.size(); i-- > 0;)
      for (std::size_t j = y.size(); j-- > 0;)
        lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < x.size() || j < y.size()) {
      if (i < x.size() && j < y.size() && x[i] == y[j]) {
        push(0, x[i]);
        ++i, ++j;
      } else if (i < x.size() && (j == y.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        push(-1, x[i++]);  // what was removed reads before what replaced it
      } else {
        push(1, y[j++]);
      }
    }
  }
  for (std::size_t i = a.size() - suf; i < a.size(); ++i) push(0, a[i]);
  return out;
}

// "一年来,[-团区委-]{+＊+}在区委…" (or red and green on a terminal); unchanged
// stretches longer than twice `context` characters keep only their ends.
std::string word_diff(const std::string& before, const std::string& after, bool colour,
                      std::size_t context = 20) {
  auto pieces = diff_chars(text::to_u32(before), text::to_u32(after));
  std::string out;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const auto& p = pieces[k];
    if (p.op == 0) {
      std::u32string t = p.text;
      const bool first = k == 0, last = k + 1 == pieces.size();
      if (first && t.size() > context) t = U"…" + t.substr(t.size() - context);
      if (last && t.size() > context) t = t.substr(0, context) + U"…";
      if (!first && !last && t.size() > 2 * context)
        t = t.substr(0, context) + U"…" + t.substr(t.size() - context);
      out += text::to_utf8(t);
    } else if (colour) {
      out += (p.op < 0 ? "\033[31;9m" : "\033[32m") + text::to_utf8(p.text) + "\033[0m";
    } else {
      out += (p.op < 0 ? "[-" : "{+") + text::to_utf8(p.text) + (p.op < 0 ? "-]" : "+}");
    }
  }
  return out;
}

}  // namespace

int cmd_convert(const Args& args) {
  po::options_description opts("docpipe convert options");
  opts.add_options()("output,o", po::value<std::string>(),
                     "output file; its extension picks the writer (.json, .docx, .xlsx, ...)")(
      "pipeline,p", po::value<std::string>(),
      "pipeline whose stages to apply (default: bundled base.yaml)");
  opts.add(common_options());
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::string>());
  po::positional_options_description pos;
  pos.add("input", 1);
  po::variables_map vm;
  if (!parse_args(args, opts, pos, vm, "usage: docpipe convert INPUT -o OUTPUT [--pipeline P]",
                  &hidden))
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
      b->begin(RunInfo{pipeline.name, pipeline.file.string(), host::now_iso8601(), {}});
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
      "stage,s", po::value<std::string>(), "show only the edits of this stage id");
  opts.add(common_options());
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::string>());
  po::positional_options_description pos;
  pos.add("input", 1);
  po::variables_map vm;
  if (!parse_args(
          args, opts, pos, vm,
          "usage: docpipe explain INPUT [--pipeline P] [--stage ID]\n"
          "Prints every change the cleaning and structure stages make, with the rule that made it.",
          &hidden))
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
