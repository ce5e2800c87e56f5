#include "docx_properties.hpp"

#include <docpipe/text.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "docx_text.hpp"
#include "xml_part.hpp"

namespace docpipe::docx {

namespace {

void add_text(pugi::xml_node parent, const char* name, const std::string& value) {
  if (value.empty()) return;  // an absent property is better than an empty one
  parent.append_child(name).text().set(xml_safe(value).c_str());
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

std::string core_properties_xml(const Document& doc, const std::string& created) {
  auto xml = new_xml_part();
  auto root = xml.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
  root.append_attribute("xmlns:dcmitype") = "http://purl.org/dc/dcmitype/";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  const auto& m = doc.metadata;
  add_text(root, "dc:title", m.title.value_or(""));
  add_text(root, "dc:subject", m.doc_type.value_or(""));
  add_text(root, "dc:creator", m.organization.value_or(""));
  add_text(root, "cp:keywords", join(m.page.tags, "; "));
  add_text(root, "dc:description", doc.source.path.empty() ? "" : "docpipe: " + doc.source.path);
  add_text(root, "dc:language", "zh-CN");
  add_text(root, "cp:lastModifiedBy", "docpipe");
  for (const char* name : {"dcterms:created", "dcterms:modified"}) {
    auto e = root.append_child(name);
    e.append_attribute("xsi:type") = "dcterms:W3CDTF";
    e.text().set(created.c_str());
  }
  return xml_part_bytes(xml);
}

std::string app_properties_xml(const Document& doc, const std::string& application) {
  auto xml = new_xml_part();
  auto root = xml.append_child("Properties");
  root.append_attribute("xmlns") =
      "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
  root.append_attribute("xmlns:vt") =
      "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
  add_text(root, "Application", application);
  add_text(root, "DocSecurity", "0");
  std::size_t chars = 0;
  for (const auto& b : doc.blocks) chars += text::length(b.text);
  add_text(root, "Characters", std::to_string(chars));
  add_text(root, "Paragraphs", std::to_string(doc.blocks.size()));
  add_text(root, "Company", doc.metadata.organization.value_or(""));
  return xml_part_bytes(xml);
}

}  // namespace docpipe::docx
