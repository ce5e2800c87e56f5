#include "docpipe/json.hpp"

#include <cstdint>
#include <cstring>

#include "docpipe/text.hpp"

namespace docpipe {

using nlohmann::json;

namespace {
json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
// An array with one object per item, filled field by field by `fill`: a
// braced {{"key", value}, …} list builds a two-element array per field before
// it becomes an object, and this runs for every block, figure and edit.
template <class Items, class Fill>
json objects_of(const Items& items, Fill fill) {
  json out = json::array();
  out.get_ref<json::array_t&>().reserve(items.size());
  for (const auto& item : items) fill(out.emplace_back(json::object()), item);
  return out;
}
// The keys of a metric's own fields; every other string key is an attribute.
bool is_metric_field(const std::string& key) {
  return key == "value" || key == "unit" || key == "text" || key == "sentence" ||
         key == "heading_path" || key == "block";
}
std::optional<std::string> opt_str(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<std::string>();
}
}  // namespace

json document_to_json(const Document& doc, const JsonOptions& opts) {
  json j;
  j["schema"] = kDocumentSchemaId;
  const auto& s = doc.source;
  j["source"] = {{"path", s.path},
                 {"format", s.format},
                 {"encoding", s.encoding},
                 {"encoding_confidence", s.encoding_confidence},
                 {"byte_size", s.byte_size},
                 {"sha256", s.sha256},
                 {"properties", s.properties}};
  const auto& m = doc.metadata;
  json period = {{"year", m.period.year ? json(*m.period.year) : json(nullptr)},
                 {"span", m.period.span},
                 {"label", m.period.label}};
  if (m.period.month) period["month"] = *m.period.month;
  json page = {{"site", opt(m.page.site)},
               {"url", opt(m.page.url)},
               {"published", opt(m.page.published)},
               {"tags", m.page.tags}};
  j["metadata"] = {{"title", opt(m.title)},
                   {"organization", opt(m.organization)},
                   {"doc_type", opt(m.doc_type)},
                   {"period", period},
                   {"date", opt(m.date)},
                   {"page", page},
                   {"extra", m.extra}};
  j["blocks"] = objects_of(doc.blocks, [](json& jb, const Block& b) {
    jb["kind"] = to_string(b.kind);
    // A table's text is its cells joined, whatever a stage left in b.text.
    jb["text"] = b.kind == BlockKind::table ? table_text(b.rows) : b.text;
    if (b.kind == BlockKind::heading || b.level) jb["level"] = b.level;
    if (!b.marker.empty()) jb["marker"] = b.marker;
    if (b.kind == BlockKind::table) jb["rows"] = b.rows;
    json origin = json::object();
    if (b.origin.line_start) origin["line_start"] = b.origin.line_start;
    if (b.origin.line_end) origin["line_end"] = b.origin.line_end;
    if (!b.origin.locator.empty()) origin["locator"] = b.origin.locator;
    if (!origin.empty()) jb["origin"] = std::move(origin);
  });
  j["metrics"] = objects_of(doc.metrics, [](json& jm, const Metric& x) {
    for (const auto& [key, word] : x.attributes) jm[key] = word;
    jm["value"] = x.value;
    jm["unit"] = x.unit;
    jm["text"] = x.text;
    jm["sentence"] = x.sentence;
    jm["heading_path"] = x.heading_path;
    jm["block"] = x.block;
  });
  j["flags"] = doc.flags;
  static const std::vector<Edit> kNoEdits;
  j["edits"] = objects_of(opts.include_edits ? doc.edits : kNoEdits, [](json& je, const Edit& e) {
    je["stage"] = e.stage;
    je["rule"] = e.rule;
    je["block"] = e.block;
    je["before"] = e.before;
    je["after"] = e.after;
  });
  static const std::vector<Diagnostic> kNoDiagnostics;
  j["diagnostics"] = objects_of(opts.include_diagnostics ? doc.diagnostics : kNoDiagnostics,
                                [](json& jd, const Diagnostic& d) {
                                  jd["level"] = to_string(d.level);
                                  jd["stage"] = d.stage;
                                  jd["message"] = d.message;
                                });
  return j;
}

Document document_from_json(const json& j) {
  Document doc;
  const auto& s = j.at("source");
  doc.source.path = s.value("path", "");
  doc.source.format = s.value("format", "");
  doc.source.encoding = s.value("encoding", "");
  doc.source.encoding_confidence = s.value("encoding_confidence", 1.0);
  doc.source.byte_size = s.value("byte_size", std::uint64_t{0});
  doc.source.sha256 = s.value("sha256", "");
  if (s.contains("properties"))
    doc.source.properties = s.at("properties").get<std::map<std::string, std::string>>();
  const auto& m = j.at("metadata");
  doc.metadata.title = opt_str(m, "title");
  doc.metadata.organization = opt_str(m, "organization");
  doc.metadata.doc_type = opt_str(m, "doc_type");
  doc.metadata.date = opt_str(m, "date");
  if (m.contains("period")) {
    const auto& p = m.at("period");
    if (p.contains("year") && !p.at("year").is_null())
      doc.metadata.period.year = p.at("year").get<int>();
    if (p.contains("month") && !p.at("month").is_null())
      doc.metadata.period.month = p.at("month").get<int>();
    doc.metadata.period.span = p.value("span", "unknown");
    doc.metadata.period.label = p.value("label", "");
  }
  if (m.contains("page")) {
    const auto& p = m.at("page");
    doc.metadata.page.site = opt_str(p, "site");
    doc.metadata.page.url = opt_str(p, "url");
    doc.metadata.page.published = opt_str(p, "published");
    if (p.contains("tags")) doc.metadata.page.tags = p.at("tags").get<std::vector<std::string>>();
  }
  if (m.contains("extra"))
    doc.metadata.extra = m.at("extra").get<std::map<std::string, std::string>>();
  for (const auto& jb : j.at("blocks")) {
    Block b;
    b.kind = block_kind_from_string(jb.value("kind", "paragraph")).value_or(BlockKind::paragraph);
    b.level = jb.value("level", 0);
    b.marker = jb.value("marker", "");
    b.text = jb.value("text", "");
    if (jb.contains("rows")) b.rows = jb.at("rows").get<std::vector<std::vector<std::string>>>();
    if (jb.contains("origin")) {
      const auto& o = jb.at("origin");
      b.origin.line_start = o.value("line_start", 0);
      b.origin.line_end = o.value("line_end", 0);
      b.origin.locator = o.value("locator", "");
    }
    doc.blocks.push_back(std::move(b));
  }
  for (const auto& x : j.value("metrics", json::array())) {
    Metric mt;
    mt.value = x.value("value", 0.0);
    mt.unit = x.value("unit", "");
    mt.text = x.value("text", "");
    mt.sentence = x.value("sentence", "");
    mt.heading_path = x.value("heading_path", std::vector<std::string>{});
    mt.block = x.value("block", -1);
    for (const auto& [key, word] : x.items())
      if (word.is_string() && !is_metric_field(key)) mt.attributes[key] = word.get<std::string>();
    doc.metrics.push_back(std::move(mt));
  }
  doc.flags = j.value("flags", std::vector<std::string>{});
  for (const auto& e : j.value("edits", json::array()))
    doc.edits.push_back(Edit{e.value("stage", ""), e.value("rule", ""), e.value("block", -1),
                             e.value("before", ""), e.value("after", "")});
  for (const auto& d : j.value("diagnostics", json::array())) {
    std::string lv = d.value("level", "info");
    Level level = lv == "error"     ? Level::error
                  : lv == "warning" ? Level::warning
                  : lv == "debug"   ? Level::debug
                                    : Level::info;
    doc.diagnostics.push_back(Diagnostic{level, d.value("stage", ""), d.value("message", "")});
  }
  return doc;
}

namespace {

// A JSON string literal of valid UTF-8, escaped as nlohmann escapes it with
// ensure_ascii off: \" \\ \b \f \n \r \t, other C0 controls as \u00xx.
void append_string(std::string& out, std::string_view s) {
  if (!text::is_valid_utf8(s)) {
    out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  // Eight bytes at a time past those that need no escape: none below 0x20,
  // no quote, no backslash (the usual word tests for a zero or small byte).
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if (i + 8 <= s.size()) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      if (!(has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\')) |
            ((x - kOnes * 0x20) & ~x & kHighs))) {
        i += 7;  // and the loop's ++i
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

void newline(std::string& out, int indent, int depth) {
  out += '\n';
  out.append(static_cast<std::size_t>(indent) * static_cast<std::size_t>(depth), ' ');
}

}  // namespace

void dump_json(std::string& out, const json& value, int indent, int depth) {
  const bool pretty = indent >= 0;
  switch (value.type()) {
    case json::value_t::string:
      append_string(out, value.get_ref<const std::string&>());
      return;
    case json::value_t::object: {
      if (value.empty()) {
        out += "{}";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out += ',';
        first = false;
        if (pretty) newline(out, indent, depth + 1);
        append_string(out, key);
        out += pretty ? ": " : ":";
        dump_json(out, item, indent, depth + 1);
      }
      if (pretty) newline(out, indent, depth);
      out += '}';
      return;
    }
    case json::value_t::array: {
      if (value.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      bool first = true;
      for (const auto& item : value) {
        if (!first) out += ',';
        first = false;
        if (pretty) newline(out, indent, depth + 1);
        dump_json(out, item, indent, depth + 1);
      }
      if (pretty) newline(out, indent, depth);
      out += ']';
      return;
    }
    default:  // numbers, booleans, null: short, and formatted as nlohmann does
      out += value.dump();
  }
}

}  // namespace docpipe
