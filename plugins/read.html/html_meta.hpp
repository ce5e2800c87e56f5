// What a page says about itself: <title>, og:title, og:site_name, canonical
// URL, publish time (article:published_time, <time>, a date near the title)
// and keywords. Call before strip_non_content(), which removes <head>.
#pragma once

#include <libxml/HTMLparser.h>

#include <docpipe/model.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace docpipe::readers {

// First date in text such as "2023-05-29 10:30", "2023/5/29", "2023年5月29日",
// as ISO 8601 ("2023-05-29" or "2023-05-29T10:30"), or nullopt.
std::optional<std::string> find_date(std::string_view text);

// Fills doc.metadata.page and doc.source.properties["html_title"] (and
// "og_title", "description", "author" when present).
void read_page_metadata(htmlDocPtr html, Document& doc);

}  // namespace docpipe::readers
