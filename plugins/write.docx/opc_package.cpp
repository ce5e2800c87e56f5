#include "opc_package.hpp"

#include <zip.h>

#include <docpipe/error.hpp>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <sstream>

#include "xml_part.hpp"
#include "zip_memory.hpp"

namespace docpipe::docx {

void OpcPackage::add_part(std::string name, std::string content_type, std::string bytes,
                          bool shared) {
  parts_.push_back(Part{std::move(name), std::move(content_type), std::move(bytes), shared});
}

void OpcPackage::add_relationship(const std::string& source_part, Relationship rel) {
  for (auto& set : relationships_)
    if (set.source_part == source_part) {
      set.rels.push_back(std::move(rel));
      return;
    }
  relationships_.push_back(RelSet{source_part, {std::move(rel)}});
}

std::string OpcPackage::rels_part_name(const std::string& source_part) {
  if (source_part.empty()) return "_rels/.rels";
  auto slash = source_part.rfind('/');
  std::string dir = slash == std::string::npos ? "" : source_part.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? source_part : source_part.substr(slash + 1);
  return dir + "_rels/" + file + ".rels";
}

std::string OpcPackage::content_types_xml() const {
  auto doc = new_xml_part();
  auto types = doc.append_child("Types");
  types.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  auto add_default = [&](const char* ext, const char* type) {
    auto d = types.append_child("Default");
    d.append_attribute("Extension") = ext;
    d.append_attribute("ContentType") = type;
  };
  add_default("rels", "application/vnd.openxmlformats-package.relationships+xml");
  add_default("xml", "application/xml");
  for (const auto& p : parts_) {
    // Every part gets an explicit override: strict readers reject a package
    // whose part has no content type, and an override can never be wrong.
    auto o = types.append_child("Override");
    o.append_attribute("PartName") = ("/" + p.name).c_str();
    o.append_attribute("ContentType") = p.content_type.c_str();
  }
  return xml_part_bytes(doc);
}

std::string OpcPackage::rels_xml(const RelSet& set) {
  auto doc = new_xml_part();
  auto root = doc.append_child("Relationships");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
  for (const auto& r : set.rels) {
    auto e = root.append_child("Relationship");
    e.append_attribute("Id") = r.id.c_str();
    e.append_attribute("Type") = r.type.c_str();
    e.append_attribute("Target") = r.target.c_str();
  }
  return xml_part_bytes(doc);
}

std::string OpcPackage::to_bytes(long long modified, SharedParts* shared) const {
  // The parts the package itself writes, then views of every entry in order
  // ([Content_Types].xml first: some readers sniff the first entry); the
  // added parts are not copied.
  std::vector<std::pair<std::string, std::string>> generated;
  generated.reserve(1 + relationships_.size());
  generated.emplace_back("[Content_Types].xml", content_types_xml());
  for (const auto& set : relationships_)
    generated.emplace_back(rels_part_name(set.source_part), rels_xml(set));
  struct Entry {
    SharedParts::Part part;
    bool shared;
  };
  std::vector<Entry> entries;
  for (const auto& [name, bytes] : generated) entries.push_back({{name, bytes}, true});
  for (const auto& p : parts_) entries.push_back({{p.name, p.bytes}, p.shared});

  std::optional<SharedParts> local;  // without a cache the bytes must still be the same
  if (!shared) shared = &local.emplace();
  std::vector<SharedParts::Part> to_share;
  for (const auto& e : entries)
    if (e.shared) to_share.push_back(e.part);
  shared->prepare(to_share);
  MemoryZip zip;
  for (const auto& e : entries) {
    const std::string name(e.part.first);
    if (e.shared)
      zip.add(name, shared->source_for(zip.archive(), e.part), modified);
    else
      // Level 1 for what differs per document: a few percent larger than the
      // default level 6, several times faster. A part under 1 KiB (the
      // document properties) is stored: deflating it saves a few hundred
      // bytes, and setting up a deflate stream costs more than the rest of
      // the part's work.
      zip.add(name, e.part.second, modified, e.part.second.size() < 1024 ? 0 : 1);
  }
  return zip.close_to_bytes();
}

}  // namespace docpipe::docx
