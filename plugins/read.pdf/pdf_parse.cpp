#include "pdf_parse.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <chrono>
#include <ctime>
#include <docpipe/error.hpp>
#include <docpipe/text.hpp>
#include <memory>
#include <vector>

#include "pdf_lines.hpp"

namespace docpipe::readers {
namespace {

std::string utf8(const poppler::ustring& u) {
  auto bytes = u.to_utf8();
  std::string s(bytes.begin(), bytes.end());
  // A PDF may carry anything in its strings; keep only valid UTF-8.
  return text::is_valid_utf8(s) ? s : text::to_utf8(text::to_u32(s));
}

std::string iso_time(time_t t) {
  if (t <= 0) return "";
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// poppler reports damaged objects on stderr by default; a nightly run over
// thousands of files must not fill its log with that. The messages are
// counted per thread instead and the count given as a diagnostic.
thread_local int poppler_messages = 0;
void count_message(const std::string&, void*) { ++poppler_messages; }

struct QuietPoppler {
  QuietPoppler() {
    poppler::set_debug_error_function(count_message, nullptr);
    poppler_messages = 0;
  }
};

void read_info(const poppler::document& pdf, Document& doc) {
  auto put = [&](const char* key, const std::string& value) {
    std::string v = text::trim(value);
    if (!v.empty()) doc.source.properties[key] = v;
  };
  // The same keys read.docx uses for a document's core properties.
  put("title", utf8(pdf.get_title()));
  put("creator", utf8(pdf.get_author()));
  put("subject", utf8(pdf.get_subject()));
  put("keywords", utf8(pdf.get_keywords()));
  put("created", iso_time(pdf.get_creation_date_t()));
  put("modified", iso_time(pdf.get_modification_date_t()));
  put("application", utf8(pdf.get_creator()));
  put("producer", utf8(pdf.get_producer()));
  int major = 0, minor = 0;
  pdf.get_pdf_version(&major, &minor);
  put("pdf_version", std::to_string(major) + "." + std::to_string(minor));
}

std::vector<pdf::Word> page_words(const poppler::page& page) {
  std::vector<pdf::Word> words;
  for (auto& box : page.text_list(poppler::page::text_list_include_font)) {
    pdf::Word w;
    w.text = utf8(box.text());
    auto r = box.bbox();
    w.x0 = r.left(), w.y0 = r.top(), w.x1 = r.right(), w.y1 = r.bottom();
    if (box.has_font_info()) {
      w.font_size = box.get_font_size();
      w.bold = pdf::bold_font_name(box.get_font_name());
    }
    w.space_after = box.has_space_after();
    words.push_back(std::move(w));
  }
  return words;
}

}  // namespace

int sniff_pdf(const std::filesystem::path& path, std::string_view head) {
  auto ext = path.extension().string();
  bool pdf_ext = ext == ".pdf" || ext == ".PDF" || ext == ".Pdf";
  // The header may follow up to 1 KiB of junk (the PDF reference allows it).
  auto at = head.substr(0, 1024).find("%PDF-");
  if (at == 0) return 95;
  if (at != std::string_view::npos) return 80;
  return pdf_ext ? 30 : 0;
}

Document parse_pdf(const std::filesystem::path& path, std::string_view bytes,
                   const PdfLimits& limits, const pdf::LayoutOptions& layout,
                   const std::string& stage) {
  const std::string file = path.string();
  const auto t0 = std::chrono::steady_clock::now();
  if (bytes.empty()) throw InputError(file + ": empty file");
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
    throw InputError(file + ": not a PDF (no %PDF- header)");
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw InputError(file + ": PDF too large for poppler");
  QuietPoppler quiet;
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf)
    throw InputError(file + ": PDF is damaged or truncated; poppler cannot open it (" +
                     std::to_string(poppler_messages) + " parser errors)");
  if (pdf->is_locked())
    throw InputError(file +
                     ": PDF is encrypted with a password; give the reader a copy without it "
                     "(e.g. `qpdf --password=… --decrypt in.pdf out.pdf`)");
  const int pages = pdf->pages();
  if (pages > limits.max_pages)
    throw InputError(file + ": PDF has " + std::to_string(pages) + " pages, more than read.pdf's " +
                     "max_pages (" + std::to_string(limits.max_pages) + ")");

  Document doc;
  doc.source.format = "pdf";
  doc.source.encoding = "UTF-8";
  read_info(*pdf, doc);
  doc.source.properties["pages"] = std::to_string(pages);

  std::vector<pdf::Page> laid;
  std::int64_t chars = 0;
  int unreadable = 0;
  for (int i = 0; i < pages; ++i) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (seconds > limits.max_seconds)
      throw InputError(file + ": reading took more than read.pdf's max_seconds (" +
                       std::to_string(static_cast<int>(limits.max_seconds)) + " s) at page " +
                       std::to_string(i + 1) + " of " + std::to_string(pages));
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    pdf::Page p;
    if (!page) {
      ++unreadable;
      laid.push_back(std::move(p));
      continue;
    }
    auto rect = page->page_rect();
    p.width = rect.width();
    p.height = rect.height();
    p.lines = pdf::group_lines(i, page_words(*page));
    for (const auto& l : p.lines) chars += static_cast<std::int64_t>(text::length(l.text));
    if (chars > limits.max_chars)
      throw InputError(file + ": PDF holds more than read.pdf's max_chars (" +
                       std::to_string(limits.max_chars) + ") characters of text");
    laid.push_back(std::move(p));
  }
  if (unreadable)
    doc.diagnose(Level::warning, file + ": " + std::to_string(unreadable) + " of " +
                                     std::to_string(pages) + " pages could not be read");
  if (poppler_messages)
    doc.diagnose(Level::warning, file + ": poppler reported " + std::to_string(poppler_messages) +
                                     " errors in the PDF's structure (text may be incomplete)");

  if (chars == 0) {
    // A scan: pages of images. Not an empty success: flagged, and an error
    // diagnostic makes the run report it.
    doc.set_flag("no_text_layer");
    doc.diagnose(Level::error, file + ": PDF has no text layer (" + std::to_string(pages) +
                                   " pages, no text: a scan?); run OCR on it first");
    doc.attribute_to_stage({}, stage);
    return doc;
  }
  pdf::drop_page_furniture(laid, doc, layout);
  pdf::build_blocks(laid, doc, layout);
  doc.attribute_to_stage({}, stage);
  return doc;
}

}  // namespace docpipe::readers
