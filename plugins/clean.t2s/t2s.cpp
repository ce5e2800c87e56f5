#include "t2s.hpp"

#include <cstdio>
#include <filesystem>

#include <opencc/SimpleConverter.hpp>

#include <docpipe/error.hpp>
#include <docpipe/text.hpp>

namespace docpipe::clean {
namespace t = docpipe::text;

T2sConverter::T2sConverter(const PluginEnv&, const Params& params)
    : min_ratio_(params.get<double>("min_ratio", 0.08)),
      min_han_(static_cast<std::size_t>(params.get<int>("min_han", 20))) {
  std::string config = params.get<std::string>("config", "t2s.json");
  std::filesystem::path p(config);
  if (!p.is_absolute() && !std::filesystem::exists(p) && std::filesystem::exists("/usr/share/opencc" / p))
    p = "/usr/share/opencc" / p;
  try {
    converter_ = std::make_unique<opencc::SimpleConverter>(p.string());
  } catch (const std::exception& e) {
    throw ConfigError("clean.t2s: cannot load OpenCC config " + p.string() + ": " + e.what());
  }
}

T2sConverter::~T2sConverter() = default;

T2sConverter::Measure T2sConverter::measure(const std::string& text) const {
  Measure m;
  auto before = t::to_u32(text);
  auto after = t::to_u32(converter_->Convert(text));
  for (char32_t c : before) m.han += t::is_han(c) ? 1 : 0;
  if (before.size() == after.size()) {
    for (std::size_t i = 0; i < before.size(); ++i) m.changed += (t::is_han(before[i]) && before[i] != after[i]) ? 1 : 0;
  } else {
    // A phrase mapping changed the length (rare): count the difference
    // position by position up to the shorter length, plus the rest.
    std::size_t n = std::min(before.size(), after.size());
    for (std::size_t i = 0; i < n; ++i) m.changed += before[i] != after[i] ? 1 : 0;
    m.changed += std::max(before.size(), after.size()) - n;
  }
  return m;
}

void T2sConverter::apply(Document& doc) {
  auto m = measure(doc.body_text());
  char ratio[32];
  std::snprintf(ratio, sizeof ratio, "%.3f", m.ratio());
  if (m.han < min_han_ || m.ratio() < min_ratio_) {
    if (m.changed)
      doc.diagnose(Level::info, std::string("kept as written: only ") + ratio +
                                    " of Han characters are traditional-only (" + std::to_string(m.changed) + ")");
    return;
  }
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    auto& b = doc.blocks[i];
    doc.set_block_text(i, converter_->Convert(b.text), "t2s.convert");
    for (auto& row : b.rows)
      for (auto& cell : row) cell = converter_->Convert(cell);
  }
  doc.set_flag("traditional_converted");
  doc.diagnose(Level::info, std::string("converted traditional to simplified: ") + ratio + " of " +
                                std::to_string(m.han) + " Han characters differ");
}

}  // namespace docpipe::clean
