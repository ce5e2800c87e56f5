#include "doc_parse.hpp"

#include <algorithm>
#include <docpipe/error.hpp>
#include <string>

#include "read.docx/docx_parse.hpp"

namespace docpipe::readers {
namespace {

const std::string_view kOleSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// An OLE directory entry name as it is stored: UTF-16LE.
std::string utf16le(std::string_view ascii) {
  std::string s;
  for (char c : ascii) s += c, s += '\0';
  return s;
}

bool has_stream(std::string_view bytes, std::string_view name) {
  return bytes.find(utf16le(name)) != std::string_view::npos;
}

std::string lower_ext(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool word_ext(const std::string& ext) {
  return ext == ".doc" || ext == ".dot" || ext == ".wps" || ext == ".wpt";
}

}  // namespace

int sniff_doc(const std::filesystem::path& path, std::string_view head) {
  const std::string ext = lower_ext(path);
  if (head.starts_with(kOleSignature)) {
    // The directory usually lies in the first 64 KiB; a Word stream there
    // settles it whatever the name. (Encrypted DOCX are OLE files too: they
    // hold an EncryptedPackage stream and are refused with a clear message.)
    if (has_stream(head, "WordDocument")) return 90;
    if (has_stream(head, "EncryptedPackage")) return ext == ".docx" ? 0 : 70;
    return word_ext(ext) ? 85 : 0;
  }
  if (head.starts_with("{\\rtf") && word_ext(ext)) return 70;  // RTF saved as .doc
  return 0;
}

Document parse_doc(const std::filesystem::path& path, std::string_view bytes,
                   OfficeConverter& converter, const ZipLimits& limits) {
  const std::string file = path.string();
  if (path.filename().string().starts_with("~$"))
    throw InputError("skipped: " + file + " is a Word lock file (~$...), not a document");
  if (bytes.empty()) throw InputError(file + ": empty file");
  const bool ole = bytes.starts_with(kOleSignature);
  if (!ole && !bytes.starts_with("{\\rtf"))
    throw InputError(file + ": not a Word 97-2003 or WPS file (no OLE compound-file signature)");
  if (ole && has_stream(bytes, "EncryptedPackage"))
    throw InputError(file +
                     ": password-protected Office document; save a copy without the "
                     "password first");
  Document doc = parse_docx(path, converter.to_docx(file, bytes), limits);
  const std::string ext = lower_ext(path);
  doc.source.format = ole ? (ext == ".wps" || ext == ".wpt" ? "wps" : "doc") : "rtf";
  doc.source.properties["converted_by"] = "LibreOffice (soffice --convert-to docx)";
  return doc;
}

}  // namespace docpipe::readers
