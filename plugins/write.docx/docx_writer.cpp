#include "docx_writer.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "docx_properties.hpp"
#include "opc_package.hpp"

namespace docpipe::docx {

namespace {

constexpr const char* kOfficeRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kWordMl = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

std::string w3cdtf(long long seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string rel_type(const char* name) { return std::string(kOfficeRel) + name; }
std::string word_type(const char* name) { return std::string(kWordMl) + name; }

}  // namespace

long long creation_time() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && v > 0) return v;
  }
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string docx_bytes(const Document& doc, const Preset& preset, const DocxOptions& opts,
                       SharedParts* shared) {
  const long long now = creation_time();
  Body body = build_body(doc, preset, opts.body);

  OpcPackage pkg;
  pkg.add_part("word/document.xml", word_type("document.main+xml"), std::move(body.xml));
  // The preset's parts are the same in every document: deflated once.
  pkg.add_part("word/styles.xml", word_type("styles+xml"), preset.styles_xml(), true);
  pkg.add_part("word/settings.xml", word_type("settings+xml"), preset.settings_xml(), true);
  pkg.add_part("word/fontTable.xml", word_type("fontTable+xml"), preset.font_table_xml(), true);
  pkg.add_part("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
               core_properties_xml(doc, w3cdtf(now)));
  pkg.add_part("docProps/app.xml",
               "application/vnd.openxmlformats-officedocument.extended-properties+xml",
               app_properties_xml(doc, opts.application));

  pkg.add_relationship("", {"rId1", rel_type("officeDocument"), "word/document.xml"});
  pkg.add_relationship(
      "", {"rId2",
           "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
           "docProps/core.xml"});
  pkg.add_relationship("", {"rId3", rel_type("extended-properties"), "docProps/app.xml"});

  const std::string main = "word/document.xml";
  pkg.add_relationship(main, {"rIdStyles", rel_type("styles"), "styles.xml"});
  pkg.add_relationship(main, {"rIdSettings", rel_type("settings"), "settings.xml"});
  pkg.add_relationship(main, {"rIdFontTable", rel_type("fontTable"), "fontTable.xml"});
  // numbering.xml only when a list needs it (items without their own marker).
  if (body.uses_bullets) {
    pkg.add_part("word/numbering.xml", word_type("numbering+xml"), preset.bullets_numbering_xml(),
                 true);
    pkg.add_relationship(main, {"rIdNumbering", rel_type("numbering"), "numbering.xml"});
  }
  int n = 0;
  for (const auto& footer : preset.footers()) {
    std::string file = "footer" + std::to_string(++n) + ".xml";
    pkg.add_part("word/" + file, word_type("footer+xml"), footer.xml, true);
    pkg.add_relationship(main, {footer.rel_id, rel_type("footer"), file});
  }
  return pkg.to_bytes(now, shared);
}

}  // namespace docpipe::docx
