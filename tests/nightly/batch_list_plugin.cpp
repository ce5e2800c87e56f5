// test.batch-list: a batch writer that lists, in order, every document it was
// given with its status — to check that incremental runs still feed batch
// writers the whole collection.
#include <nlohmann/json.hpp>

#include "docpipe/plugin.hpp"

namespace {

class BatchList : public docpipe::BatchWriter {
 public:
  BatchList(const docpipe::PluginEnv&, const docpipe::Params&) {}
  void begin(const docpipe::RunInfo&) override { seen_ = nlohmann::json::array(); }
  void add(const docpipe::Document& doc, const docpipe::DocumentStatus& status) override {
    seen_.push_back(
        {{"input", doc.source.path}, {"status", status.status}, {"blocks", doc.blocks.size()}});
  }
  void finish(const docpipe::RunTotals&, docpipe::OutputFile& out) override {
    out.write(seen_.dump(1) + "\n");
  }

 private:
  nlohmann::json seen_;
};

}  // namespace

DOCPIPE_PLUGIN(BatchList, .kind = docpipe::PluginKind::writer, .name = "test.batch-list",
               .version = "1.0.0", .description = "Test only: lists the documents of a run",
               .formats = "json", .batch = true)
