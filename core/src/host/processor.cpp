#include "host/processor.hpp"

#include <chrono>
#include <fstream>
#include <new>
#include <sstream>

#include "docpipe/error.hpp"
#include "docpipe/schema_defaults.hpp"
#include "docpipe/text.hpp"
#include "host/atomic_output.hpp"

namespace docpipe::host {

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec) throw InputError(p.string() + ": cannot read: " + ec.message());
  if (size > kMaxInputBytes)
    throw InputError(p.string() + ": file is " + std::to_string(size) +
                     " bytes, larger than the input limit of " + std::to_string(kMaxInputBytes));
  std::ifstream f(p, std::ios::binary);
  if (!f) throw InputError(p.string() + ": cannot open for reading");
  std::string bytes(size, '\0');
  f.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(f.gcount()));
  return bytes;
}

// What kind of error a plugin call (or the host's own reading) failed with.
ErrorKind error_kind_of(const std::exception& e) {
  if (dynamic_cast<const std::bad_alloc*>(&e)) return ErrorKind::limit_exceeded;
  if (dynamic_cast<const SkippedInput*>(&e)) return ErrorKind::not_a_document;
  if (dynamic_cast<const InputError*>(&e)) return ErrorKind::input;
  return ErrorKind::plugin;
}

// Several failures of one document (outputs, summaries): an exceeded limit
// is what it is remembered by, since the worker must then be replaced.
void note_error_kind(ProcessResult& r, ErrorKind kind) {
  if (r.error_kind != ErrorKind::limit_exceeded) r.error_kind = kind;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

}  // namespace

fs::path expand_output_path(const std::string& tmpl, const fs::path& out, const InputItem& item) {
  std::string s = tmpl;
  auto filename = item.path.filename();
  replace_all(s, "{out}", out.string());
  replace_all(s, "{stem}", item.output_stem());
  replace_all(s, "{name}", filename.string());
  auto ext = filename.extension().string();
  replace_all(s, "{ext}", ext.empty() ? ext : ext.substr(1));
  replace_all(s, "{reldir}", item.reldir.empty() ? "." : item.reldir.string());
  return fs::path(s).lexically_normal();
}

DocumentProcessor::DocumentProcessor(const Pipeline& pipeline, const PluginRegistry& registry)
    : pipeline_(pipeline) {
  if (!pipeline.readers.empty()) {
    for (const auto& r : pipeline.readers)
      readers_.push_back({r.use, registry.create(r.use, r.id, Params(r.with))});
  } else {
    // Every reader, with its schema's defaults (as a listed reader gets them).
    for (const auto* info : registry.of_kind(PluginKind::reader))
      readers_.push_back({info->name, registry.create(info->name, info->name,
                                                      params_with_defaults(info->params_schema))});
  }
  for (const auto& s : pipeline.stages)
    transforms_.push_back({s.id, registry.create(s.use, s.id, Params(s.with))});
  for (const auto& o : pipeline.outputs) {
    const auto* info = registry.find(o.use);
    if (!info) continue;
    if (info->batch) {
      auto instance = registry.create(o.use, o.id, Params(o.with));
      if (takes_summaries(*info, instance.get()))
        summarizers_.push_back({o.id, std::move(instance)});
      else
        batch_needs_documents_ = true;
      continue;
    }
    writers_.push_back({o.id, registry.create(o.use, o.id, Params(o.with))});
    writer_specs_.push_back(&o);
  }
}

bool takes_summaries(const PluginInfo& info, Plugin& instance) {
  // A plugin built for ABI 1.0 has no summarize() in its vtable at all
  // (1.1 added it; every 2.x has it).
  if (info.abi_major < 1 || (info.abi_major == 1 && info.abi_minor < 1)) return false;
  auto* batch = instance.as_batch_writer();
  return batch && batch->summarizes();
}

void DocumentProcessor::summarize(ProcessResult& r) {
  if (!r.doc || summarizers_.empty()) return;
  r.batch_summaries = nlohmann::json::object();
  for (auto& s : summarizers_) {
    step(s.id);
    try {
      r.batch_summaries[s.id] = s.instance->as_batch_writer()->summarize(*r.doc);
    } catch (const std::exception& e) {
      // The document's own outputs are written; only its batch row is lost.
      if (r.outcome == Outcome::ok) r.outcome = Outcome::partial;
      note_error_kind(r, error_kind_of(e));
      r.error += (r.error.empty() ? "" : "; ") + s.id + ": " + e.what();
    }
  }
}

ProcessResult DocumentProcessor::transform(const InputItem& item) {
  auto t0 = std::chrono::steady_clock::now();
  ProcessResult r;
  r.input = item.path.string();
  auto finish = [&]() -> ProcessResult {
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return std::move(r);
  };
  std::string bytes;
  r.stage = "read";
  step(r.stage);
  try {
    bytes = read_all(item.path);
    std::string_view head(bytes.data(), std::min<std::size_t>(bytes.size(), 64 * 1024));
    Reader* best = nullptr;
    int best_score = 0;
    for (auto& slot : readers_) {
      Reader* reader = slot.instance->as_reader();
      if (!reader) continue;
      int score = reader->sniff(item.path, head);
      if (score > best_score) {
        best_score = score;
        best = reader;
        r.stage = "read:" + slot.name;
      }
    }
    if (best) step(r.stage);
    if (!best) {
      std::string names;
      for (auto& slot : readers_) names += (names.empty() ? "" : ", ") + slot.name;
      throw InputError(item.path.string() + ": no reader recognises this file (tried " + names +
                       ")");
    }
    Document doc = best->read(InputFile{item.path, bytes});
    doc.source.path = item.path.string();
    doc.source.byte_size = bytes.size();
    doc.source.sha256 = text::sha256_hex(bytes);
    r.doc = std::move(doc);
  } catch (const std::exception& e) {
    r.error_kind = error_kind_of(e);
    r.outcome = r.error_kind == ErrorKind::not_a_document ? Outcome::skipped : Outcome::failed;
    r.error = e.what();
    return finish();
  }
  bytes.clear();
  bytes.shrink_to_fit();
  for (auto& stage : transforms_) {
    r.stage = stage.id;
    step(stage.id);
    const auto before = r.doc->record_counts();
    try {
      stage.instance->as_transform()->apply(*r.doc);
      r.doc->attribute_to_stage(before, stage.id);
    } catch (const std::exception& e) {
      r.doc->attribute_to_stage(before, stage.id);
      r.outcome = Outcome::failed;
      r.error_kind = error_kind_of(e);
      r.error = stage.id + ": " + e.what();
      return finish();
    }
  }
  r.stage.clear();
  return finish();
}

std::uintmax_t DocumentProcessor::render(Writer& writer, const Document& doc,
                                         const fs::path& target, bool sync_data) {
  return write_output(
      target, [&](OutputFile& out) { writer.write(doc, out); }, sync_data);
}

ProcessResult DocumentProcessor::process(const InputItem& item, const fs::path& out_dir,
                                         bool for_batch) {
  auto t0 = std::chrono::steady_clock::now();
  ProcessResult r = transform(item);
  if (r.outcome != Outcome::ok) {
    if (for_batch) summarize(r);
    step({});
    return r;
  }
  int written = 0, failed = 0;
  std::string errors;
  for (std::size_t i = 0; i < writers_.size(); ++i) {
    auto target = expand_output_path(writer_specs_[i]->path, out_dir, item);
    step(writers_[i].id);
    try {
      const auto size = render(*writers_[i].instance->as_writer(), *r.doc, target,
                               pipeline_.run.durability == "each");
      r.outputs.push_back(target.string());
      r.output_sizes.push_back(static_cast<std::int64_t>(size));
      ++written;
    } catch (const std::exception& e) {
      ++failed;
      note_error_kind(r, error_kind_of(e));
      errors += (errors.empty() ? "" : "; ") + writers_[i].id + ": " + e.what();
      if (r.stage.empty()) r.stage = writers_[i].id;
    }
  }
  if (failed) {
    r.outcome = written ? Outcome::partial : Outcome::failed;
    r.error = errors;
  } else {
    for (const auto& d : r.doc->diagnostics)
      if (d.level == Level::error) {
        r.outcome = Outcome::partial;
        r.error_kind = ErrorKind::plugin;
        r.error = d.stage + ": " + d.message;
        break;
      }
  }
  if (for_batch) summarize(r);
  step({});
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace docpipe::host
