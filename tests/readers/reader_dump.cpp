// readers_dump FILE...: prints what our readers make of a file (one block per
// line: kind, level, marker, text; table cells joined by " | "). For
// debugging fixtures and for the pandoc comparison test.
#include <docpipe/error.hpp>
#include <docpipe/kit/data_files.hpp>
#include <iostream>

#include "docx_parse.hpp"
#include "fixture_util.hpp"
#include "html_parse.hpp"
#include "pdf_parse.hpp"
#include "txt_parse.hpp"

int main(int argc, char** argv) {
  int rc = 0;
  bool text_only = false;  // --text: block texts only (the HTML quality bench)
  docpipe::readers::ExtractOptions html_options;
  html_options.boilerplate = docpipe::kit::read_list_file(READERS_BOILERPLATE);
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--text") {
      text_only = true;
      continue;
    }
    std::filesystem::path p = argv[i];
    std::string bytes = readers_test::slurp(p);
    try {
      docpipe::Document doc;
      if (docpipe::readers::sniff_pdf(p, bytes) >= 50)
        doc = docpipe::readers::parse_pdf(p, bytes);
      else if (docpipe::readers::sniff_docx(p, bytes) >= 50)
        doc = docpipe::readers::parse_docx(p, bytes);
      else if (docpipe::readers::sniff_html(p, bytes) >= 50)
        doc = docpipe::readers::parse_html(p, bytes, html_options);
      else
        doc = docpipe::readers::parse_text_file(p, bytes);
      if (text_only) {
        // The bench compares article bodies: the gold and both reference
        // extractors keep the headline apart (Readability's article.title),
        // so the heading read.html found as the title is left out here.
        auto h1 = doc.source.properties.find("html_h1");
        if (h1 != doc.source.properties.end())
          std::erase_if(doc.blocks, [&](const docpipe::Block& b) {
            return b.kind == docpipe::BlockKind::heading && b.text == h1->second;
          });
        std::cout << doc.body_text() << "\n";
        continue;
      }
      const auto& page = doc.metadata.page;
      if (page.site) std::cout << "# page.site: " << *page.site << "\n";
      if (page.url) std::cout << "# page.url: " << *page.url << "\n";
      if (page.published) std::cout << "# page.published: " << *page.published << "\n";
      for (const auto& t : page.tags) std::cout << "# page.tag: " << t << "\n";
      std::cout << "# encoding: " << doc.source.encoding << " " << doc.source.encoding_confidence
                << "\n";
      for (const auto& [k, v] : doc.source.properties) std::cout << "# " << k << ": " << v << "\n";
      for (const auto& b : doc.blocks) {
        std::cout << docpipe::to_string(b.kind) << "\t" << b.level << "\t" << b.marker << "\t";
        if (b.kind == docpipe::BlockKind::table) {
          for (const auto& row : b.rows) {
            std::string line;
            for (std::size_t c = 0; c < row.size(); ++c) line += (c ? " | " : "") + row[c];
            std::cout << "[" << line << "] ";
          }
        } else {
          std::cout << b.text;
        }
        std::cout << "\n";
      }
      for (const auto& d : doc.diagnostics) std::cout << "! " << d.message << "\n";
    } catch (const docpipe::InputError& e) {
      std::cout << "ERROR " << e.what() << "\n";
      rc = 1;
    }
  }
  return rc;
}
