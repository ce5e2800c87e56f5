#include "document_page.hpp"

#include <algorithm>
#include <map>

#include "edit_replay.hpp"
#include "html.hpp"

namespace docpipe::review {

namespace {

// How many colours the style sheet has for stages (.s0 .. .s7).
constexpr int kStageColours = 8;

class StageColours {
 public:
  explicit StageColours(const Document& doc) {
    for (const auto& e : doc.edits)
      if (!by_stage_.count(e.stage)) {
        const int n = static_cast<int>(by_stage_.size());
        by_stage_[e.stage] = n % kStageColours;
      }
  }
  std::string of(const std::string& stage) const {
    auto it = by_stage_.find(stage);
    return "s" + std::to_string(it == by_stage_.end() ? 0 : it->second);
  }

 private:
  std::map<std::string, int> by_stage_;
};

std::string edit_label(const Edit& e) { return e.stage + " · " + e.rule; }

void open_mark(std::string& out, const char* tag, int k, const Document& doc,
               const StageColours& colours) {
  const Edit& e = doc.edits[static_cast<std::size_t>(k)];
  // Short markup, since a page can have thousands of marks: class and
  // number need no quotes, and no title (page.js names the edit on hover).
  out += std::string("<") + tag + " class=" + colours.of(e.stage) + " data-e=" + std::to_string(k) +
         ">";
}

// The label `stage · rule` at the first span of each edit.
void label_once(std::string& out, int k, const Document& doc, const StageColours& colours,
                std::vector<bool>& labelled) {
  if (k == kNoEdit || labelled[static_cast<std::size_t>(k)]) return;
  labelled[static_cast<std::size_t>(k)] = true;
  const Edit& e = doc.edits[static_cast<std::size_t>(k)];
  out += "<sup class=\"tag " + colours.of(e.stage) + "\" data-e=" + std::to_string(k) + ">";
  append_escaped(out, edit_label(e));
  out += "</sup>";
}

// Removed text as <del>, added text as <ins>; text that one edit added and
// a later one removed as <ins><del>, so it belongs to neither text.
void append_span(std::string& out, const Span& s, const Document& doc, const StageColours& colours,
                 std::vector<bool>& labelled) {
  if (s.added_by != kNoEdit) open_mark(out, "ins", s.added_by, doc, colours);
  if (s.removed_by != kNoEdit) open_mark(out, "del", s.removed_by, doc, colours);
  append_escaped(out, s.text);
  if (s.removed_by != kNoEdit) out += "</del>";
  if (s.added_by != kNoEdit) out += "</ins>";
  label_once(out, s.added_by, doc, colours, labelled);
  label_once(out, s.removed_by, doc, colours, labelled);
}

void append_original(std::string& out, const Document& doc, const Replay& replay) {
  const StageColours colours(doc);
  std::vector<bool> labelled(doc.edits.size(), false);
  out += "<section class=\"pane\" id=\"original\"><h2>原文与修改 Original, with every edit</h2>\n";
  for (const auto& b : replay.blocks) {
    std::string cls = "blk";
    if (b.removed_by != kNoEdit) cls += " gone";
    if (b.added_by != kNoEdit) cls += " new";
    out += "<p class=\"" + cls + "\"";
    if (b.result_block >= 0) out += " data-r=\"" + std::to_string(b.result_block) + "\"";
    out += ">";
    for (const auto& s : b.spans) append_span(out, s, doc, colours, labelled);
    out += "</p>\n";
  }
  out += "</section>\n";
}

std::string heading_id(std::size_t i) { return "r-" + std::to_string(i); }

void append_result(std::string& out, const Document& doc) {
  out += "<section class=\"pane\" id=\"result\"><h2>结果 Result</h2>\n";
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    const std::string id = " id=\"" + heading_id(i) + "\"";
    if (b.kind == BlockKind::heading) {
      const int level = std::clamp(b.level, 1, 4);
      out += "<h" + std::to_string(level + 2) + id + " class=\"rh\">";
      append_escaped(out, b.text);
      out += "</h" + std::to_string(level + 2) + ">\n";
    } else if (b.kind == BlockKind::table) {
      out += "<table" + id + " class=\"rt\">";
      for (const auto& row : b.rows) {
        out += "<tr>";
        for (const auto& cell : row) {
          out += "<td>";
          append_escaped(out, cell);
          out += "</td>";
        }
        out += "</tr>";
      }
      out += "</table>\n";
    } else {
      out += "<p" + id + " class=\"rb " + std::string(to_string(b.kind)) + "\">";
      append_escaped(out, b.text);
      out += "</p>\n";
    }
  }
  out += "</section>\n";
}

void append_outline(std::string& out, const Document& doc) {
  out += "<section id=\"toc\"><h2>目录 Outline</h2>";
  bool any = false;
  out += "<ul>";
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != BlockKind::heading) continue;
    any = true;
    out += "<li class=\"l" + std::to_string(std::clamp(b.level, 1, 9)) + "\"><a href=\"#" +
           heading_id(i) + "\" data-r=\"" + std::to_string(i) + "\">";
    append_escaped(out, clip(b.text, 60));
    out += "</a></li>";
  }
  out += "</ul>";
  if (!any) out += "<p class=\"none\">无标题 no headings</p>";
  out += "</section>\n";
}

void append_row(std::string& out, const char* label, const std::string& value) {
  if (value.empty()) return;
  out += "<dt>";
  out += label;
  out += "</dt><dd>";
  append_escaped(out, value);
  out += "</dd>";
}

void append_metadata(std::string& out, const Document& doc) {
  const Metadata& m = doc.metadata;
  out += "<section id=\"meta\"><h2>元数据 Metadata</h2><dl>";
  append_row(out, "标题 title", m.title.value_or(""));
  append_row(out, "单位 organization", m.organization.value_or(""));
  append_row(out, "类型 type", m.doc_type.value_or(""));
  std::string period = m.period.label;
  if (m.period.year)
    period += (period.empty() ? "" : " (") + std::to_string(*m.period.year) + " " + m.period.span +
              (period.empty() ? "" : ")");
  append_row(out, "时期 period", period);
  append_row(out, "日期 date", m.date.value_or(""));
  append_row(out, "网站 site", m.page.site.value_or(""));
  append_row(out, "网址 url", m.page.url.value_or(""));
  append_row(out, "发布 published", m.page.published.value_or(""));
  std::string tags;
  for (const auto& t : m.page.tags) tags += (tags.empty() ? "" : ", ") + t;
  append_row(out, "标签 tags", tags);
  for (const auto& [k, v] : m.extra) append_row(out, escape(k).c_str(), v);
  const Source& s = doc.source;
  append_row(out, "格式 format", s.format);
  append_row(out, "编码 encoding",
             s.encoding.empty()
                 ? ""
                 : s.encoding + " (" + std::to_string(s.encoding_confidence).substr(0, 4) + ")");
  append_row(out, "大小 bytes", std::to_string(s.byte_size));
  append_row(out, "sha256", s.sha256);
  for (const auto& [k, v] : s.properties) append_row(out, escape("file: " + k).c_str(), v);
  out += "</dl></section>\n";
}

void append_flags(std::string& out, const Document& doc) {
  out += "<section id=\"flags\"><h2>标记 Flags</h2>";
  if (doc.flags.empty()) out += "<p class=\"none\">无 none</p>";
  for (const auto& f : doc.flags) {
    out += "<span class=\"flag\">";
    append_escaped(out, f);
    out += "</span> ";
  }
  if (!doc.diagnostics.empty()) {
    out += "<h3>诊断 Diagnostics</h3><ul class=\"diag\">";
    for (const auto& d : doc.diagnostics) {
      out += "<li class=\"" + std::string(to_string(d.level)) + "\"><b>";
      append_escaped(out, std::string(to_string(d.level)) + " " + d.stage);
      out += "</b> ";
      append_escaped(out, d.message);
      out += "</li>";
    }
    out += "</ul>";
  }
  out += "</section>\n";
}

void append_edits(std::string& out, const Document& doc, const Replay& replay) {
  const StageColours colours(doc);
  out += "<section id=\"edits\"><h2>全部修改 All edits (" + std::to_string(doc.edits.size());
  if (const auto n = replay.unplaced())
    out += "; " + std::to_string(n) +
           " not marked in the text: whole-document edits or edits "
           "whose text is not in their block";
  out +=
      ")</h2><table class=\"edits\"><thead><tr><th>#</th><th>stage</th><th>rule</th>"
      "<th>block</th><th>change</th></tr></thead><tbody>\n";
  for (std::size_t k = 0; k < doc.edits.size(); ++k) {
    const Edit& e = doc.edits[k];
    out += "<tr id=\"edit-" + std::to_string(k) + "\" class=\"" + colours.of(e.stage) +
           (replay.placed[k] ? "" : " unplaced") + "\"><td>" + std::to_string(k) + "</td><td>";
    append_escaped(out, e.stage);
    out += "</td><td>";
    append_escaped(out, e.rule);
    out += "</td><td>" + (e.block >= 0 ? std::to_string(e.block) : std::string("doc")) +
           "</td><td class=\"txt change\">" +
           (replay.diffs[k].empty() ? change_html(e.before, e.after, 15)
                                    : change_html(replay.diffs[k], 15)) +
           "</td></tr>\n";
  }
  out += "</tbody></table></section>\n";
}

void append_links(std::string& out, const Document& doc, const PageLinks& links) {
  out += "<p class=\"links\">";
  if (!links.index.empty()) out += "<a href=\"" + links.index + "\">← 总览 run index</a> · ";
  out += "输入 input: ";
  if (!links.input.empty()) {
    out += "<a href=\"" + links.input + "\">";
    append_escaped(out, doc.source.path);
    out += "</a>";
  } else {
    append_escaped(out, doc.source.path);
  }
  for (const auto& [label, link] : links.outputs) {
    out += " · ";
    if (link.empty()) {
      out += "<span class=\"none\">";
      append_escaped(out, label);
      out += " (not written)</span>";
    } else {
      out += "<a href=\"" + link + "\">";
      append_escaped(out, label);
      out += "</a>";
    }
  }
  out += "</p>\n";
}

}  // namespace

std::string page_head(const std::string& title, const Assets& assets,
                      const std::string& extra_meta) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += extra_meta;
  out += "<title>";
  append_escaped(out, title);
  out += "</title>\n<style>\n" + assets.css + "</style></head>\n";
  return out;
}

std::string render_document_page(const Document& doc, const PageLinks& links,
                                 const Assets& assets) {
  const Replay replay = replay_edits(doc);
  const std::string name = std::filesystem::path(doc.source.path).filename().string();
  const std::string title = doc.metadata.title.value_or(name.empty() ? "(untitled)" : name);
  std::string out;
  out.reserve(4096 + 3 * doc.body_text().size());
  out += page_head(title + " — docpipe review", assets,
                   std::string("<meta name=\"") + kSourceMeta + "\" content=\"" +
                       escape(doc.source.path) + "\">\n");
  out += "<body class=\"doc-page\"><header><h1>";
  append_escaped(out, title);
  out += "</h1>\n";
  append_links(out, doc, links);
  out += "<p class=\"counts\">" + std::to_string(doc.edits.size()) + " edits · " +
         std::to_string(doc.blocks.size()) +
         " blocks · <label><input type=\"checkbox\" "
         "id=\"hide-removed\"> 隐藏删除 hide removed text</label></p></header>\n";
  out += "<div class=\"layout\"><aside class=\"side\">";
  append_outline(out, doc);
  append_flags(out, doc);
  append_metadata(out, doc);
  out += "</aside><main class=\"cols\">";
  append_original(out, doc, replay);
  append_result(out, doc);
  out += "</main></div>\n";
  append_edits(out, doc, replay);
  out += "<div id=\"detail\" hidden></div>\n<script>\n" + assets.page_js +
         "</script>\n</body></html>\n";
  return out;
}

}  // namespace docpipe::review
