// The document model: the one structure readers build, transforms change and
// writers render (as pandoc's AST). It has no I/O and no plugin dependencies.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "docpipe/export.hpp"

namespace docpipe {

// Where an input came from and what the reader detected about its bytes.
struct Source {
  std::string path;
  std::string format;                // "txt", "docx", "html", ...
  std::string encoding;              // detected or declared encoding, e.g. "GB18030"
  double encoding_confidence = 1.0;  // 1.0 when certain (BOM, valid UTF-8, declared)
  std::uint64_t byte_size = 0;
  std::string sha256;  // hex digest of the input bytes
  // Metadata the file itself claims (DOCX core properties, HTML <meta>):
  // kept as evidence, never trusted over the body.
  std::map<std::string, std::string> properties;
};

// The period a document covers, as far as a plugin could tell: a year, a
// span word and a month, with the text it was read from. The model does not
// define the span words: the plugin that fills the period does
// (structure.metadata: annual, H1, H2, Q1..Q4, month), and says so in
// schemas/document.schema.json; "unknown" when nothing was found.
struct Period {
  std::optional<int> year;
  std::string span = "unknown";
  std::optional<int> month;  // the month, when the span is one
  std::string label;         // the text the period was read from
};

// What a web page said about itself; filled from HTML metadata or from site
// chrome that the cleaning stages removed from the body.
struct PageInfo {
  std::optional<std::string> site;
  std::optional<std::string> url;
  std::optional<std::string> published;  // ISO 8601 as far as known
  std::vector<std::string> tags;
  bool empty() const { return !site && !url && !published && tags.empty(); }
};

struct Metadata {
  std::optional<std::string> title;
  std::optional<std::string> organization;
  std::optional<std::string> doc_type;
  Period period;
  std::optional<std::string> date;  // YYYY-MM-DD of the signature
  PageInfo page;
  std::map<std::string, std::string> extra;  // free key/values
};

enum class BlockKind { heading, paragraph, list_item, table, signature, note };
DOCPIPE_API const char* to_string(BlockKind k);
DOCPIPE_API std::optional<BlockKind> block_kind_from_string(const std::string& s);

// How the source marked the end of a block. An author's own paragraph (a Word
// paragraph, an HTML block element) is a boundary the writer chose; a <br>
// inside an HTML block is one too, though pages also use it to wrap; a hard
// line of a text file (or a PDF line) is often only a wrap inside a
// paragraph. Transforms that join blocks need stronger evidence the stronger
// the boundary (docs/cleaning.md, clean.lines).
enum class Boundary { unknown, hard_line, line_break, paragraph };

// Where a block came from in its input, so a user can find it again.
// For text files: first and last line (1-based). For XML formats: a locator
// such as "w:body/w:p[12]" or an HTML element path.
struct Origin {
  int line_start = 0;
  int line_end = 0;
  std::string locator;
  Boundary boundary = Boundary::unknown;  // how the source ended this block
};

// A table's text: its rows joined by '\n', each row's cells by '\t' (the
// `text` of a table block in the JSON output, schemas/document.schema.json).
DOCPIPE_API std::string table_text(const std::vector<std::vector<std::string>>& rows);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;                               // 1..9 for headings, list depth for list items
  std::string marker;                          // heading/list marker such as "一、" or "(1)"
  std::string text;                            // full text including the marker
  std::vector<std::vector<std::string>> rows;  // table cells, row-major
  Origin origin;
};

// A quantity found in the text: 57.2万人次 -> value 572000, unit 人次.
struct Metric {
  double value = 0;
  std::string unit;
  std::string text;  // as written, e.g. "57.2万人次"
  std::string sentence;
  std::vector<std::string> heading_path;
  int block = -1;
  // What the plugin that found the figure says about it beyond the above,
  // word by word; the JSON writes each as a key of the metric
  // (structure.figures: "qualifier", the 余/多/近/约 of an approximate figure).
  // The keys above win over an attribute of the same name.
  std::map<std::string, std::string> attributes;
};

// One change a transform made. Every removal or rewrite of text is recorded
// so a user can see why any character changed.
struct Edit {
  std::string stage;  // pipeline stage id that made the change
  std::string rule;   // rule inside the stage, e.g. "watermark.domain"
  int block = -1;     // index of the block at the time of the edit, -1 = document
  std::string before;
  std::string after;
};

enum class Level { debug, info, warning, error };
DOCPIPE_API const char* to_string(Level l);

struct Diagnostic {
  Level level = Level::info;
  std::string stage;
  std::string message;
};

struct Document {
  Source source;
  Metadata metadata;
  std::vector<Block> blocks;
  std::vector<Metric> metrics;
  std::vector<std::string> flags;  // quality flags, evidence in diagnostics
  std::vector<Edit> edits;
  std::vector<Diagnostic> diagnostics;

  // How many edits and diagnostics the document holds. Which stage is
  // running is the host's business, not the document's: the host takes the
  // counts before a stage runs and, when it returns, gives the stage's id to
  // what it recorded (attribute_to_stage).
  struct RecordCounts {
    std::size_t edits = 0, diagnostics = 0;
  };
  RecordCounts record_counts() const { return {edits.size(), diagnostics.size()}; }
  // Names `stage` on the edits and diagnostics recorded since `since` that
  // name no stage yet.
  DOCPIPE_API void attribute_to_stage(const RecordCounts& since, const std::string& stage);

  // Record an edit or a diagnostic without a stage; see attribute_to_stage.
  DOCPIPE_API void record_edit(std::string rule, int block, std::string before, std::string after);
  DOCPIPE_API void diagnose(Level level, std::string message);
  DOCPIPE_API void set_flag(const std::string& flag);  // idempotent
  DOCPIPE_API bool has_flag(const std::string& flag) const;
  // Removes block i and records the removal as an edit with the given rule.
  DOCPIPE_API void remove_block(std::size_t i, const std::string& rule);
  // Replaces block i's text, recording an edit when it changed.
  DOCPIPE_API void set_block_text(std::size_t i, std::string text, const std::string& rule);
  // Plain text of the body: block texts joined by '\n' (tables cell by cell).
  DOCPIPE_API std::string body_text() const;
};

}  // namespace docpipe
