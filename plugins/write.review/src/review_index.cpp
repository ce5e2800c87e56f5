#include "review_index.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "docpipe/char_diff.hpp"
#include "docpipe/error.hpp"
#include "docpipe/text.hpp"
#include "document_page.hpp"
#include "html.hpp"

namespace docpipe::review {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool quarantined(const std::string& status) {
  return status == "failed" || status == "timeout" || status == "crashed";
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    bool done = false;
    for (const auto& [name, c] : kEntities)
      if (s.substr(i, name.size()) == name) {
        out += c;
        i += name.size() - 1;
        done = true;
        break;
      }
    if (!done) out += '&';
  }
  return out;
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, s < 10 ? "%.2f" : "%.1f", s);
  return buf;
}

// "<a href=#key=value>label</a>": a link that sets one filter of the table.
std::string filter_link(const char* key, const std::string& value, const std::string& label) {
  return "<a class=\"filter\" href=\"#" + std::string(key) + "=" + href(value) + "\">" +
         escape(label) + "</a>";
}

}  // namespace

void write_file_atomically(const fs::path& target, const std::function<void(std::ostream&)>& fill) {
  static std::atomic<int> counter{0};
  const fs::path temp =
      target.parent_path() / ("." + target.filename().string() + ".tmp-" +
                              std::to_string(::getpid()) + "-" + std::to_string(++counter));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    try {
      fill(out);
    } catch (...) {
      out.close();
      std::error_code ec;
      fs::remove(temp, ec);
      throw;
    }
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(temp, ec);
      throw Error("cannot write " + target.string());
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw Error("cannot write " + target.string() + ": " + ec.message());
  }
}

void write_file_atomically(const fs::path& target, const std::string& bytes) {
  write_file_atomically(target, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
}

PageIndex find_pages(const fs::path& index_dir, const std::string& pages_dir) {
  PageIndex pages;
  const fs::path root = index_dir / pages_dir;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return pages;
  const std::string marker = std::string("<meta name=\"") + kSourceMeta + "\" content=\"";
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".html") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const auto at = head.find(marker);
    if (at == std::string::npos) continue;
    const auto start = at + marker.size();
    const auto stop = head.find('"', start);
    if (stop == std::string::npos) continue;
    pages.add(unescape(std::string_view(head).substr(start, stop - start)),
              href(it->path().lexically_relative(index_dir)));
  }
  pages.sort();
  return pages;
}

ReviewIndex::ReviewIndex(Assets assets, IndexOptions options)
    : assets_(std::move(assets)), options_(std::move(options)) {}

void ReviewIndex::begin(const RunInfo& run) { run_ = run; }

void ReviewIndex::keep_sample(const std::string& rule, Sample s) {
  auto& v = samples_[rule];
  v.push_back(std::move(s));
  const auto limit = static_cast<std::size_t>(std::max(1, options_.samples_per_rule));
  if (v.size() < 2 * limit) return;
  // The largest removals first; among equals the earlier document.
  std::stable_sort(v.begin(), v.end(),
                   [](const Sample& a, const Sample& b) { return a.removed > b.removed; });
  v.resize(limit);
}

void ReviewIndex::keep_row(const SpooledRow& row) {
  if (first_rows_.size() < static_cast<std::size_t>(std::max(0, options_.page_rows))) {
    std::string flags;
    for (const auto& f : row.flags) flags += (flags.empty() ? "" : " ") + f;
    first_rows_.push_back({row.file, row.title, row.organization, row.period, row.status, flags,
                           row.edits, row.seconds});
  }
  // After every one at least as slow: among equals the earlier document.
  const auto limit = static_cast<std::size_t>(std::max(0, options_.slowest));
  auto at = std::upper_bound(slowest_.begin(), slowest_.end(), row.seconds,
                             [](double seconds, const Slow& s) { return seconds > s.seconds; });
  if (static_cast<std::size_t>(at - slowest_.begin()) < limit) {
    slowest_.insert(at, Slow{row.seconds, row.file});
    if (slowest_.size() > limit) slowest_.pop_back();
  }
  if (quarantined(row.status))
    quarantine_rows_ += "<tr><td>" + escape(row.status) + "</td><td>" + escape(row.file) +
                        "</td><td class=\"txt\">" + escape(row.error) + "</td></tr>";
}

void ReviewIndex::add(const json& summary, const DocumentStatus& status) {
  ++rows_;
  SpooledRow row;
  row.status = status.status.empty() ? "ok" : status.status;
  row.error = status.error;
  row.seconds = status.seconds;
  ++statuses_[row.status];
  if (summary.is_object()) {
    row.file = str(summary, "file");
    row.title = str(summary, "title");
    row.organization = str(summary, "organization");
    row.period = str(summary, "period");
    row.edits = summary.value("edits", 0);
    if (auto f = summary.find("flags"); f != summary.end() && f->is_array())
      for (const auto& flag : *f)
        if (flag.is_string()) ++flags_[row.flags.emplace_back(flag.get<std::string>())];
    if (auto r = summary.find("rules"); r != summary.end() && r->is_array())
      for (const auto& rule : *r) {
        auto& name = row.rules.emplace_back(rule.at(0).get<std::string>() + " · " +
                                            rule.at(1).get<std::string>());
        auto& t = rules_[name];
        t.edits += rule.at(2).get<long long>();
        t.removed += rule.at(3).get<long long>();
        ++t.documents;
      }
    if (auto s = summary.find("samples"); s != summary.end() && s->is_array())
      for (const auto& x : *s)
        keep_sample(x.at(0).get<std::string>() + " · " + x.at(1).get<std::string>(),
                    Sample{x.at(2).get<long long>(), row.file, x.at(3).get<std::string>(),
                           x.at(4).get<std::string>()});
  }
  keep_row(row);
  row.seconds = std::round(status.seconds * 1000) / 1000;
  spool_.add(row);
}

void ReviewIndex::write_index_data(std::ostream& out, const PageIndex& pages,
                                   const std::vector<std::string>& rule_order) {
  std::map<std::string, int> flag_ids, rule_ids, status_ids;
  json flags = json::array(), statuses = json::array();
  for (const auto& [f, n] : flags_) {
    flag_ids[f] = static_cast<int>(flags.size());
    flags.push_back(f);
  }
  for (const auto& [s, n] : statuses_) {
    status_ids[s] = static_cast<int>(statuses.size());
    statuses.push_back(s);
  }
  for (std::size_t i = 0; i < rule_order.size(); ++i) rule_ids[rule_order[i]] = static_cast<int>(i);
  // What script_json of the whole object writes (keys in order: columns,
  // flags, rows, rules, statuses), with the rows streamed in between.
  std::string head = script_json(json{{"columns",
                                       {"file", "title", "organization", "period", "status",
                                        "flags", "rules", "edits", "seconds", "page", "error"}},
                                      {"flags", std::move(flags)}});
  head.pop_back();  // the closing brace
  out << "window.DOCPIPE_REVIEW = " << head << ",\"rows\":[";
  bool first = true;
  spool_.read_all([&](const SpooledRow& r) {
    json row_flags = json::array(), row_rules = json::array();
    for (const auto& f : r.flags) row_flags.push_back(flag_ids[f]);
    for (const auto& rule : r.rules) row_rules.push_back(rule_ids[rule]);
    const auto page = pages.find(r.file);
    out << (first ? "" : ",")
        << script_json(json::array({r.file, r.title, r.organization, r.period, status_ids[r.status],
                                    std::move(row_flags), std::move(row_rules), r.edits, r.seconds,
                                    page ? std::string(*page) : std::string(), r.error}));
    first = false;
  });
  out << "],\"rules\":" << script_json(rule_order) << ",\"statuses\":" << script_json(statuses)
      << "};\n";
}

std::string ReviewIndex::rules_page(const PageIndex& pages,
                                    const std::vector<std::string>& rule_order) const {
  std::string out = page_head("规则审查 Rules — docpipe review", assets_);
  out +=
      "<body class=\"rules-page\"><header><h1>规则审查 What each rule removed</h1>"
      "<p class=\"links\"><a href=\"index.html\">← 总览 run index</a></p>"
      "<p>Rules that removed the most characters first (net: characters before less "
      "characters after, so moving or replacing text counts near nothing); for each, its largest "
      "removals across the run (removed text struck, added text underlined).</p></header>\n<main>";
  out +=
      "<table class=\"totals\"><thead><tr><th>stage · rule</th><th>edits</th><th>chars "
      "removed (net)</th><th>documents</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < rule_order.size(); ++i) {
    const auto& t = rules_.at(rule_order[i]);
    out += "<tr><td><a href=\"#rule-" + std::to_string(i) + "\">" + escape(rule_order[i]) +
           "</a></td><td>" + std::to_string(t.edits) + "</td><td>" + std::to_string(t.removed) +
           "</td><td>" + std::to_string(t.documents) + "</td></tr>";
  }
  out += "</tbody></table>\n";
  for (std::size_t i = 0; i < rule_order.size(); ++i) {
    const auto& name = rule_order[i];
    const auto& t = rules_.at(name);
    out += "<section class=\"rule\" id=\"rule-" + std::to_string(i) + "\"><h2>" + escape(name) +
           "</h2><p>" + std::to_string(t.edits) + " edits in " + std::to_string(t.documents) +
           " documents, " + std::to_string(t.removed) + " characters removed (net) · " +
           "<a href=\"index.html#rule=" + href(name) + "\">documents</a></p><ol class=\"samples\">";
    auto it = samples_.find(name);
    if (it != samples_.end()) {
      auto v = it->second;
      std::stable_sort(v.begin(), v.end(),
                       [](const Sample& a, const Sample& b) { return a.removed > b.removed; });
      if (v.size() > static_cast<std::size_t>(options_.samples_per_rule))
        v.resize(static_cast<std::size_t>(options_.samples_per_rule));
      for (const auto& s : v) {
        const std::string& file = s.file;
        const auto page = pages.find(file);
        out += "<li><p class=\"src\">" + (s.removed >= 0
                                              ? std::to_string(s.removed) + " chars removed · "
                                              : std::to_string(-s.removed) + " chars added · ");
        out += !page ? escape(file)
                     : "<a href=\"" + std::string(*page) + "\">" + escape(file) + "</a>";
        out += "</p><p class=\"sample\">" + change_html(s.before, s.after, 60) + "</p></li>";
      }
    }
    out += "</ol></section>\n";
  }
  out += "</main></body></html>\n";
  return out;
}

std::string ReviewIndex::index_page(const RunTotals& totals, const PageIndex& pages,
                                    const std::vector<std::string>& rule_order) const {
  std::string out = page_head("docpipe review — " + run_.pipeline_name, assets_);
  out +=
      "<body class=\"index-page\"><header><h1>运行审查 Run review: " + escape(run_.pipeline_name) +
      "</h1><p class=\"links\">" + std::to_string(rows_) + " documents · started " +
      escape(run_.started) + " · finished " + escape(totals.finished) +
      " · <a href=\"rules.html\">规则审查 what each rule removed</a></p>"
      "</header>\n<main><div class=\"summary\">";
  // Counts: each links to the table filtered by it.
  out += "<section id=\"by-status\"><h2>状态 Status</h2><table>";
  for (const auto& [s, n] : statuses_)
    out +=
        "<tr><td>" + filter_link("status", s, s) + "</td><td>" + std::to_string(n) + "</td></tr>";
  out += "</table></section><section id=\"by-flag\"><h2>标记 Flags</h2><table>";
  if (flags_.empty()) out += "<tr><td class=\"none\">none</td></tr>";
  for (const auto& [f, n] : flags_)
    out += "<tr><td>" + filter_link("flag", f, f) + "</td><td>" + std::to_string(n) + "</td></tr>";
  out +=
      "</table></section><section id=\"by-rule\"><h2>规则 Rules</h2><table><thead><tr><th>"
      "stage · rule</th><th>edits</th><th title=\"characters before less characters after: moving "
      "or replacing text counts near nothing\">chars removed (net)</th><th>docs</th></tr></thead>";
  for (std::size_t i = 0; i < rule_order.size(); ++i) {
    const auto& t = rules_.at(rule_order[i]);
    out += "<tr><td>" + filter_link("rule", rule_order[i], rule_order[i]) +
           " <a class=\"more\" href=\"rules.html#rule-" + std::to_string(i) +
           "\">samples</a></td><td>" + std::to_string(t.edits) + "</td><td>" +
           std::to_string(t.removed) + "</td><td>" + std::to_string(t.documents) + "</td></tr>";
  }
  out += "</table></section></div>\n";

  auto link_to = [&](const std::string& file) {
    const auto page = pages.find(file);
    return !page ? escape(file) : "<a href=\"" + std::string(*page) + "\">" + escape(file) + "</a>";
  };
  out += "<section id=\"slowest\"><h2>最慢 Slowest documents</h2><table>";
  for (const auto& r : slowest_)
    out += "<tr><td>" + seconds_text(r.seconds) + " s</td><td>" + link_to(r.file) + "</td></tr>";
  out += "</table></section>\n<section id=\"quarantine\"><h2>隔离 Quarantine</h2>";
  out += quarantine_rows_.empty()
             ? "<p class=\"none\">无 none</p>"
             : "<table><thead><tr><th>status</th><th>file</th><th>reason</th></tr></thead>" +
                   quarantine_rows_ + "</table>";
  out += "</section>\n";

  // The document table: filters, then the first page of rows written here
  // so it paints at once; index.js loads index-data.js for the rest.
  out +=
      "<section id=\"documents\"><h2>文件 Documents</h2><form id=\"filters\"><label>状态 status "
      "<select name=\"status\"><option "
      "value=\"\">all</option>";
  for (const auto& [s, n] : statuses_) out += "<option>" + escape(s) + "</option>";
  out += "</select></label> <label>标记 flag <select name=\"flag\"><option value=\"\">all</option>";
  for (const auto& [f, n] : flags_) out += "<option>" + escape(f) + "</option>";
  out += "</select></label> <label>规则 rule <select name=\"rule\"><option value=\"\">all</option>";
  for (const auto& r : rule_order) out += "<option>" + escape(r) + "</option>";
  out +=
      "</select></label> <label>搜索 search <input type=\"search\" name=\"q\" "
      "placeholder=\"标题、单位、文件\"></label></form>";
  out += "<p id=\"shown\">" + std::to_string(rows_) + " documents</p>";
  out +=
      "<table id=\"docs\"><thead><tr><th>file</th><th>标题 title</th><th>单位 organization"
      "</th><th>时期 period</th><th>状态 status</th><th>标记 flags</th><th>edits</th><th>s"
      "</th></tr></thead><tbody>";
  for (const auto& r : first_rows_)
    out += "<tr><td>" + link_to(r.file) + "</td><td>" + escape(r.title) + "</td><td>" +
           escape(r.organization) + "</td><td>" + escape(r.period) + "</td><td>" +
           escape(r.status) + "</td><td>" + escape(r.flags) + "</td><td>" +
           std::to_string(r.edits) + "</td><td>" + seconds_text(r.seconds) + "</td></tr>";
  out +=
      "</tbody></table><p id=\"pager\"></p></section></main>\n<script>\nwindow."
      "DOCPIPE_PAGE_ROWS = " +
      std::to_string(options_.page_rows) + ";\n" + assets_.index_js + "</script>\n</body></html>\n";
  return out;
}

std::string ReviewIndex::finish(const RunTotals& totals, const fs::path& index) {
  const fs::path dir = index.parent_path();
  fs::create_directories(dir);
  const auto pages = find_pages(dir, options_.pages_dir);
  std::vector<std::string> rule_order;
  for (const auto& [name, t] : rules_) rule_order.push_back(name);
  std::stable_sort(rule_order.begin(), rule_order.end(),
                   [&](const std::string& a, const std::string& b) {
                     const auto &x = rules_.at(a), &y = rules_.at(b);
                     return x.removed != y.removed ? x.removed > y.removed : x.edits > y.edits;
                   });
  write_file_atomically(dir / "index-data.js",
                        [&](std::ostream& out) { write_index_data(out, pages, rule_order); });
  write_file_atomically(dir / "rules.html", rules_page(pages, rule_order));
  return index_page(totals, pages, rule_order);
}

}  // namespace docpipe::review
