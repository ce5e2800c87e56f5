#include "figure_finder.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <docpipe/kit/cn_numerals.hpp>
#include <docpipe/kit/data_files.hpp>
#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>

namespace docpipe::structure {

namespace {

// Longest first, so 人次 wins over 人 and 个百分点 over 个.
std::string alternation(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += '|';
    out += kit::regex_escape(w);
  }
  return out.empty() ? "(?!)" : out;
}

std::string figure_pattern(const FigureWords& w) {
  // A number starts where its run of digits starts (the lookbehinds): tried
  // from every digit of a long run with no unit after it, the search was
  // quadratic (a line of 40,000 digits took 19 s).
  return "(?<pre>" + alternation(w.qualifiers_before) + ")?" +
         R"((?<num>(?<![0-9０-９,])[0-9０-９]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|(?<![0-9０-９])[0-9０-９]+(?:[.．][0-9０-９]+)?|(?<![零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]+))" +
         "(?<post1>" + alternation(w.qualifiers_after) + ")?(?<mag>万|亿)?" + "(?<post2>" +
         alternation(w.qualifiers_after) + ")?" + "(?<unit>" + alternation(w.units) + ")";
}

// Byte ranges inside “…”, 《…》, 「…」: names and slogans (“五个一”活动,
// “两个维护”), whose numbers are not quantities. Long quotes are speech and
// keep their figures.
std::vector<std::pair<std::size_t, std::size_t>> quoted_ranges(const std::string& s) {
  static const std::vector<std::pair<std::string, std::string>> pairs = {
      {"“", "”"}, {"《", "》"}, {"「", "」"}, {"『", "』"}};
  constexpr std::size_t kMaxNameChars = 30;
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& [open, close] : pairs) {
    std::size_t pos = 0;
    while ((pos = s.find(open, pos)) != std::string::npos) {
      std::size_t end = s.find(close, pos + open.size());
      if (end == std::string::npos) break;
      if (text::length(std::string_view(s).substr(pos, end - pos)) <= kMaxNameChars)
        out.emplace_back(pos, end + close.size());
      pos = end + close.size();
    }
  }
  return out;
}

// Byte ranges of the set phrases in `s` (中央八项规定: 八项 is not 8 项).
std::vector<std::pair<std::size_t, std::size_t>> term_ranges(
    const std::string& s, const std::vector<std::string>& terms) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& t : terms)
    for (std::size_t pos = 0; !t.empty() && (pos = s.find(t, pos)) != std::string::npos;
         pos += t.size())
      out.emplace_back(pos, pos + t.size());
  return out;
}

bool starts_within(const std::vector<std::pair<std::size_t, std::size_t>>& ranges, std::size_t at) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const auto& r) { return at >= r.first && at < r.second; });
}

bool inside(const std::vector<std::pair<std::size_t, std::size_t>>& ranges, std::size_t at) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](const auto& r) { return at > r.first && at < r.second; });
}

// The code point that ends right before byte offset `at`.
char32_t char_before(const std::string& s, std::size_t at) {
  if (at == 0) return 0;
  std::size_t b = at - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  auto u = text::to_u32(std::string_view(s).substr(b, at - b));
  return u.empty() ? 0 : u.back();
}

// What ends a sentence: the kit's sentence stops, matched as bytes (UTF-8 is
// self-synchronising, so a character's encoding never matches inside
// another's) because this runs at every byte of a paragraph.
const std::vector<std::string>& sentence_stop_bytes() {
  static const std::vector<std::string> stops = [] {
    std::vector<std::string> out;
    for (char32_t c : kit::kSentenceStops) out.push_back(text::to_utf8(std::u32string(1, c)));
    return out;
  }();
  return stops;
}

// Length of the sentence end that finishes right before byte `at`, or 0.
std::size_t sentence_end_before(std::string_view s, std::size_t at) {
  // The last byte first: it rules out almost every position.
  for (std::string_view stop : sentence_stop_bytes())
    if (at >= stop.size() && s[at - 1] == stop.back() &&
        s.substr(at - stop.size(), stop.size()) == stop)
      return stop.size();
  return 0;
}

// How far a figure's sentence reaches on each side of it, in bytes (about
// 200 Chinese characters): a report's sentence is shorter, and a paragraph
// with no sentence end at all (hostile or broken text) must not give every
// figure in it the whole paragraph, which made a 1 MB line take gigabytes.
constexpr std::size_t kMaxSentenceReach = 600;

// A cut where the reach ran out falls after a clause mark (，；：、) or at
// least on a character boundary.
constexpr std::string_view kClauseMarks[] = {"，", "；", "：", "、"};

std::size_t clause_start_after(std::string_view s, std::size_t from, std::size_t limit) {
  for (std::size_t i = from; i < limit; ++i)
    for (std::string_view mark : kClauseMarks)
      if (s.substr(i, mark.size()) == mark) return i + mark.size();
  return text::char_start_at_or_after(s, from);
}

std::size_t clause_end_before(std::string_view s, std::size_t to, std::size_t limit) {
  for (std::size_t i = to; i > limit; --i)
    for (std::string_view mark : kClauseMarks)
      if (i >= mark.size() && s.substr(i - mark.size(), mark.size()) == mark) return i;
  return text::char_start_at_or_before(s, to);
}

// The sentence holding bytes [begin, end): from just after the last sentence
// end before `begin` through the first one at or after `end`, at most
// kMaxSentenceReach bytes either side. Walks outwards from the figure, so a
// figure costs its sentence, not its paragraph.
std::string sentence_around(const std::string& s, std::size_t begin, std::size_t end) {
  const std::size_t floor = begin > kMaxSentenceReach ? begin - kMaxSentenceReach : 0;
  std::size_t from = begin;
  while (from > floor && sentence_end_before(s, from) == 0) --from;
  if (from == floor && floor > 0 && sentence_end_before(s, from) == 0)
    from = clause_start_after(s, floor, begin);
  const std::size_t ceiling = std::min(s.size(), end + kMaxSentenceReach);
  std::size_t to = end;
  bool ended = false;
  for (; to < ceiling; ++to)
    if (std::size_t n = sentence_end_before(s, to + 1)) {
      // a sentence end whose last byte is at `to`: it starts at or after `end`
      if (to + 1 - n >= end) {
        ++to;
        ended = true;
        break;
      }
    }
  if (!ended && to < s.size()) to = clause_end_before(s, to, end);
  return text::trim(std::string_view(s).substr(from, to - from));
}

}  // namespace

FigureWords FigureWords::from_file(const std::filesystem::path& json_file) {
  auto j = kit::read_json_file(json_file);
  FigureWords w;
  w.units = j.value("units", std::vector<std::string>{});
  w.qualifiers_before = j.value("qualifiers_before", std::vector<std::string>{});
  w.qualifiers_after = j.value("qualifiers_after", std::vector<std::string>{});
  w.ordinal_before = j.value("ordinal_before", std::vector<std::string>{});
  w.fixed_terms = j.value("fixed_terms", std::vector<std::string>{});
  return w;
}

FigureFinder::FigureFinder(FigureWords words, std::size_t max_quantities)
    : words_(std::move(words)), max_quantities_(max_quantities), re_(figure_pattern(words_)) {
  pre_ = re_.group_number("pre");
  num_ = re_.group_number("num");
  post1_ = re_.group_number("post1");
  mag_ = re_.group_number("mag");
  post2_ = re_.group_number("post2");
  unit_ = re_.group_number("unit");
}

std::vector<Metric> FigureFinder::find(const std::string& text, int block,
                                       const std::vector<std::string>& heading_path,
                                       std::size_t limit) const {
  std::vector<Metric> out;
  auto quotes = quoted_ranges(text);
  auto terms = term_ranges(text, words_.fixed_terms);
  std::optional<kit::Match> next;
  for (std::size_t at = 0;
       out.size() < limit && at <= text.size() && (next = re_.find(text, at)).has_value();) {
    const kit::Match& m = *next;
    at = m.end();
    if (m.end() == m.begin()) {  // an empty match: step over one code point
      ++at;
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    std::string_view num = m.group(text, num_);
    bool chinese = kit::cn_digit(text::to_u32(num).front()) >= 0 ||
                   kit::cn_multiplier(text::to_u32(num).front()) > 0;
    // A qualifier that is not there leaves the number's own start.
    std::size_t start = m.has(pre_) ? m.begin(pre_) : m.begin(num_);
    char32_t before = char_before(text, m.begin(num_));
    if (inside(quotes, m.begin(num_)) || starts_within(terms, m.begin(num_))) continue;
    // Ordinals: 第五次, 四届四次 (a session number), 第57个.
    std::string prev = text::to_utf8(std::u32string(1, before));
    if (!m.has(pre_) && std::find(words_.ordinal_before.begin(), words_.ordinal_before.end(),
                                  prev) != words_.ordinal_before.end())
      continue;
    // Arabic digits glued to Latin letters or other digits are codes (G20, 201x).
    if (!chinese && before < 0x80 && before != 0 && std::isalnum(static_cast<int>(before)))
      continue;
    // 一个, 一次, 一批: "a", not a count the report wants compared.
    if (chinese && num == "一") continue;
    if (chinese && before != 0 && (kit::cn_digit(before) >= 0 || kit::cn_multiplier(before) > 0))
      continue;
    auto value = kit::parse_any_number(num);
    if (!value) continue;
    double v = *value;
    if (m.has(mag_)) v *= m.group(text, mag_) == "亿" ? 1e8 : 1e4;
    v = std::round(v * 1e6) / 1e6;  // 8.23万 is 82300, not 82299.999…
    Metric x;
    x.value = v;
    x.unit = std::string(m.group(text, unit_));
    if (x.unit == "％") x.unit = "%";
    x.text = text.substr(start, m.end() - start);
    // Always present, empty when the figure is exact: the JSON of a metric
    // has a "qualifier" key either way (schemas/document.schema.json).
    std::string& qualifier = x.attributes["qualifier"];
    if (m.has(pre_)) qualifier = std::string(m.group(text, pre_));
    if (m.has(post1_)) qualifier = std::string(m.group(text, post1_));
    if (m.has(post2_)) qualifier = std::string(m.group(text, post2_));
    x.sentence = sentence_around(text, start, m.end());
    x.heading_path = heading_path;
    x.block = block;
    out.push_back(std::move(x));
  }
  return out;
}

void FigureFinder::apply(Document& doc) const {
  doc.metrics.clear();
  std::vector<std::pair<int, std::string>> path;  // (level, heading text)
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::signature || b.kind == BlockKind::table) continue;
    if (b.kind == BlockKind::heading) {
      while (!path.empty() && path.back().first >= b.level) path.pop_back();
      // A heading block may carry its run-in paragraph (GB/T 9704 level-3
      // items are kept whole, as in 1、…活动。为进一步…): the path names the
      // heading only, up to its first full stop.
      // (the rule the DOCX and XLSX writers use for the same heading)
      std::string title = b.text;
      if (auto cut = kit::run_in_heading_end(title); cut != std::string::npos) title.resize(cut);
      path.emplace_back(b.level, std::move(title));
    }
    std::vector<std::string> hp;
    for (const auto& [lvl, t] : path) hp.push_back(t);
    auto found = find(b.text, static_cast<int>(i), hp, max_quantities_ - doc.metrics.size());
    doc.metrics.insert(doc.metrics.end(), found.begin(), found.end());
    if (doc.metrics.size() >= max_quantities_) {
      doc.diagnose(Level::warning, "figures: stopped at " + std::to_string(max_quantities_) +
                                       " quantities (max_quantities) in block " +
                                       std::to_string(i) +
                                       "; the rest of the text is not searched");
      break;
    }
  }
  doc.diagnose(Level::info, "figures: " + std::to_string(doc.metrics.size()) + " quantities");
}

}  // namespace docpipe::structure
