#include "html_parse.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <cctype>
#include <docpipe/error.hpp>
#include <docpipe/kit/file_signature.hpp>
#include <docpipe/text.hpp>
#include <memory>

#include "html_charset.hpp"
#include "html_meta.hpp"
#include "html_sanitize.hpp"

namespace docpipe::readers {
namespace {

std::string lower_head(std::string_view b, std::size_t n) {
  std::string s(b.substr(0, n));
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct HtmlDocDeleter {
  void operator()(htmlDocPtr d) const { xmlFreeDoc(d); }
};

}  // namespace

int sniff_html(const std::filesystem::path& path, std::string_view head) {
  auto ext = lower_head(path.extension().string(), 16);
  bool html_ext =
      ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml" || ext == ".mht";
  if (!kit::binary_signature(head).empty()) return 0;
  // UTF-16 pages: look at the bytes without the NULs.
  std::string probe;
  for (char c : head.substr(0, 4096))
    if (c != '\0') probe += c;
  std::string h = lower_head(probe, 4096);
  if (h.find("<!doctype html") != std::string::npos || h.find("<html") != std::string::npos)
    return 95;
  if (h.find("<head") != std::string::npos || h.find("<body") != std::string::npos ||
      h.find("<meta") != std::string::npos)
    return 85;
  if (h.find("<div") != std::string::npos || h.find("<p>") != std::string::npos)
    return html_ext ? 80 : 30;
  return html_ext ? 50 : 0;
}

Document parse_html(const std::filesystem::path& path, std::string_view bytes,
                    const ExtractOptions& options) {
  const std::string name = path.string();
  if (text::trim(bytes.substr(0, 4096)).empty() && text::trim(bytes).empty())
    throw InputError(name + ": empty file");
  if (auto what = kit::binary_signature(bytes); !what.empty())
    throw InputError(name + ": not an HTML page: looks like " + std::string(what));

  kit::EncodingGuess g = detect_html_encoding(bytes);
  kit::Decoded d = kit::decode_to_utf8(bytes.substr(g.bom_size), g.name);
  std::size_t controls = 0;
  for (unsigned char c : d.utf8)
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  if (controls * 20 > d.utf8.size() || d.invalid_bytes * 5 > bytes.size())
    throw InputError(name + ": not an HTML page: binary content");

  MarkupRepairs repairs = sanitize_markup(d.utf8);

  // libxml2 gets UTF-8 and is told so; its own meta sniffing is bypassed.
  // XML_PARSE_HUGE (libxml2 2.9 has no HTML_PARSE_HUGE name for it, but
  // htmlReadMemory honours it): without it a text node is cut at 10 MB and
  // the page at a nesting depth of 256, silently.
  int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
              HTML_PARSE_COMPACT | XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, HtmlDocDeleter> html(
      htmlReadMemory(d.utf8.data(), static_cast<int>(d.utf8.size()), nullptr, "UTF-8", flags));
  if (!html || !xmlDocGetRootElement(html.get()))
    throw InputError(name + ": not an HTML page: the parser found no document element");

  Document doc;
  doc.source.format = "html";
  doc.source.encoding = g.name;
  doc.source.encoding_confidence = g.confidence;
  doc.source.properties["encoding_detected_by"] = g.how;
  if (d.invalid_bytes > 0)
    doc.diagnose(Level::warning, std::to_string(d.invalid_bytes) +
                                     " byte(s) could not be decoded as " + g.name +
                                     " and became U+FFFD");
  if (repairs.controls)
    doc.diagnose(Level::warning, name + ": " + std::to_string(repairs.controls) +
                                     " NUL or other control byte(s) removed before parsing");
  if (repairs.attributes_dropped)
    doc.diagnose(Level::warning, name + ": " + std::to_string(repairs.crowded_elements) +
                                     " element(s) with more than " +
                                     std::to_string(kMaxAttributes) + " attributes; " +
                                     std::to_string(repairs.attributes_dropped) +
                                     " attribute(s) beyond that were not read");
  if (repairs.tags_dropped)
    doc.diagnose(Level::warning, name + ": elements nested more than " +
                                     std::to_string(kMaxNesting) + " deep; " +
                                     std::to_string(repairs.tags_dropped) +
                                     " of their tags were removed, their text kept");
  if (auto flat = flatten_deep_elements(html.get()))
    doc.diagnose(Level::warning, name + ": " + std::to_string(flat) + " element(s) deeper than " +
                                     std::to_string(kMaxTreeDepth) +
                                     " levels in the parsed tree were read as plain text");
  read_page_metadata(html.get(), doc);
  strip_non_content(html.get());
  extract_main_content(html.get(), options, doc);
  if (doc.blocks.empty()) doc.diagnose(Level::warning, "no main content found on the page");
  return doc;
}

}  // namespace docpipe::readers
