#include "quality_flags.hpp"

#include <algorithm>
#include <cstdio>
#include <docpipe/kit/cn_numerals.hpp>
#include <docpipe/kit/data_files.hpp>
#include <docpipe/kit/heading_marker.hpp>
#include <docpipe/kit/text_predicates.hpp>
#include <docpipe/text.hpp>

namespace docpipe::structure {

namespace {

constexpr std::size_t kQuoteChars = 16;  // how much text a diagnostic quotes
// A last paragraph shorter than this is a closing line, not a cut sentence.
constexpr std::size_t kMinCutSentenceChars = 12;

std::string head(std::string_view s) {
  auto u = text::to_u32(s);
  return text::to_utf8(std::u32string_view(u).substr(0, kQuoteChars)) +
         (u.size() > kQuoteChars ? "…" : "");
}
std::string tail(std::string_view s) {
  auto u = text::to_u32(s);
  std::size_t n = std::min(u.size(), kQuoteChars);
  return (u.size() > kQuoteChars ? "…" : "") +
         text::to_utf8(std::u32string_view(u).substr(u.size() - n));
}

bool is_body(const Block& b) {
  return b.kind != BlockKind::signature && b.kind != BlockKind::table &&
         !text::trim(b.text).empty();
}

// What complete text can end with: a sentence end, or a closing bracket
// (a text may end with a parenthesised note, （完） or (end)).
bool closes_text(char32_t c) { return kit::is_sentence_end(c) || c == U'）' || c == U')'; }

// Punctuation that only continues a sentence.
bool continues_text(char32_t c) {
  return c == U'，' || c == U',' || c == U'、' || c == U'。' || c == U'；' || c == U'：' ||
         c == U'）' || c == U'”' || c == U'」';
}

}  // namespace

FlagRules FlagRules::from_file(const std::filesystem::path& json_file) {
  FlagRules r;
  r.evidence = kit::read_json_file(json_file)
                   .at("evidence")
                   .get<std::map<std::string, std::vector<std::string>>>();
  return r;
}

std::string QualityFlagger::truncated_start_reason(const Document& doc) {
  auto first = std::find_if(doc.blocks.begin(), doc.blocks.end(), is_body);
  if (first == doc.blocks.end()) return {};
  std::u32string u = text::to_u32(text::trim(first->text));
  if (continues_text(u[0]))
    return "the text starts with \"" + head(first->text) + "\", inside a sentence";
  // 三是… : the third item of an enumeration whose first items are missing.
  std::size_t n = 0;
  while (n < u.size() && (kit::cn_digit(u[n]) >= 0 || u[n] == U'十')) ++n;
  if (n > 0 && n < u.size() && u[n] == U'是') {
    auto ord = kit::parse_cn_integer(std::u32string_view(u).substr(0, n));
    if (ord && *ord > 1)
      return "the text starts with the enumeration item \"" + head(first->text) + "\"";
  }
  if (auto m = kit::match_heading_marker(first->text); m && m->ordinal > 1)
    return "the text starts at outline item " + m->marker + " (\"" + head(first->text) + "\")";
  return {};
}

std::string QualityFlagger::truncated_end_reason(const Document& doc) {
  auto last = std::find_if(doc.blocks.rbegin(), doc.blocks.rend(), is_body);
  if (last == doc.blocks.rend()) return {};
  std::u32string u = text::to_u32(text::trim(last->text));
  // A section heading (一、… or （一）…) alone at the end lost its section; a
  // plan's last numbered item (5、做好…) is complete as it stands, and a
  // level-3 item that carries its own text (1、标题。正文…) is judged like a
  // paragraph.
  bool bare_heading = last->kind == BlockKind::heading && last->level <= 2 &&
                      std::none_of(u.begin(), u.end() - 1, [](char32_t c) { return c == U'。'; });
  if (bare_heading && doc.blocks.size() > 1)
    return "the text ends with the heading \"" + head(last->text) + "\", without its content";
  // A sentence that stops mid-way: prose (a clause already closed by a comma
  // or an enumeration comma, and sentence-long) without a sentence end. A
  // short line -- an editor line, a name, a date, a list's last item -- is a
  // complete ending, not evidence of a cut.
  bool prose = u.size() >= kMinCutSentenceChars && std::any_of(u.begin(), u.end(), [](char32_t c) {
                 return c == U'，' || c == U',' || c == U'、' || c == U'；';
               });
  if (last->kind != BlockKind::list_item && prose && !closes_text(u.back()))
    return "the last paragraph ends mid-sentence: \"" + tail(last->text) + "\"";
  return {};
}

void QualityFlagger::add_evidence(Document& doc, const std::string& flag) const {
  bool explained =
      std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                  [&](const Diagnostic& d) { return d.message.find(flag) != std::string::npos; });
  if (explained) return;
  auto it = rules_.evidence.find(flag);
  std::map<std::string, int> counts;
  const Edit* example = nullptr;
  if (it != rules_.evidence.end()) {
    for (const auto& e : doc.edits) {
      bool related = std::any_of(it->second.begin(), it->second.end(), [&](const std::string& w) {
        return e.rule.find(w) != std::string::npos || e.stage.find(w) != std::string::npos;
      });
      if (!related) continue;
      ++counts[e.stage + ":" + e.rule];
      if (!example) example = &e;
    }
  }
  if (counts.empty()) {
    doc.diagnose(Level::warning,
                 "flag " + flag + ": set by an earlier stage without recorded evidence");
    return;
  }
  std::string msg = "flag " + flag + ": evidence in edits";
  for (const auto& [rule, n] : counts) msg += " " + rule + "×" + std::to_string(n);
  msg += ", e.g. \"" + head(example->before) + "\" -> \"" + head(example->after) + "\"";
  doc.diagnose(Level::info, msg);
}

void QualityFlagger::apply(Document& doc) const {
  if (doc.source.encoding_confidence < 1.0) {
    doc.set_flag("encoding_guessed");
    char conf[32];
    std::snprintf(conf, sizeof conf, "%.2f", doc.source.encoding_confidence);
    doc.diagnose(Level::info,
                 "flag encoding_guessed: " +
                     (doc.source.encoding.empty() ? std::string("encoding") : doc.source.encoding) +
                     " detected with confidence " + conf);
  }
  if (!doc.has_flag("truncated_start")) {
    if (auto why = truncated_start_reason(doc); !why.empty()) {
      doc.set_flag("truncated_start");
      doc.diagnose(Level::warning, "flag truncated_start: " + why);
    }
  }
  if (!doc.has_flag("truncated_end")) {
    if (auto why = truncated_end_reason(doc); !why.empty()) {
      doc.set_flag("truncated_end");
      doc.diagnose(Level::warning, "flag truncated_end: " + why);
    }
  }
  for (const auto& f : std::vector<std::string>(doc.flags)) add_evidence(doc, f);
}

}  // namespace docpipe::structure
