#include "docpipe/model.hpp"

#include <algorithm>

namespace docpipe {

const char* to_string(BlockKind k) {
  switch (k) {
    case BlockKind::heading:
      return "heading";
    case BlockKind::paragraph:
      return "paragraph";
    case BlockKind::list_item:
      return "list_item";
    case BlockKind::table:
      return "table";
    case BlockKind::signature:
      return "signature";
    case BlockKind::note:
      return "note";
  }
  return "paragraph";
}

std::optional<BlockKind> block_kind_from_string(const std::string& s) {
  for (auto k : {BlockKind::heading, BlockKind::paragraph, BlockKind::list_item, BlockKind::table,
                 BlockKind::signature, BlockKind::note})
    if (s == to_string(k)) return k;
  return std::nullopt;
}

const char* to_string(Level l) {
  switch (l) {
    case Level::debug:
      return "debug";
    case Level::info:
      return "info";
    case Level::warning:
      return "warning";
    case Level::error:
      return "error";
  }
  return "info";
}

void Document::record_edit(std::string rule, int block, std::string before, std::string after) {
  edits.push_back(Edit{{}, std::move(rule), block, std::move(before), std::move(after)});
}

void Document::diagnose(Level level, std::string message) {
  diagnostics.push_back(Diagnostic{level, {}, std::move(message)});
}

void Document::attribute_to_stage(const RecordCounts& since, const std::string& stage) {
  for (std::size_t i = since.edits; i < edits.size(); ++i)
    if (edits[i].stage.empty()) edits[i].stage = stage;
  for (std::size_t i = since.diagnostics; i < diagnostics.size(); ++i)
    if (diagnostics[i].stage.empty()) diagnostics[i].stage = stage;
}

void Document::set_flag(const std::string& flag) {
  if (!has_flag(flag)) flags.push_back(flag);
}

bool Document::has_flag(const std::string& flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

void Document::remove_block(std::size_t i, const std::string& rule) {
  if (i >= blocks.size()) return;
  record_edit(rule, static_cast<int>(i), blocks[i].text, "");
  blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
}

void Document::set_block_text(std::size_t i, std::string text, const std::string& rule) {
  if (i >= blocks.size() || blocks[i].text == text) return;
  record_edit(rule, static_cast<int>(i), blocks[i].text, text);
  blocks[i].text = std::move(text);
}

std::string table_text(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (r) out += '\n';
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      if (c) out += '\t';
      out += rows[r][c];
    }
  }
  return out;
}

std::string Document::body_text() const {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += '\n';
    if (b.kind == BlockKind::table) {
      if (!b.rows.empty()) out += table_text(b.rows) + '\n';
    } else {
      out += b.text;
    }
  }
  return out;
}

}  // namespace docpipe
