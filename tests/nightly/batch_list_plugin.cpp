// test.batch-list: a batch writer that lists, in order, every document it was
// given with its status — to check that incremental runs still feed batch
// writers the whole collection. Built twice: as a plugin for minor 0 of the
// host's ABI that takes whole documents (add), and with BATCH_LIST_SUMMARIZES
// as test.batch-summary, which takes summaries made in the workers (a feature
// since ABI 1.1).
#ifndef BATCH_LIST_SUMMARIZES
#define DOCPIPE_ABI_MINOR 0
#endif
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "docpipe/plugin.hpp"

namespace {

class BatchList : public docpipe::BatchWriter {
 public:
  BatchList(const docpipe::PluginEnv&, const docpipe::Params&) {}
  void begin(const docpipe::RunInfo&) override { seen_ = nlohmann::json::array(); }
  void add(const docpipe::Document& doc, const docpipe::DocumentStatus& status) override {
    add_summary(summary_of(doc, "add"), status);
  }
  void finish(const docpipe::RunTotals&, docpipe::OutputFile& out) override {
    out.write(seen_.dump(1) + "\n");
  }
#ifdef BATCH_LIST_SUMMARIZES
  bool summarizes() const override { return true; }
  nlohmann::json summarize(const docpipe::Document& doc) const override {
    // Where the summary was made: a worker process, not the parent.
    auto s = summary_of(doc, "summary");
    s["pid"] = ::getpid();
    return s;
  }
#endif
  void add_summary(const nlohmann::json& summary, const docpipe::DocumentStatus& status) override {
    auto row = summary;
    row["status"] = status.status;
    seen_.push_back(row);
  }

 private:
  // `via` says which entry point the document came through.
  static nlohmann::json summary_of(const docpipe::Document& doc, const char* via) {
    return {{"input", doc.source.path}, {"blocks", doc.blocks.size()}, {"via", via}};
  }
  nlohmann::json seen_;
};

}  // namespace

#ifdef BATCH_LIST_SUMMARIZES
DOCPIPE_PLUGIN(BatchList, .kind = docpipe::PluginKind::writer, .name = "test.batch-summary",
               .version = "1.0.0",
               .description = "Test only: lists the documents of a run from their summaries",
               .formats = "json", .batch = true)
#else
DOCPIPE_PLUGIN(BatchList, .kind = docpipe::PluginKind::writer, .name = "test.batch-list",
               .version = "1.0.0", .description = "Test only: lists the documents of a run",
               .formats = "json", .batch = true)
#endif
