// The run's review: index.html (counts by status, flag and rule, slowest
// documents, quarantine, the document table), index-data.js (every row, for
// the table's filters, search and paging) and rules.html (per rule, its
// largest removals across the run). Fed with one summary per document in
// input order (review_summary.hpp). Holds what the pages show at once (counts,
// the first page of the table, the slowest, the largest removals); the rows
// of index-data.js wait in a temporary file (row_spool.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "assets.hpp"
#include "docpipe/plugin.hpp"
#include "page_index.hpp"
#include "row_spool.hpp"

namespace docpipe::review {

struct IndexOptions {
  std::string pages_dir = "docs";  // document pages, relative to index.html
  int page_rows = 100;             // rows of the document table per page
  int slowest = 10;                // slowest documents listed
  int samples_per_rule = 20;       // removals shown per rule on rules.html
};

// Where each document's page is: the page's source path -> its href from
// `index_dir`, read from the pages under index_dir / pages_dir.
PageIndex find_pages(const std::filesystem::path& index_dir, const std::string& pages_dir);

class ReviewIndex {
 public:
  ReviewIndex(Assets assets, IndexOptions options);
  void begin(const RunInfo& run);
  void add(const nlohmann::json& summary, const DocumentStatus& status);
  // Writes index-data.js and rules.html beside `index` (each atomically) and
  // returns the content of index.html, which the host commits last.
  std::string finish(const RunTotals& totals, const std::filesystem::path& index);

 private:
  // A row of the table's first page, written into index.html.
  struct Row {
    std::string file, title, organization, period, status, flags;
    long long edits;
    double seconds;
  };
  struct Slow {
    double seconds;
    std::string file;
  };
  struct RuleTotals {
    long long edits = 0, removed = 0, documents = 0;
  };
  struct Sample {
    long long removed;
    std::string file;
    std::string before, after;
  };
  Assets assets_;
  IndexOptions options_;
  RunInfo run_;
  std::size_t rows_ = 0;
  std::vector<Row> first_rows_;  // options_.page_rows at most
  std::vector<Slow> slowest_;    // options_.slowest at most, slowest first
  std::string quarantine_rows_;  // <tr> of each quarantined document
  RowSpool spool_;
  std::map<std::string, long long> statuses_, flags_;
  std::map<std::string, RuleTotals> rules_;  // key "stage · rule"
  std::map<std::string, std::vector<Sample>> samples_;

  void keep_row(const SpooledRow& row);
  void keep_sample(const std::string& rule, Sample s);
  std::string index_page(const RunTotals& totals, const PageIndex& pages,
                         const std::vector<std::string>& rule_order) const;
  std::string rules_page(const PageIndex& pages, const std::vector<std::string>& rule_order) const;
  void write_index_data(std::ostream& out, const PageIndex& pages,
                        const std::vector<std::string>& rule_order);
};

// Writes bytes to `target` through a temporary file beside it and a rename.
void write_file_atomically(const std::filesystem::path& target, const std::string& bytes);
// The same with the bytes written by `fill`.
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& fill);

}  // namespace docpipe::review
