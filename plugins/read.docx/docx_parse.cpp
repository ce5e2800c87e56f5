#include "docx_parse.hpp"

#include <docpipe/error.hpp>
#include <pugixml.hpp>

#include "docx_body.hpp"
#include "docx_numbering.hpp"
#include "docx_styles.hpp"
#include "docx_xml.hpp"

namespace docpipe::readers {
using namespace ooxml;
namespace {

const std::string_view kOleSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

void parse_xml(const std::string& file, const std::string& part, const std::string& bytes,
               pugi::xml_document& out) {
  auto r = out.load_buffer(bytes.data(), bytes.size(),
                           pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!r)
    throw InputError(file + ": " + part + " is not well-formed XML: " + r.description() +
                     " at byte " + std::to_string(r.offset));
}

// Part targets from a .rels file by relationship type suffix
// (".../officeDocument", ".../styles", ".../numbering").
std::string rel_target(const pugi::xml_document& rels, std::string_view type_suffix) {
  for (auto r : rels.document_element().children()) {
    std::string type = attr(r, "Type").value();
    if (type.size() >= type_suffix.size() && type.ends_with(type_suffix))
      return attr(r, "Target").value();
  }
  return "";
}

// Resolves a relationship target relative to the folder of the source part.
std::string resolve(const std::string& base_dir, std::string target) {
  if (target.starts_with("/")) return target.substr(1);
  std::string dir = base_dir;
  while (target.starts_with("../")) {
    target = target.substr(3);
    auto slash = dir.find_last_of('/', dir.size() >= 2 ? dir.size() - 2 : 0);
    dir = slash == std::string::npos ? "" : dir.substr(0, slash + 1);
  }
  return dir + target;
}

void read_core_properties(ZipPackage& zip, const std::string& file, Document& doc) {
  auto core = zip.read("docProps/core.xml");
  if (!core) return;
  pugi::xml_document xml;
  if (!xml.load_buffer(core->data(), core->size())) {
    doc.diagnose(Level::warning, "docProps/core.xml is not well-formed XML; properties ignored");
    return;
  }
  (void)file;
  for (auto n : xml.document_element().children()) {
    auto name = local(n);
    std::string key;
    if (name == "title")
      key = "title";
    else if (name == "creator")
      key = "creator";
    else if (name == "created")
      key = "created";
    else if (name == "modified")
      key = "modified";
    else if (name == "lastModifiedBy")
      key = "last_modified_by";
    else if (name == "subject")
      key = "subject";
    else if (name == "keywords")
      key = "keywords";
    else
      continue;
    std::string v = n.text().get();
    if (!v.empty()) doc.source.properties[key] = v;
  }
}

}  // namespace

int sniff_docx(const std::filesystem::path& path, std::string_view head) {
  auto ext = path.extension().string();
  bool docx_ext = ext == ".docx" || ext == ".DOCX" || ext == ".docm" || ext == ".dotx";
  if (head.starts_with("PK\x03\x04")) {
    // The first local header names its entry; Word puts [Content_Types].xml
    // first, but any OOXML part name is evidence.
    if (head.find("word/") != std::string_view::npos) return 95;
    if (head.find("[Content_Types].xml") != std::string_view::npos) return docx_ext ? 90 : 40;
    return docx_ext ? 70 : 5;
  }
  // Legacy .doc and encrypted .docx are OLE files: claim them with a .doc(x)
  // extension so the user gets our clear error instead of "no reader".
  if (head.starts_with(kOleSignature)) return docx_ext || ext == ".doc" ? 60 : 0;
  auto fname = path.filename().string();
  if (fname.starts_with("~$") && docx_ext) return 90;  // lock file: we skip it with a note
  return docx_ext ? 20 : 0;
}

Document parse_docx(const std::filesystem::path& path, std::string_view bytes,
                    const ZipLimits& limits) {
  const std::string file = path.string();
  if (path.filename().string().starts_with("~$"))
    throw SkippedInput("skipped: " + file + " is a Word lock file (~$...), not a document");
  if (bytes.empty()) throw InputError(file + ": empty file");
  if (bytes.starts_with(kOleSignature))
    throw InputError(file +
                     ": an OLE compound file, not a DOCX package: a legacy Word .doc or a "
                     "password-protected (encrypted) .docx; save it as .docx without a password");
  if (!bytes.starts_with("PK")) throw InputError(file + ": not a DOCX file (no ZIP signature)");

  ZipPackage zip(file, bytes, limits);
  std::string main_part = "word/document.xml";
  if (auto rels = zip.read("_rels/.rels")) {
    pugi::xml_document x;
    if (x.load_buffer(rels->data(), rels->size())) {
      std::string t = rel_target(x, "/officeDocument");
      if (!t.empty()) main_part = resolve("", t);
    }
  }
  auto document = zip.read(main_part);
  if (!document && main_part != "word/document.xml") {
    main_part = "word/document.xml";
    document = zip.read(main_part);
  }
  if (!document) throw InputError(file + ": not a Word document: the package has no " + main_part);

  std::string dir = main_part.substr(0, main_part.find_last_of('/') + 1);
  std::string rels_path = dir + "_rels/" + main_part.substr(dir.size()) + ".rels";
  std::string styles_part = dir + "styles.xml", numbering_part = dir + "numbering.xml";
  std::string footnotes_part = dir + "footnotes.xml", endnotes_part = dir + "endnotes.xml";
  if (auto rels = zip.read(rels_path)) {
    pugi::xml_document x;
    if (x.load_buffer(rels->data(), rels->size())) {
      if (auto t = rel_target(x, "/styles"); !t.empty()) styles_part = resolve(dir, t);
      if (auto t = rel_target(x, "/numbering"); !t.empty()) numbering_part = resolve(dir, t);
      if (auto t = rel_target(x, "/footnotes"); !t.empty()) footnotes_part = resolve(dir, t);
      if (auto t = rel_target(x, "/endnotes"); !t.empty()) endnotes_part = resolve(dir, t);
    }
  }

  Document doc;
  doc.source.format = "docx";
  doc.source.encoding = "UTF-8";  // XML parts; pugixml honours their declaration

  DocxStyles styles;
  if (auto s = zip.read(styles_part)) {
    pugi::xml_document x;
    parse_xml(file, styles_part, *s, x);
    styles.load(x);
  }
  DocxNumbering numbering;
  if (auto n = zip.read(numbering_part)) {
    pugi::xml_document x;
    parse_xml(file, numbering_part, *n, x);
    numbering.load(x);
  }

  pugi::xml_document xml;
  parse_xml(file, main_part, *document, xml);
  auto body = child(xml.document_element(), "body");
  if (!body) throw InputError(file + ": " + main_part + " has no w:body element");
  DocxBody reader(file, styles, numbering);
  pugi::xml_document footnotes, endnotes;
  if (auto f = zip.read(footnotes_part)) parse_xml(file, footnotes_part, *f, footnotes);
  if (auto e = zip.read(endnotes_part)) parse_xml(file, endnotes_part, *e, endnotes);
  reader.set_notes(footnotes.document_element(), endnotes.document_element());
  reader.read(body, doc);

  read_core_properties(zip, file, doc);
  if (doc.blocks.empty()) doc.diagnose(Level::warning, "the document body has no text");
  return doc;
}

}  // namespace docpipe::readers
