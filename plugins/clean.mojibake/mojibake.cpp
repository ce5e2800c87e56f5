#include "mojibake.hpp"

#include <docpipe/clean/textutil.hpp>

namespace docpipe::clean {

MojibakeRepairer::MojibakeRepairer(const PluginEnv&, const Params& params)
    : middle_dot_("(?<![0-9.])([0-9]{1,2})[?？\\x{FFFD}]([0-9]{1,2})(?=[\\p{Han}“\"‘'《])"),
      suspicious_("\\x{FFFD}|(?<=\\p{Han})\\?+(?=\\p{Han})"),
      repair_middle_dot_(params.get<bool>("repair_middle_dot", true)) {}

void MojibakeRepairer::apply(Document& doc) {
  std::size_t repaired = 0, reported = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const std::string text = doc.blocks[i].text;
    if (repair_middle_dot_) {
      std::string out = middle_dot_.replace_all(text, [&](std::string_view s, const Match& m) {
        int month = std::stoi(std::string(m.group(s, 1)));
        int day = std::stoi(std::string(m.group(s, 2)));
        if (month < 1 || month > 12 || day < 1 || day > 31) return std::string(m.group(s, 0));
        ++repaired;
        return std::string(m.group(s, 1)) + "·" + std::string(m.group(s, 2));
      });
      doc.set_block_text(i, out, "mojibake.middle_dot");
    }
    for (const auto& m : suspicious_.find_all(doc.blocks[i].text)) {
      const std::string& now = doc.blocks[i].text;
      std::size_t from = m.begin() > 12 ? m.begin() - 12 : 0;
      while (from > 0 && (static_cast<unsigned char>(now[from]) & 0xC0) == 0x80) --from;
      std::size_t to = std::min(now.size(), m.end() + 12);
      while (to < now.size() && (static_cast<unsigned char>(now[to]) & 0xC0) == 0x80) ++to;
      ++reported;
      doc.diagnose(Level::warning, "mojibake: possible mojibake in block " + std::to_string(i) + ": \"" +
                                       now.substr(from, to - from) + "\" (kept)");
    }
  }
  if (repaired) doc.diagnose(Level::info, "mojibake: repaired " + plural(repaired, "middle dot") + " lost as '?'");
  if (repaired || reported) doc.set_flag("mojibake");
}

}  // namespace docpipe::clean
