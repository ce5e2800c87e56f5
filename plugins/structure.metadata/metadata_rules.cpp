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

void fill(std::optional<std::string>& field, const std::optional<std::string>& value) {
  if (!field && value) field = value;
}

}  // namespace

MetadataConfig MetadataConfig::from_data_dir(const std::filesystem::path& dir) {
  MetadataConfig c;
  auto j = kit::read_json_file(dir / "doc_types.json");
  for (const auto& t : j.at("doc_types"))
    c.doc_types.push_back({t.at("type").get<std::string>(),
                           t.value("words", std::vector<std::string>{}),
                           t.value("cues", std::vector<std::string>{})});
  c.org_patterns = kit::read_list_file(dir / "org_patterns.txt");
  c.org_names = kit::read_json_file(dir / "org_names.json");
  c.site_suffixes = kit::read_list_file(dir / "site_suffixes.txt");
  c.title_suffixes = kit::read_list_file(dir / "title_suffixes.txt");
  return c;
}

MetadataExtractor::MetadataExtractor(MetadataConfig cfg)
    : cfg_(std::move(cfg)),
      orgs_(cfg_.org_names, cfg_.org_cores),
      titles_(TitleConfig{all_words(cfg_.doc_types), cfg_.site_suffixes, cfg_.title_suffixes,
                          cfg_.max_title_chars, cfg_.title_scan_blocks}),
      signatures_(
          periods_, [this](std::string_view s) { return is_org_line(s); },
          cfg_.signature_max_chars) {
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
  // is more precise than a core word.
  std::optional<std::pair<std::size_t, std::string>> best;
  for (const auto& re : org_)
    if (auto m = re.find(text); m && (!best || m->begin() < best->first))
      best = {m->begin(), std::string(m->group(text))};
  if (auto m = orgs_.find(text); m && (!best || m->begin < best->first)) best = {m->begin, m->name};
  if (!best) return std::nullopt;
  return best->second;
}

bool MetadataExtractor::is_org_line(std::string_view line) const {
  for (const auto& re : org_)
    if (auto m = re.find(line); m && m->begin() == 0)
      return text::length(line.substr(m->end())) <= 6;  // 办公室, 机关 may follow the name
  if (auto m = orgs_.find(line); m && m->begin == 0) return text::length(line.substr(m->end)) <= 6;
  return false;
}

std::optional<std::string> MetadataExtractor::named_form(const Document& doc,
                                                         const std::string& org) const {
  // 我镇团委 in the opening gives 镇团委; the text's own name for the body is
  // the first longer one that ends the same way (XX镇团委, **街道团工委).
  if (text::length(org) < 3) return std::nullopt;  // 团委 alone ties to too much
  std::size_t seen = 0;
  for (const auto& b : doc.blocks) {
    if (b.kind != BlockKind::paragraph || ++seen > 5) continue;
    // The names in a paragraph's first part: a body is named early.
    constexpr int kMaxNames = 20;
    std::string_view rest = b.text;
    int names = 0;
    while (names++ < kMaxNames) {
      auto m = orgs_.find(rest);
      if (!m) break;
      if (m->name != org && text::ends_with(m->name, org) && m->name.size() > org.size())
        return m->name;
      rest = rest.substr(m->end);
    }
  }
  return std::nullopt;
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

std::optional<std::string> MetadataExtractor::doc_type_in_title(std::string_view title) const {
  for (const auto& t : cfg_.doc_types)
    for (const auto& w : t.words)
      if (title.find(w) != std::string_view::npos) return t.type;
  return std::nullopt;
}

std::optional<std::string> MetadataExtractor::doc_type_from_cues(std::string_view opening) const {
  for (const auto& t : cfg_.doc_types)
    for (const auto& c : t.cues)
      if (opening.find(c) != std::string_view::npos) return t.type;
  return std::nullopt;
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

std::string opening_sentence(const Document& doc) {
  for (const auto& b : doc.blocks) {
    if (b.kind != BlockKind::paragraph) continue;
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

  if (auto title = titles_.extract(doc)) {
    if (md.title && *md.title != *title)
      doc.diagnose(Level::info, "metadata: title \"" + *title + "\" found; kept the earlier \"" +
                                    *md.title + "\"");
    fill(md.title, title);
    doc.diagnose(Level::info, "metadata: title \"" + *title + "\"");
  } else if (!md.title) {
    doc.diagnose(Level::info, "metadata: no title line; none invented");
  }

  std::string opening = opening_sentence(doc);
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
  auto type = doc_type_in_title(title);
  if (!type) type = doc_type_from_cues(opening);
  fill(md.doc_type, type);

  // Period: from the title; an untitled report's opening sentence otherwise.
  if (!md.period.year && md.period.span == "unknown") {
    Period p = periods_.parse(title);
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
