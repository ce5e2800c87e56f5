#include "metadata_rules.hpp"

#include <docpipe/error.hpp>
#include <docpipe/kit/data_files.hpp>
#include <docpipe/text.hpp>

namespace docpipe::structure {

namespace {

std::vector<std::string> all_words(const std::vector<DocType>& types) {
  std::vector<std::string> out;
  for (const auto& t : types) out.insert(out.end(), t.words.begin(), t.words.end());
  return out;
}

std::vector<std::string> all_title_patterns(const std::vector<DocType>& types) {
  std::vector<std::string> out;
  for (const auto& t : types)
    out.insert(out.end(), t.title_patterns.begin(), t.title_patterns.end());
  return out;
}

// Whether text[at...] starts a sentence: the paragraph's start or right
// after a sentence's end.
bool starts_sentence(std::string_view text, std::size_t at) {
  const std::string before = text::trim(text.substr(0, at));
  if (before.empty()) return true;
  for (std::string_view end : {"。", "！", "？", "；", "!", "?", ";"})
    if (text::ends_with(before, end)) return true;
  return false;
}

void fill(std::optional<std::string>& field, const std::optional<std::string>& value) {
  if (!field && value) field = value;
}

}  // namespace

MetadataConfig MetadataConfig::from_data_dir(const std::filesystem::path& dir) {
  MetadataConfig c;
  auto j = kit::read_json_file(dir / "doc_types.json");
  for (const auto& t : j.at("doc_types"))
    c.doc_types.push_back(
        {t.at("type").get<std::string>(), t.value("words", std::vector<std::string>{}),
         t.value("cues", std::vector<std::string>{}),
         t.value("title_patterns", std::vector<std::string>{}),
         t.value("opening_patterns", std::vector<std::string>{}), t.value("has_period", true)});
  c.org_patterns = kit::read_list_file(dir / "org_patterns.txt");
  c.org_names = kit::read_json_file(dir / "org_names.json");
  c.site_suffixes = kit::read_list_file(dir / "site_suffixes.txt");
  c.title_suffixes = kit::read_list_file(dir / "title_suffixes.txt");
  c.glued_labels = kit::read_list_file(dir / "glued_labels.txt");
  c.dateline_patterns = kit::read_list_file(dir / "datelines.txt");
  return c;
}

MetadataExtractor::MetadataExtractor(MetadataConfig cfg)
    : cfg_(std::move(cfg)),
      orgs_(cfg_.org_names, cfg_.org_cores),
      titles_(TitleConfig{all_words(cfg_.doc_types), all_title_patterns(cfg_.doc_types),
                          cfg_.site_suffixes, cfg_.title_suffixes, cfg_.glued_labels,
                          cfg_.max_title_chars, cfg_.title_scan_blocks}),
      signatures_(
          periods_, [this](std::string_view s) { return is_org_line(s); },
          cfg_.signature_max_chars) {
  for (const auto& t : cfg_.doc_types) {
    auto compile = [&](const std::vector<std::string>& patterns) {
      std::vector<kit::Regex> out;
      for (const auto& p : patterns) {
        try {
          out.emplace_back(p);
        } catch (const ConfigError& e) {
          throw ConfigError("structure.metadata: doc_types.json, type " + t.type + ": " + e.what());
        }
      }
      return out;
    };
    type_title_res_.push_back(compile(t.title_patterns));
    type_opening_res_.push_back(compile(t.opening_patterns));
  }
  for (const auto& p : cfg_.dateline_patterns) {
    try {
      datelines_.emplace_back(p);
    } catch (const ConfigError& e) {
      throw ConfigError(std::string("structure.metadata: dateline pattern: ") + e.what());
    }
  }
  for (const auto& p : cfg_.org_patterns) {
    try {
      org_.emplace_back(p);
    } catch (const ConfigError& e) {
      throw ConfigError(std::string("structure.metadata: organization pattern: ") + e.what());
    }
  }
}

std::optional<std::string> MetadataExtractor::find_org(std::string_view text) const {
  // The leftmost name wins; at the same place a pattern (共青团××区委员会)
  // is more precise than a core word. A pattern's match that does not read
  // as one name, or names the body that leads the writer, is passed by.
  std::optional<std::pair<std::size_t, std::string>> best;
  for (const auto& re : org_)
    for (const auto& m : re.find_all(text)) {
      if (!orgs_.is_plausible_name(m.group(text)) || orgs_.names_superior(text, m.begin(), m.end()))
        continue;
      if (!best || m.begin() < best->first) best = {m.begin(), std::string(m.group(text))};
      break;
    }
  if (auto m = orgs_.find(text); m && (!best || m->begin < best->first)) best = {m->begin, m->name};
  if (!best) return std::nullopt;
  return best->second;
}

// Whether `short_name` is `full_name` with characters left out (街道团委 of
// 街道共青团委): same first and last character, the rest in order.
static bool abbreviates(std::string_view short_name, std::string_view full_name) {
  auto s = text::to_u32(short_name), f = text::to_u32(full_name);
  if (s.size() < 2 || s.size() >= f.size() || s.front() != f.front() || s.back() != f.back())
    return false;
  std::size_t k = 0;
  for (char32_t c : f)
    if (k < s.size() && c == s[k]) ++k;
  return k == s.size();
}

bool MetadataExtractor::is_org_line(std::string_view line) const {
  for (const auto& re : org_)
    if (auto m = re.find(line); m && m->begin() == 0 && orgs_.is_plausible_name(m->group(line)))
      return text::length(line.substr(m->end())) <= 6;  // 办公室, 机关 may follow the name
  if (auto m = orgs_.find(line); m && m->begin == 0) return text::length(line.substr(m->end)) <= 6;
  return false;
}

std::optional<std::string> MetadataExtractor::named_form(const Document& doc,
                                                         const std::string& org) const {
  // 我镇团委 in the opening gives 镇团委; the text's own name for the body is
  // the first longer one that ends the same way (XX镇团委, **街道团工委) or
  // spells out its level (团委 -> 团市委). A bare two-character name (团委,
  // 妇联) ties to too much: only a longer name that starts a sentence, as a
  // body writes itself (区妇联高度重视…), counts for it.
  const bool bare = text::length(org) < 3;
  std::size_t seen = 0;
  for (const auto& b : doc.blocks) {
    if (b.kind != BlockKind::paragraph || ++seen > 5) continue;
    // The names in a paragraph's first part: a body is named early.
    constexpr int kMaxNames = 20;
    std::size_t from = 0;
    int names = 0;
    while (names++ < kMaxNames) {
      auto m = orgs_.find(std::string_view(b.text).substr(from));
      if (!m) break;
      const std::size_t begin = from + m->begin;
      from += m->end;
      if (m->name == org || m->name.size() <= org.size()) continue;
      if (!text::ends_with(m->name, org) && !abbreviates(org, m->name)) continue;
      if (bare && !starts_sentence(b.text, begin)) continue;
      return m->name;
    }
  }
  return std::nullopt;
}

std::optional<std::string> MetadataExtractor::dateline_date(const Document& doc) const {
  const std::size_t scan =
      std::min<std::size_t>(doc.blocks.size(), static_cast<std::size_t>(cfg_.title_scan_blocks));
  for (std::size_t i = 0; i < scan; ++i) {
    const std::string& line = doc.blocks[i].text;
    if (is_dateline(line))
      if (auto hit = periods_.find_date(line)) return hit->iso;
  }
  return std::nullopt;
}

bool MetadataExtractor::is_dateline(const std::string& line) const {
  return std::any_of(datelines_.begin(), datelines_.end(),
                     [&](const kit::Regex& re) { return re.find(line).has_value(); });
}

std::optional<std::string> MetadataExtractor::full_form(const Document& doc,
                                                        const std::string& org) const {
  // 团区委 in the title, 共青团XX市XX区委 in the text: one body, the full name.
  auto level = orgs_.short_form_level(org);
  if (!level) return std::nullopt;
  std::size_t seen = 0;
  for (const auto& b : doc.blocks) {
    if (b.kind != BlockKind::paragraph || ++seen > 3) continue;
    for (const auto& re : org_)
      for (const auto& m : re.find_all(b.text)) {
        std::string name(m.group(b.text));
        if (text::ends_with(name, *level) || text::ends_with(name, *level + "员会")) return name;
      }
  }
  return std::nullopt;
}

const DocType* MetadataExtractor::doc_type(std::string_view title, std::string_view opening) const {
  const auto& types = cfg_.doc_types;
  auto any_match = [](const std::vector<kit::Regex>& res, std::string_view text) {
    return !text.empty() && std::any_of(res.begin(), res.end(), [&](const kit::Regex& re) {
      return re.find(text).has_value();
    });
  };
  for (std::size_t i = 0; i < types.size(); ++i)
    if (any_match(type_title_res_[i], title)) return &types[i];
  for (const auto& t : types)
    for (const auto& w : t.words)
      if (title.find(w) != std::string_view::npos) return &t;
  for (std::size_t i = 0; i < types.size(); ++i)
    if (any_match(type_opening_res_[i], opening)) return &types[i];
  for (const auto& t : types)
    for (const auto& c : t.cues)
      if (opening.find(c) != std::string_view::npos) return &t;
  return nullptr;
}

std::string opening_sentence(const Document& doc,
                             const std::function<bool(const std::string&)>& skip) {
  for (const auto& b : doc.blocks) {
    if (b.kind != BlockKind::paragraph || (skip && skip(b.text))) continue;
    auto end = b.text.find("。");
    return end == std::string::npos ? b.text : b.text.substr(0, end + std::string("。").size());
  }
  return {};
}

void MetadataExtractor::apply(Document& doc) const {
  Metadata& md = doc.metadata;

  // Signature first: the title scan must not take it, and it names the date.
  std::optional<std::string> sig_org;
  if (auto sig = signatures_.find(doc)) {
    for (auto i : sig->blocks) doc.blocks[i].kind = BlockKind::signature;
    sig_org = sig->organization;
    fill(md.date, sig->date);
    doc.diagnose(Level::info,
                 "metadata: signature \"" + doc.blocks[sig->blocks.back()].text + "\"");
  }

  if (!md.date)
    if (auto date = dateline_date(doc)) {
      md.date = date;
      doc.diagnose(Level::info, "metadata: date " + *date + " from the dateline under the title");
    }

  if (auto title = titles_.extract(doc)) {
    if (md.title && *md.title != *title)
      doc.diagnose(Level::info, "metadata: title \"" + *title + "\" found; kept the earlier \"" +
                                    *md.title + "\"");
    fill(md.title, title);
    doc.diagnose(Level::info, "metadata: title \"" + *title + "\"");
  } else if (!md.title) {
    doc.diagnose(Level::info, "metadata: no title line; none invented");
  }

  // The speaker's line under a dateline opens the text (交口县人民政府县长 李刚).
  std::string opening =
      opening_sentence(doc, [this](const std::string& line) { return is_dateline(line); });
  std::string title = md.title.value_or("");

  // Organization: title, then opening sentence, then signature. A redacted
  // name gives way to the real one the signature spells out.
  // Organization: the body as the report writes it — what the page labels
  // 发文机构, the signature, the opening sentence (共青团XX区委在…); the title
  // last, as pages rewrite titles. A redacted name gives way to the real one
  // the signature spells out.
  std::optional<std::string> org;
  const char* org_from = "page metadata (发文机构)";
  if (auto it = doc.source.properties.find("page_organization"); it != doc.source.properties.end())
    org = text::trim(it->second);
  if (!org && sig_org) {
    org = find_org(*sig_org);
    org_from = "signature";
  }
  auto opening_org = find_org(opening), title_org = find_org(title);
  if (!org) {
    org = opening_org;
    org_from = "opening sentence";
    // 我街道团委 in the opening, 街道共青团委 in the title: the same body,
    // named in full in the title.
    if (org && title_org && abbreviates(*org, *title_org)) {
      org = title_org;
      org_from = "title (the opening's name in full)";
    }
  }
  // A name the author redacted (XX团委, **街道团工委) is the report's own
  // name for itself, more than an unredacted short form beside it.
  if (title_org && is_redacted(*title_org) && (!org || !is_redacted(*org)) && !sig_org) {
    org = title_org;
    org_from = "title";
  }
  bool from_title = false;
  if (!org) {
    org = title_org;
    org_from = "title";
    from_title = true;
  }
  if (org && sig_org && is_redacted(*org)) {
    if (auto real = find_org(*sig_org); real && matches_redacted(*org, *real)) {
      org = real;
      org_from = "signature";
    }
  }
  if (org) {
    if (auto full = from_title ? full_form(doc, *org) : std::nullopt) {
      doc.diagnose(Level::info, "metadata: organization \"" + *org + "\" is \"" + *full +
                                    "\" in the text; the full name is kept");
      org = full;
    } else if (auto named = named_form(doc, *org)) {
      doc.diagnose(Level::info, "metadata: organization \"" + *org + "\" is \"" + *named +
                                    "\" where the text names it in full");
      org = named;
    }
    fill(md.organization, org);
    doc.diagnose(Level::info,
                 std::string("metadata: organization \"") + *org + "\" from the " + org_from);
  }

  // Document type: the title's words, else the opening's cues.
  const DocType* type = doc_type(title, opening);
  if (type) fill(md.doc_type, type->type);
  if (type && !type->has_period) {
    // A year that opens the title (2020年东门社区志愿者服务) dates the piece;
    // one inside it (召开2023年度述职会) names the event.
    Period dated = periods_.parse(title);
    if (dated.year && !dated.label.empty() && text::starts_with(title, dated.label) &&
        !md.period.year) {
      md.period.year = dated.year;
      md.period.label = dated.label;
    }
    doc.diagnose(Level::info, "metadata: a " + type->type +
                                  " dates an event; no reporting period is read from it");
    return;  // the period is the last thing read
  }

  // Period: from the title; an untitled report's opening sentence otherwise.
  if (!md.period.year && md.period.span == "unknown") {
    Period p = periods_.parse(title);
    // 2020年东门社区志愿者服务（第11期）: a year in a title that names no
    // report dates the piece; it does not make it a year's report.
    const bool title_names_report = doc_type(title, {}) != nullptr;
    if (p.year && p.span == "annual" && !title_names_report && !periods_.names_span(title))
      p.span = "unknown";
    if (!p.year && p.span == "unknown") {
      p = periods_.parse(opening);
      // A month in the opening is the report's own only when it says so
      // (5月份, 5月以来); 2011年6月参加工作 dates an event, not the report.
      if (p.span == "month" && opening.find("月份") == std::string::npos &&
          opening.find("月以来") == std::string::npos && opening.find("月来") == std::string::npos)
        p = Period{};
    } else if (!p.year) {
      // 街道团工委上半年工作总结 / 2015 年上半年，…: the opening names the year.
      Period o = periods_.parse(opening);
      if (o.year && (o.span == p.span || o.span == "annual")) {
        p.year = o.year;
        p.label = o.label;
      }
    }
    md.period = p;
    if (!p.label.empty())
      doc.diagnose(Level::info, "metadata: period \"" + p.label + "\" -> " + p.span);
  }
}

}  // namespace docpipe::structure
