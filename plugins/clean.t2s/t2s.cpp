#include "t2s.hpp"

#include <algorithm>
#include <cstdio>
#include <docpipe/error.hpp>
#include <docpipe/kit/data_files.hpp>
#include <docpipe/text.hpp>
#include <filesystem>
#include <map>
#include <opencc/SimpleConverter.hpp>

namespace docpipe::clean {
namespace t = docpipe::text;

namespace {

std::unique_ptr<opencc::SimpleConverter> load_converter(const std::string& config) {
  std::filesystem::path p(config);
  if (!p.is_absolute() && !std::filesystem::exists(p) &&
      std::filesystem::exists("/usr/share/opencc" / p))
    p = "/usr/share/opencc" / p;
  try {
    return std::make_unique<opencc::SimpleConverter>(p.string());
  } catch (const std::exception& e) {
    throw ConfigError("clean.t2s: cannot load OpenCC config " + p.string() + ": " + e.what());
  }
}

}  // namespace

T2sConverter::T2sConverter(const PluginEnv& env, const Params& params)
    : min_ratio_(params.get<double>("min_ratio")),
      min_han_(static_cast<std::size_t>(params.get<int>("min_han"))) {
  converter_ = load_converter(params.get<std::string>("config"));
  taiwan_config_ = params.get<std::string>("taiwan_config");
  taiwan_min_ = static_cast<std::size_t>(params.get<int>("taiwan_markers_min"));
  taiwan_words_ = kit::read_list_file(kit::data_file(env, "taiwan_markers.txt"));
  zhe_keep_ = kit::read_list_file(kit::data_file(env, "zhe_keep.txt"));
  fixes_ = kit::read_pairs_file(kit::data_file(env, "phrase_fixes.tsv"));
  for (const auto& [from, to] :
       params.get<std::map<std::string, std::string>>("extra_phrase_fixes"))
    fixes_.emplace_back(from, to);
}

T2sConverter::~T2sConverter() = default;

opencc::SimpleConverter& T2sConverter::taiwan_converter() {
  if (!taiwan_) taiwan_ = load_converter(taiwan_config_);
  return *taiwan_;
}

std::size_t T2sConverter::taiwan_markers(const std::string& text) const {
  return static_cast<std::size_t>(
      std::count_if(taiwan_words_.begin(), taiwan_words_.end(),
                    [&](const std::string& w) { return text.find(w) != std::string::npos; }));
}

std::string T2sConverter::fix_phrases(const std::string& text) const {
  static const std::string zhu = "著", zhe = "着";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, zhu.size(), zhu) != 0) {
      out += text[i++];
      continue;
    }
    bool keep = std::any_of(zhe_keep_.begin(), zhe_keep_.end(), [&](const std::string& w) {
      for (std::size_t at = w.find(zhu); at != std::string::npos; at = w.find(zhu, at + 1))
        if (i >= at && text.compare(i - at, w.size(), w) == 0) return true;
      return false;
    });
    out += keep ? zhu : zhe;
    i += zhu.size();
  }
  for (const auto& [from, to] : fixes_)
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
  return out;
}

bool T2sConverter::changes(char32_t c) const {
  // Asked of OpenCC once per character, the first time a document has it: a
  // run meets a few thousand of the 21,000 characters of the block, and
  // converting all of them up front cost each worker tens of milliseconds
  // before its first document. Converted alone, no phrase applies: this is
  // the character-level measure.
  std::uint8_t& known = changed_[c - kFirst];
  if (known == kUnknown) {
    std::string one;
    t::append_utf8(one, c);
    known = converter_->Convert(one) != one ? kChanged : kKept;
  }
  return known == kChanged;
}

T2sConverter::Measure T2sConverter::measure(const std::string& text) const {
  Measure m;
  for (char32_t c : t::to_u32(text)) {
    if (!t::is_han(c)) continue;
    ++m.han;
    if (c >= kFirst && c <= kLast && changes(c)) ++m.changed;
  }
  return m;
}

void T2sConverter::apply(Document& doc) {
  auto m = measure(doc.body_text());
  char ratio[32];
  std::snprintf(ratio, sizeof ratio, "%.3f", m.ratio());
  if (m.han < min_han_ || m.ratio() < min_ratio_) {
    if (m.changed)
      doc.diagnose(Level::info, std::string("kept as written: only ") + ratio + " of " +
                                    std::to_string(m.han) + " Han characters are traditional-only");
    return;
  }
  std::size_t tw = taiwan_min_ ? taiwan_markers(doc.body_text()) : 0;
  bool taiwan = taiwan_min_ && tw >= taiwan_min_;
  opencc::SimpleConverter& conv = taiwan ? taiwan_converter() : *converter_;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    auto& b = doc.blocks[i];
    std::string converted = conv.Convert(b.text);
    doc.set_block_text(i, converted, taiwan ? "t2s.taiwan" : "t2s.convert");
    std::string fixed = fix_phrases(converted);
    if (fixed != converted) doc.set_block_text(i, fixed, "t2s.phrase");
    for (auto& row : b.rows)
      for (auto& cell : row) {
        std::string out = fix_phrases(conv.Convert(cell));
        if (out == cell) continue;
        doc.record_edit("t2s.convert", static_cast<int>(i), cell, out);
        cell = std::move(out);
      }
  }
  doc.set_flag("traditional_converted");
  if (taiwan) {
    doc.set_flag("taiwan_vocabulary");
    doc.diagnose(Level::info, "taiwan_vocabulary: " + std::to_string(tw) +
                                  " Taiwan words; converted with " + taiwan_config_ +
                                  " (Taiwan phrases to mainland ones)");
  }
  doc.diagnose(Level::info, std::string("traditional_converted: ") + ratio + " of " +
                                std::to_string(m.han) + " Han characters differ");
}

}  // namespace docpipe::clean
