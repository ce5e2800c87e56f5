#define PCRE2_CODE_UNIT_WIDTH 8
#include "pcre_regex.hpp"

#include <pcre2.h>

#include <stdexcept>

namespace docpipe::structure {

Regex::Regex(const std::string& pattern) {
  int err = 0;
  PCRE2_SIZE off = 0;
  code_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                        PCRE2_UTF | PCRE2_UCP, &err, &off, nullptr);
  if (!code_) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof msg);
    throw std::invalid_argument("bad pattern at " + std::to_string(off) + ": " +
                                reinterpret_cast<char*>(msg) + " in " + pattern);
  }
  pcre2_jit_compile(code_,
                    PCRE2_JIT_COMPLETE);  // falls back to the interpreter if JIT is unavailable
  data_ = pcre2_match_data_create_from_pattern(code_, nullptr);
}

Regex::~Regex() {
  if (data_) pcre2_match_data_free(data_);
  if (code_) pcre2_code_free(code_);
}

Regex::Regex(Regex&& o) noexcept : code_(o.code_), data_(o.data_) {
  o.code_ = nullptr;
  o.data_ = nullptr;
}

Regex& Regex::operator=(Regex&& o) noexcept {
  if (this != &o) {
    this->~Regex();
    code_ = o.code_;
    data_ = o.data_;
    o.code_ = nullptr;
    o.data_ = nullptr;
  }
  return *this;
}

std::optional<RegexMatch> Regex::find(std::string_view subject, std::size_t start) const {
  if (start > subject.size()) return std::nullopt;
  int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), start,
                       0, data_, nullptr);
  if (rc <= 0) return std::nullopt;
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data_);
  std::uint32_t n = pcre2_get_ovector_count(data_);
  RegexMatch m;
  m.groups.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    bool set = i < static_cast<std::uint32_t>(rc) && ov[2 * i] != PCRE2_UNSET;
    m.groups.emplace_back(set ? ov[2 * i] : RegexMatch::npos,
                          set ? ov[2 * i + 1] : RegexMatch::npos);
  }
  return m;
}

std::vector<RegexMatch> Regex::find_all(std::string_view subject) const {
  std::vector<RegexMatch> out;
  std::size_t pos = 0;
  while (auto m = find(subject, pos)) {
    std::size_t next = m->end() > m->begin() ? m->end() : m->end() + 1;
    out.push_back(std::move(*m));
    // Step over a whole UTF-8 character after an empty match.
    while (next < subject.size() && (static_cast<unsigned char>(subject[next]) & 0xC0) == 0x80)
      ++next;
    if (next > subject.size()) break;
    pos = next;
  }
  return out;
}

int Regex::group(const char* name) const {
  int n = pcre2_substring_number_from_name(code_, reinterpret_cast<PCRE2_SPTR>(name));
  return n < 0 ? -1 : n;
}

}  // namespace docpipe::structure
