#include "t2s.hpp"

#include <cstdio>
#include <docpipe/error.hpp>
#include <docpipe/text.hpp>
#include <filesystem>
#include <opencc/SimpleConverter.hpp>

namespace docpipe::clean {
namespace t = docpipe::text;

T2sConverter::T2sConverter(const PluginEnv&, const Params& params)
    : min_ratio_(params.get<double>("min_ratio", 0.08)),
      min_han_(static_cast<std::size_t>(params.get<int>("min_han", 20))) {
  std::string config = params.get<std::string>("config", "t2s.json");
  std::filesystem::path p(config);
  if (!p.is_absolute() && !std::filesystem::exists(p) &&
      std::filesystem::exists("/usr/share/opencc" / p))
    p = "/usr/share/opencc" / p;
  try {
    converter_ = std::make_unique<opencc::SimpleConverter>(p.string());
  } catch (const std::exception& e) {
    throw ConfigError("clean.t2s: cannot load OpenCC config " + p.string() + ": " + e.what());
  }
}

T2sConverter::~T2sConverter() = default;

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
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    auto& b = doc.blocks[i];
    doc.set_block_text(i, converter_->Convert(b.text), "t2s.convert");
    for (auto& row : b.rows)
      for (auto& cell : row) {
        std::string out = converter_->Convert(cell);
        if (out == cell) continue;
        doc.record_edit("t2s.convert", static_cast<int>(i), cell, out);
        cell = std::move(out);
      }
  }
  doc.set_flag("traditional_converted");
  doc.diagnose(Level::info, std::string("traditional_converted: ") + ratio + " of " +
                                std::to_string(m.han) + " Han characters differ");
}

}  // namespace docpipe::clean
