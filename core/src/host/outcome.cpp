#include "host/outcome.hpp"

#include <array>
#include <stdexcept>
#include <utility>

namespace docpipe::host {

namespace {

constexpr std::array<std::pair<Outcome, std::string_view>, 7> kOutcomes{{
    {Outcome::ok, "ok"},
    {Outcome::partial, "partial"},
    {Outcome::failed, "failed"},
    {Outcome::timeout, "timeout"},
    {Outcome::crashed, "crashed"},
    {Outcome::skipped, "skipped"},
    {Outcome::to_process, "process"},
}};

constexpr std::array<std::pair<ErrorKind, std::string_view>, 5> kKinds{{
    {ErrorKind::none, ""},
    {ErrorKind::input, "input"},
    {ErrorKind::plugin, "plugin"},
    {ErrorKind::limit_exceeded, "limit"},
    {ErrorKind::not_a_document, "not a document"},
}};

template <typename E, std::size_t N>
std::string_view word_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [value, word] : table)
    if (value == e) return word;
  return "?";
}

template <typename E, std::size_t N>
E value_of(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s,
           const char* what) {
  for (const auto& [value, word] : table)
    if (word == s) return value;
  throw std::invalid_argument(std::string("unknown ") + what + " '" + std::string(s) + "'");
}

}  // namespace

std::string_view to_string(Outcome o) { return word_of(kOutcomes, o); }
std::string_view to_string(ErrorKind k) { return word_of(kKinds, k); }
Outcome outcome_from_string(std::string_view s) { return value_of(kOutcomes, s, "outcome"); }
ErrorKind error_kind_from_string(std::string_view s) { return value_of(kKinds, s, "error kind"); }

}  // namespace docpipe::host
