// The XML parts of a DOCX package are built with pugixml and written as
// compact UTF-8 with a standalone declaration, as Word writes them.
#pragma once

#include <pugixml.hpp>
#include <string>

namespace docpipe::docx {

// An empty document with <?xml version="1.0" encoding="UTF-8" standalone="yes"?>.
pugi::xml_document new_xml_part();
// The part's bytes, unindented.
std::string xml_part_bytes(const pugi::xml_document& doc);

}  // namespace docpipe::docx
