#define PCRE2_CODE_UNIT_WIDTH 8
#include "docpipe/kit/regex.hpp"

#include <pcre2.h>

#include <algorithm>
#include <docpipe/error.hpp>

namespace docpipe::kit {

std::string_view Match::group(std::string_view subject, std::size_t i) const {
  if (i >= groups.size() || !groups[i].matched()) return {};
  return subject.substr(groups[i].begin, groups[i].size());
}

struct Regex::Impl {
  pcre2_code* code = nullptr;
  // Match data is per call (an instance may be shared read-only), sized once.
  std::uint32_t capture_count = 0;
  ~Impl() {
    if (code) pcre2_code_free(code);
  }
};

Regex::Regex(const std::string& pattern, bool caseless)
    : impl_(std::make_unique<Impl>()), pattern_(pattern) {
  int err = 0;
  PCRE2_SIZE err_off = 0;
  std::uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
  if (caseless) options |= PCRE2_CASELESS;
  impl_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options,
                              &err, &err_off, nullptr);
  if (!impl_->code) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(err, buf, sizeof buf);
    throw ConfigError("bad pattern '" + pattern + "' at offset " + std::to_string(err_off) + ": " +
                      reinterpret_cast<const char*>(buf));
  }
  pcre2_jit_compile(impl_->code,
                    PCRE2_JIT_COMPLETE);  // falls back to the interpreter if JIT is absent
  pcre2_pattern_info(impl_->code, PCRE2_INFO_CAPTURECOUNT, &impl_->capture_count);
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

namespace {
// Match data reused by every search on this thread (instances are per worker
// thread, so no locking); patterns with more groups get their own per call.
constexpr std::uint32_t kSharedPairs = 32;
struct SharedMatchData {
  pcre2_match_data* md = pcre2_match_data_create(kSharedPairs, nullptr);
  ~SharedMatchData() { pcre2_match_data_free(md); }
};
}  // namespace

bool Regex::search(std::string_view subject, Match& m, std::size_t start) const {
  if (start > subject.size()) return false;
  thread_local SharedMatchData shared;
  bool own = impl_->capture_count + 1 > kSharedPairs;
  pcre2_match_data* md =
      own ? pcre2_match_data_create_from_pattern(impl_->code, nullptr) : shared.md;
  int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                       start, PCRE2_NO_UTF_CHECK, md, nullptr);
  bool ok = rc > 0;
  if (ok) {
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    m.groups.assign(impl_->capture_count + 1, Match::Span{});
    for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(rc) && i <= impl_->capture_count;
         ++i) {
      if (ov[2 * i] == PCRE2_UNSET) continue;
      m.groups[i] = {ov[2 * i], ov[2 * i + 1]};
    }
  }
  if (own) pcre2_match_data_free(md);
  return ok;
}

int Regex::group_number(const char* name) const {
  int n = pcre2_substring_number_from_name(impl_->code, reinterpret_cast<PCRE2_SPTR>(name));
  return n < 0 ? -1 : n;
}

std::optional<Match> Regex::find(std::string_view subject, std::size_t start) const {
  Match m;
  if (!search(subject, m, start)) return std::nullopt;
  return m;
}

bool Regex::contains(std::string_view subject) const {
  Match m;
  return search(subject, m);
}

bool Regex::full_match(std::string_view subject) const {
  Match m;
  std::size_t pos = 0;
  // The leftmost match may be shorter than the subject although another one
  // spans it; patterns used with full_match are written anchored-friendly.
  return search(subject, m, pos) && m.begin() == 0 && m.end() == subject.size();
}

std::vector<Match> Regex::find_all(std::string_view subject) const {
  std::vector<Match> out;
  std::size_t pos = 0;
  Match m;
  while (pos <= subject.size() && search(subject, m, pos)) {
    std::size_t next = m.end();
    if (next == m.begin()) {  // empty match: step over one code point
      next = m.begin() + 1;
      while (next < subject.size() && (static_cast<unsigned char>(subject[next]) & 0xC0) == 0x80)
        ++next;
    }
    out.push_back(m);
    pos = next;
  }
  return out;
}

std::string Regex::replace_all(
    std::string_view subject,
    const std::function<std::string(std::string_view, const Match&)>& fn) const {
  std::string out;
  std::size_t last = 0;
  for (const auto& m : find_all(subject)) {
    out.append(subject.substr(last, m.begin() - last));
    out += fn(subject, m);
    last = m.end();
  }
  out.append(subject.substr(last));
  return out;
}

std::string regex_escape(std::string_view literal) {
  std::string out;
  for (char c : literal) {
    if (std::string_view("\\^$.|?*+()[]{}-/#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string regex_alternation(std::vector<std::string> words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += '|';
    out += regex_escape(w);
  }
  return out.empty() ? "(?!)" : out;
}

}  // namespace docpipe::kit
