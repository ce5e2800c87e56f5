// An Open Packaging Conventions (OPC) package as Word and Excel read it: the
// parts, their content types and relationships, saved as a ZIP with libzip.
// It writes [Content_Types].xml and the .rels parts itself, so no part can be
// left out of the content types and no relationship can dangle.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "shared_parts.hpp"

namespace docpipe::docx {

struct Relationship {
  std::string id;      // e.g. "rId1"
  std::string type;    // full relationship type URI
  std::string target;  // relative to the source part's folder
};

class OpcPackage {
 public:
  // Adds a part; name without leading slash, e.g. "word/document.xml".
  // `shared`: the part is the same in every package the writer makes (it
  // comes from the preset), so it is deflated once (see SharedParts).
  void add_part(std::string name, std::string content_type, std::string bytes, bool shared = false);
  // Relationship from the package ("" source) or from a part.
  void add_relationship(const std::string& source_part, Relationship rel);
  // The package as ZIP bytes. Throws docpipe::Error. modified: seconds since
  // the epoch stamped on every entry. Shared parts, the relationships and
  // the content types are taken from `shared` when given (the bytes are the
  // same either way: shared parts are always deflated at the best level).
  std::string to_bytes(long long modified, SharedParts* shared = nullptr) const;

 private:
  struct Part {
    std::string name;
    std::string content_type;
    std::string bytes;
    bool shared = false;
  };
  struct RelSet {
    std::string source_part;
    std::vector<Relationship> rels;
  };
  std::string content_types_xml() const;
  static std::string rels_xml(const RelSet& set);
  static std::string rels_part_name(const std::string& source_part);

  std::vector<Part> parts_;
  std::vector<RelSet> relationships_;
};

}  // namespace docpipe::docx
