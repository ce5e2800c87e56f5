#include "placeholders.hpp"

#include <docpipe/kit/text_predicates.hpp>

namespace docpipe::clean {

// Alternatives are ordered longest shape first: x月x日 before a lone x.
PlaceholderCounter::PlaceholderCounter(const PluginEnv&, const Params& params)
    : builtin_(
          "(?<![A-Za-z0-9])[xX×]\\s*月\\s*[xX×]\\s*日"
          "|(?<![0-9])(?:19|20)\\d[xX×](?![A-Za-z])"
          "|(?<![A-Za-z])(?:X{2,}|x{2,})(?![A-Za-z])"
          "|\\*{2,}|＊{2,}"
          "|(?<![A-Za-z0-9])[xX×](?=\\p{Han})"
          "|(?<=\\p{Han})[xX×](?![A-Za-z0-9])") {
  for (const auto& p : params.get<std::vector<std::string>>("extra_patterns"))
    extra_.emplace_back(p);
}

std::vector<std::string> PlaceholderCounter::find(const std::string& text) const {
  std::vector<std::string> out;
  for (const auto& m : builtin_.find_all(text)) out.emplace_back(m.group(text, 0));
  for (const auto& re : extra_)
    for (const auto& m : re.find_all(text)) out.emplace_back(m.group(text, 0));
  return out;
}

void PlaceholderCounter::apply(Document& doc) {
  std::map<std::string, std::size_t> by_text;
  std::size_t total = 0;
  for (const auto& b : doc.blocks)
    for (auto& p : find(b.text)) {
      ++by_text[p];
      ++total;
    }
  if (!total) return;
  std::string detail;
  for (const auto& [text, n] : by_text)
    detail += (detail.empty() ? "" : ", ") + text + "×" + std::to_string(n);
  doc.set_flag("placeholders_present");
  doc.metadata.extra["placeholders"] = std::to_string(total);
  doc.diagnose(Level::info, "placeholders_present: " + kit::plural(total, "redaction placeholder") +
                                " kept: " + detail);
}

}  // namespace docpipe::clean
