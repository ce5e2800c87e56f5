// write.review: the run's review pages (index.html, index-data.js,
// rules.html) from one small summary per document, made in the workers;
// the document pages themselves are write.review-page's.
#include <docpipe/plugin.hpp>
#include <memory>

#include "assets.hpp"
#include "review_index.hpp"
#include "review_summary.hpp"

namespace {

constexpr const char* kSchema = R"json({
  "type": "object", "additionalProperties": false,
  "properties": {
    "pages_dir": {"type": "string", "minLength": 1, "default": "docs",
      "description": "Where write.review-page writes the document pages, relative to index.html"},
    "page_rows": {"type": "integer", "minimum": 10, "default": 100,
      "description": "Rows of the document table per page"},
    "slowest": {"type": "integer", "minimum": 0, "default": 10,
      "description": "How many of the slowest documents the index lists"},
    "samples_per_rule": {"type": "integer", "minimum": 1, "default": 20,
      "description": "Removals shown for each rule on rules.html (the largest across the run)"},
    "samples_per_document": {"type": "integer", "minimum": 0, "default": 2,
      "description": "Largest removals per rule each document contributes as samples"},
    "sample_chars": {"type": "integer", "minimum": 20, "default": 400,
      "description": "A sample's text before and after is cut to this many characters"}
  }
})json";

class ReviewWriter final : public docpipe::BatchWriter {
 public:
  ReviewWriter(const docpipe::PluginEnv& env, const docpipe::Params& p)
      : assets_(docpipe::review::load_assets(env.data_dir)) {
    options_.pages_dir = p.get<std::string>("pages_dir");
    options_.page_rows = p.get<int>("page_rows");
    options_.slowest = p.get<int>("slowest");
    options_.samples_per_rule = p.get<int>("samples_per_rule");
    limits_.samples_per_rule = p.get<int>("samples_per_document");
    limits_.sample_chars = p.get<int>("sample_chars");
  }

  void begin(const docpipe::RunInfo& run) override {
    index_ = std::make_unique<docpipe::review::ReviewIndex>(assets_, options_);
    index_->begin(run);
  }
  void add(const docpipe::Document& doc, const docpipe::DocumentStatus& status) override {
    index_->add(docpipe::review::summarize(doc, limits_), status);
  }
  bool summarizes() const override { return true; }
  nlohmann::json summarize(const docpipe::Document& doc) const override {
    return docpipe::review::summarize(doc, limits_);
  }
  void add_summary(const nlohmann::json& summary, const docpipe::DocumentStatus& status) override {
    index_->add(summary, status);
  }
  void finish(const docpipe::RunTotals& totals, docpipe::OutputFile& out) override {
    out.write(index_->finish(totals, out.target()));
  }

 private:
  docpipe::review::Assets assets_;
  docpipe::review::IndexOptions options_;
  docpipe::review::SummaryLimits limits_;
  std::unique_ptr<docpipe::review::ReviewIndex> index_;
};

}  // namespace

DOCPIPE_PLUGIN(ReviewWriter, .kind = docpipe::PluginKind::writer, .name = "write.review",
               .version = "1.0.0",
               .description =
                   "The run's review in HTML: counts by status, flag and rule, "
                   "slowest, quarantine, a filterable document table, rule samples",
               .params_schema = kSchema, .batch = true)
