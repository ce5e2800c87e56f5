#include "docx_look.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "docx_xml.hpp"

namespace docpipe::readers {
using namespace ooxml;

namespace {
// A title is set at least this much larger than body text (五号 10.5 pt ->
// 小四 12 pt is not yet a title size; 三号 16 pt is).
constexpr double kTitleSizeRatio = 1.3;
}  // namespace

ParagraphLook paragraph_look(const pugi::xml_node& p, const DocxStyles& styles,
                             const std::string& style_id) {
  StyleLook base = styles.look(style_id);
  ParagraphLook out;
  auto ppr = child(p, "pPr");
  auto jc = child(ppr, "jc");
  out.centered = jc ? val(jc) == "center" : base.centered == 1;
  bool any_text = false, all_bold = true;
  // Runs directly in the paragraph or in hyperlinks/fields' wrappers.
  for (auto n = p.first_child(); n; n = n.next_sibling()) {
    auto runs = local(n) == "r" ? std::vector<pugi::xml_node>{n} : std::vector<pugi::xml_node>{};
    if (local(n) == "hyperlink" || local(n) == "smartTag" || local(n) == "ins")
      for (auto r : n.children())
        if (local(r) == "r") runs.push_back(r);
    for (const auto& r : runs) {
      auto t = child(r, "t");
      if (!t || std::string_view(t.text().get()).find_first_not_of(" \t") == std::string::npos)
        continue;
      any_text = true;
      auto rpr = child(r, "rPr");
      auto b = child(rpr, "b");
      if (!(b ? on_off(b) : base.bold == 1)) all_bold = false;
      int hp = std::atoi(val(child(rpr, "sz")).c_str());
      out.half_points = std::max(out.half_points, hp > 0 ? hp : base.half_points);
    }
  }
  out.bold = any_text && all_bold;
  if (!any_text) out.half_points = base.half_points;
  return out;
}

bool looks_like_title(const ParagraphLook& look, int body_half_points) {
  if (!look.centered) return false;
  bool larger = look.half_points >= kTitleSizeRatio * body_half_points;
  return larger || (look.bold && look.half_points >= body_half_points);
}

}  // namespace docpipe::readers
