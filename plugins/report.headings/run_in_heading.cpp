#include "run_in_heading.hpp"

#include "docpipe/text.hpp"

namespace docpipe::report {

std::size_t run_in_heading_end(std::string_view utf8) {
  static constexpr std::string_view kFullStop = "。";
  auto pos = utf8.find(kFullStop);
  if (pos == std::string_view::npos) return std::string_view::npos;
  std::size_t end = pos + kFullStop.size();
  if (text::trim(utf8.substr(end)).empty()) return std::string_view::npos;
  return end;
}

}  // namespace docpipe::report
