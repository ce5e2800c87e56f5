// Finds personal data in UTF-8 text with a hand-written scanner (no regex):
// mainland mobile numbers, 18-character resident ID-card numbers and e-mail
// addresses. Only ASCII bytes are inspected, so multi-byte Chinese text
// around a number never splits a character.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pii {

enum class Kind { mobile, id_card, email };
const char* to_string(Kind k);

struct Match {
  std::size_t begin = 0;  // byte offsets into the scanned text
  std::size_t end = 0;
  Kind kind = Kind::mobile;
};

struct ScanOptions {
  bool mobile = true;
  bool id_card = true;
  // Only IDs whose last character is the GB 11643 check digit of the first
  // 17: an 18-digit invoice or account number is left alone.
  bool id_card_checksum = true;
  bool email = true;
};

// Non-overlapping matches in text order.
std::vector<Match> scan(std::string_view text, const ScanOptions& opts);

// The masked form of one match: mobile 138****5678 (separators kept),
// ID 110101********123X, e-mail z*****@example.com. `mask` replaces each
// hidden ASCII character.
std::string mask(std::string_view token, Kind kind, std::string_view mask);

// True when the 18-character ID's check digit is right.
bool id_checksum_ok(std::string_view id18);

}  // namespace pii
