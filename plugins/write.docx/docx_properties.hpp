// docProps/core.xml and docProps/app.xml: the document's title, author
// (the issuing organization) and dates as Word's File > Properties shows them.
#pragma once

#include <docpipe/model.hpp>
#include <string>

namespace docpipe::docx {

// created: W3CDTF timestamp such as "2024-05-01T08:00:00Z".
std::string core_properties_xml(const Document& doc, const std::string& created);
std::string app_properties_xml(const Document& doc, const std::string& application);

}  // namespace docpipe::docx
