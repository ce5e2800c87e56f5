#include "docx_preset.hpp"

#include <docpipe/error.hpp>
#include <docpipe/kit/data_files.hpp>

namespace docpipe::docx {

namespace {

void parse_into(pugi::xml_document& doc, const std::string& xml,
                const std::filesystem::path& from) {
  auto r = doc.load_buffer(xml.data(), xml.size());
  if (!r) throw Error("write.docx: " + from.string() + ": " + r.description());
}

// "default" footers are the odd-page ones once evenAndOddHeaders is on.
std::string footer_file_suffix(const std::string& type) {
  if (type == "default") return "footer-odd";
  if (type == "even") return "footer-even";
  return "footer-" + type;
}

}  // namespace

std::shared_ptr<const Preset> Preset::load(const std::filesystem::path& data_dir,
                                           const std::string& name) {
  auto p = std::make_shared<Preset>();
  p->name_ = name;
  auto file = [&](const std::string& suffix) { return data_dir / (name + "." + suffix + ".xml"); };
  if (!std::filesystem::exists(file("styles")))
    throw Error("write.docx: unknown preset '" + name + "' (no " + file("styles").string() + ")");
  p->styles_xml_ = kit::read_data_file(file("styles"));
  parse_into(p->styles_, p->styles_xml_, file("styles"));
  p->settings_xml_ = kit::read_data_file(file("settings"));
  std::string section_xml = kit::read_data_file(file("section"));
  parse_into(p->section_, section_xml, file("section"));
  p->font_table_xml_ = kit::read_data_file(data_dir / "fontTable.xml");
  p->bullets_numbering_xml_ = kit::read_data_file(data_dir / "bullets.numbering.xml");
  for (auto ref : p->section().children("w:footerReference")) {
    std::string type = ref.attribute("w:type").as_string("default");
    p->footers_.push_back(FooterPart{type, ref.attribute("r:id").as_string(),
                                     kit::read_data_file(file(footer_file_suffix(type)))});
  }
  return p;
}

pugi::xml_node Preset::find_style(const std::string& id) const {
  return styles_.document_element().find_child_by_attribute("w:style", "w:styleId", id.c_str());
}

RunLook Preset::run_look(const std::string& style_id) const {
  // Each attribute resolves on its own: the nearest style in the basedOn chain
  // that sets it wins, then the document defaults.
  static const char* kFontSlots[] = {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"};
  static const char* kLangSlots[] = {"w:val", "w:eastAsia"};
  std::map<std::string, std::string> fonts, lang;
  auto take = [](pugi::xml_node rpr, const char* elem, const char* const* slots, std::size_t n,
                 std::map<std::string, std::string>& into) {
    auto e = rpr.child(elem);
    for (std::size_t i = 0; i < n; ++i)
      if (!into.count(slots[i]) && e.attribute(slots[i]))
        into[slots[i]] = e.attribute(slots[i]).value();
  };
  std::string id = style_id;
  for (int depth = 0; depth < 16 && !id.empty();
       ++depth) {  // bounded: a basedOn cycle cannot hang us
    auto style = find_style(id);
    if (!style) break;
    take(style.child("w:rPr"), "w:rFonts", kFontSlots, 4, fonts);
    take(style.child("w:rPr"), "w:lang", kLangSlots, 2, lang);
    id = style.child("w:basedOn").attribute("w:val").as_string();
  }
  auto defaults =
      styles_.document_element().child("w:docDefaults").child("w:rPrDefault").child("w:rPr");
  take(defaults, "w:rFonts", kFontSlots, 4, fonts);
  take(defaults, "w:lang", kLangSlots, 2, lang);
  // Chinese text must be tagged Chinese even if a preset forgets it.
  if (!lang.count("w:eastAsia")) lang["w:eastAsia"] = "zh-CN";
  RunLook look;
  for (const char* s : kFontSlots)
    if (fonts.count(s)) look.fonts.emplace_back(s, fonts[s]);
  for (const char* s : kLangSlots)
    if (lang.count(s)) look.lang.emplace_back(s, lang[s]);
  return look;
}

int Preset::text_width_twips() const {
  auto sect = section();
  int width = sect.child("w:pgSz").attribute("w:w").as_int(11906);
  auto mar = sect.child("w:pgMar");
  return width - mar.attribute("w:left").as_int(1800) - mar.attribute("w:right").as_int(1800);
}

int Preset::char_width_twips() const {
  auto normal_sz = find_style("Normal").child("w:rPr").child("w:sz").attribute("w:val");
  if (!normal_sz)
    normal_sz = styles_.document_element()
                    .child("w:docDefaults")
                    .child("w:rPrDefault")
                    .child("w:rPr")
                    .child("w:sz")
                    .attribute("w:val");
  return normal_sz.as_int(22) * 10;  // half-points -> twips
}

int Preset::line_twips() const {
  auto spacing = styles_.document_element()
                     .child("w:docDefaults")
                     .child("w:pPrDefault")
                     .child("w:pPr")
                     .child("w:spacing");
  if (std::string_view(spacing.attribute("w:lineRule").as_string()) == "exact")
    return spacing.attribute("w:line").as_int(240);
  return char_width_twips() * 13 / 10;  // single spacing is about 1.3 x the font size
}

int Preset::signature_right_chars() const {
  return find_style("Signature").child("w:pPr").child("w:ind").attribute("w:rightChars").as_int(0);
}

}  // namespace docpipe::docx
