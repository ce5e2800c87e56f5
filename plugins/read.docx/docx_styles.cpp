#include "docx_styles.hpp"

#include <algorithm>
#include <cctype>

#include "docx_xml.hpp"

namespace docpipe::readers {
using namespace ooxml;
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "heading 3" -> 3; localised names stay unmatched on purpose (w:name is
// always the English built-in name for built-in styles).
int level_from_name(const std::string& name) {
  if (name == "title") return 1;
  const std::string prefix = "heading ";
  if (name.size() == prefix.size() + 1 && name.starts_with(prefix)) {
    char d = name.back();
    if (d >= '1' && d <= '9') return d - '0';
  }
  return 0;
}

constexpr int kMaxChain = 20;  // basedOn chains are short; a cycle must end

}  // namespace

void DocxStyles::load(const pugi::xml_document& xml) {
  auto root = xml.document_element();
  auto default_size = child(child(child(child(root, "docDefaults"), "rPrDefault"), "rPr"), "sz");
  if (int hp = std::atoi(val(default_size).c_str()); hp > 0) default_half_points_ = hp;
  for (auto s : root.children()) {
    if (local(s) != "style" || val(s, "type") != "paragraph") continue;
    Style st;
    st.name = lower(val(child(s, "name")));
    st.based_on = val(child(s, "basedOn"));
    auto ppr = child(s, "pPr");
    if (auto ol = child(ppr, "outlineLvl")) st.outline_level = std::atoi(val(ol).c_str());
    if (auto np = child(ppr, "numPr")) {
      st.numbering.num_id = val(child(np, "numId"));
      if (auto il = child(np, "ilvl")) st.numbering.ilvl = std::atoi(val(il).c_str());
    }
    if (auto jc = child(ppr, "jc")) st.look.centered = val(jc) == "center";
    auto rpr = child(s, "rPr");
    if (auto b = child(rpr, "b")) st.look.bold = on_off(b);
    st.look.half_points = std::atoi(val(child(rpr, "sz")).c_str());
    std::string id = val(s, "styleId");
    std::string is_default = attr(s, "default").value();
    if (is_default == "1" || is_default == "true") default_paragraph_ = id;
    styles_[id] = std::move(st);
  }
}

const DocxStyles::Style* DocxStyles::find(const std::string& id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

std::string DocxStyles::name(const std::string& id) const {
  const Style* s = find(id);
  return s ? s->name : "";
}

int DocxStyles::heading_level(const std::string& id) const {
  const Style* s = find(id);
  for (int depth = 0; s && depth < kMaxChain; ++depth) {
    if (int lvl = level_from_name(s->name)) return lvl;
    if (s->outline_level >= 0) return s->outline_level <= 8 ? s->outline_level + 1 : 0;
    s = s->based_on.empty() ? nullptr : find(s->based_on);
  }
  return 0;
}

StyleLook DocxStyles::look(const std::string& id) const {
  StyleLook out;
  const Style* s = find(id);
  for (int depth = 0; s && depth < kMaxChain; ++depth) {
    if (out.centered < 0) out.centered = s->look.centered;
    if (out.bold < 0) out.bold = s->look.bold;
    if (out.half_points <= 0) out.half_points = s->look.half_points;
    s = s->based_on.empty() ? nullptr : find(s->based_on);
  }
  if (out.centered < 0) out.centered = 0;
  if (out.bold < 0) out.bold = 0;
  if (out.half_points <= 0) out.half_points = default_half_points_;
  return out;
}

bool DocxStyles::is_title(const std::string& id) const {
  const Style* s = find(id);
  for (int depth = 0; s && depth < kMaxChain; ++depth) {
    if (s->name == "title") return true;
    if (level_from_name(s->name)) return false;
    s = s->based_on.empty() ? nullptr : find(s->based_on);
  }
  return false;
}

StyleNumbering DocxStyles::numbering(const std::string& id) const {
  StyleNumbering out;
  const Style* s = find(id);
  for (int depth = 0; s && depth < kMaxChain; ++depth) {
    if (out.num_id.empty()) out.num_id = s->numbering.num_id;
    if (out.ilvl < 0) out.ilvl = s->numbering.ilvl;
    if (!out.num_id.empty() && out.ilvl >= 0) break;
    s = s->based_on.empty() ? nullptr : find(s->based_on);
  }
  return out;
}

}  // namespace docpipe::readers
