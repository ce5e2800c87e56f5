#include "mojibake.hpp"

#include <docpipe/kit/text_predicates.hpp>
#include <utility>
#include <vector>

namespace docpipe::clean {

MojibakeRepairer::MojibakeRepairer(const PluginEnv&, const Params& params)
    : middle_dot_("(?<![0-9.])([0-9]{1,2})[?？\\x{FFFD}]([0-9]{1,2})(?=[\\p{Han}“\"‘'《])"),
      suspicious_("\\x{FFFD}|(?<=\\p{Han})\\?+(?=\\p{Han})"),
      repair_middle_dot_(params.get<bool>("repair_middle_dot")) {}

void MojibakeRepairer::apply(Document& doc) {
  std::size_t repaired = 0, reported = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const std::string text = doc.blocks[i].text;
    if (repair_middle_dot_) {
      std::vector<std::pair<std::string, std::string>> changes;
      std::string out = middle_dot_.replace_all(text, [&](std::string_view s, const kit::Match& m) {
        int month = std::stoi(std::string(m.group(s, 1)));
        int day = std::stoi(std::string(m.group(s, 2)));
        std::string before(m.group(s, 0));
        if (month < 1 || month > 12 || day < 1 || day > 31) return before;
        std::string after = std::string(m.group(s, 1)) + "·" + std::string(m.group(s, 2));
        changes.emplace_back(before, after);
        return after;
      });
      // One edit per repair ("3?5" -> "3·5"), readable in `docpipe explain`.
      for (auto& [before, after] : changes)
        doc.record_edit("mojibake.middle_dot", static_cast<int>(i), before, after);
      repaired += changes.size();
      doc.blocks[i].text = std::move(out);
    }
    for (const auto& m : suspicious_.find_all(doc.blocks[i].text)) {
      const std::string& now = doc.blocks[i].text;
      std::size_t from = m.begin() > 12 ? m.begin() - 12 : 0;
      while (from > 0 && (static_cast<unsigned char>(now[from]) & 0xC0) == 0x80) --from;
      std::size_t to = std::min(now.size(), m.end() + 12);
      while (to < now.size() && (static_cast<unsigned char>(now[to]) & 0xC0) == 0x80) ++to;
      ++reported;
      doc.diagnose(Level::warning, "mojibake: possible mojibake in block " + std::to_string(i) +
                                       ": \"" + now.substr(from, to - from) + "\" (kept)");
    }
  }
  if (repaired)
    doc.diagnose(Level::info,
                 "mojibake: repaired " + kit::plural(repaired, "middle dot") + " lost as '?'");
  if (repaired || reported) doc.set_flag("mojibake");
}

}  // namespace docpipe::clean
