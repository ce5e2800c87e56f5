// Builds small documents for the structure tests: one paragraph per line.
#pragma once

#include <docpipe/model.hpp>
#include <initializer_list>
#include <string>
#include <vector>

namespace docpipe::structure::testing {

inline Document doc_of(const std::vector<std::string>& lines) {
  Document d;
  for (const auto& l : lines) {
    Block b;
    b.text = l;
    d.blocks.push_back(std::move(b));
  }
  return d;
}

inline Document doc_of(std::initializer_list<const char*> lines) {
  return doc_of(std::vector<std::string>(lines.begin(), lines.end()));
}

inline bool has_diagnostic(const Document& d, const std::string& needle) {
  for (const auto& x : d.diagnostics)
    if (x.message.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace docpipe::structure::testing
