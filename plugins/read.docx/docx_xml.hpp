// pugixml helpers that match OOXML elements by local name, so transitional
// (w: = .../2006/main), strict OOXML and unusual prefixes all read the same.
#pragma once

#include <cstring>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace docpipe::readers::ooxml {

inline std::string_view local(const char* qname) {
  const char* colon = std::strrchr(qname, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(qname);
}
inline std::string_view local(const pugi::xml_node& n) { return local(n.name()); }

inline pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (auto c : n.children())
    if (c.type() == pugi::node_element && local(c) == name) return c;
  return {};
}

// Attribute by local name ("val" finds w:val).
inline pugi::xml_attribute attr(const pugi::xml_node& n, std::string_view name) {
  for (auto a : n.attributes())
    if (local(a.name()) == name) return a;
  return {};
}

inline std::string val(const pugi::xml_node& n, std::string_view name = "val") {
  return n ? attr(n, name).value() : "";
}

// <w:b/> and <w:b w:val="true"/> are on; w:val="0"/"false"/"off" is off.
inline bool on_off(const pugi::xml_node& n) {
  if (!n) return false;
  std::string v = val(n);
  return !(v == "0" || v == "false" || v == "off");
}

}  // namespace docpipe::readers::ooxml
