#include "pii_scan.hpp"

namespace pii {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
bool is_email_local(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_email_domain(char c) { return is_alnum(c) || c == '.' || c == '-'; }

// A number must not be glued to letters or digits on either side, or it is
// part of something longer (an order number, a URL path, a hash).
bool boundary_before(std::string_view s, std::size_t i) { return i == 0 || !is_alnum(s[i - 1]); }
bool boundary_after(std::string_view s, std::size_t i) { return i >= s.size() || !is_alnum(s[i]); }

// 1[3-9]xxxxxxxxx, optionally grouped 3-4-4 by one kind of separator
// ('-' or ' '). Returns the length matched at i, 0 if none.
std::size_t mobile_at(std::string_view s, std::size_t i) {
  if (i + 11 > s.size() || s[i] != '1' || s[i + 1] < '3' || s[i + 1] > '9') return 0;
  std::size_t n = 0, pos = i;
  char sep = 0;
  while (pos < s.size() && n < 11) {
    if (is_digit(s[pos])) {
      ++n;
      ++pos;
      continue;
    }
    bool at_group = (n == 3 || n == 7) && (s[pos] == '-' || s[pos] == ' ');
    if (!at_group || (sep && s[pos] != sep) || (n == 7 && !sep)) return 0;
    sep = s[pos++];
  }
  if (n != 11 || (sep && pos - i != 13)) return 0;
  return boundary_after(s, pos) ? pos - i : 0;
}

std::size_t id_card_at(std::string_view s, std::size_t i, bool checksum) {
  if (i + 18 > s.size()) return 0;
  for (std::size_t k = 0; k < 17; ++k)
    if (!is_digit(s[i + k])) return 0;
  char last = s[i + 17];
  if (!is_digit(last) && last != 'X' && last != 'x') return 0;
  if (!boundary_after(s, i + 18)) return 0;
  if (checksum && !id_checksum_ok(s.substr(i, 18))) return 0;
  return 18;
}

// An e-mail around the '@' at `at`: returns [begin, end) or begin == end.
std::pair<std::size_t, std::size_t> email_around(std::string_view s, std::size_t at) {
  std::size_t b = at;
  while (b > 0 && is_email_local(s[b - 1])) --b;
  while (b < at && s[b] == '.') ++b;  // a sentence's full stop is not the address
  std::size_t e = at + 1;
  while (e < s.size() && is_email_domain(s[e])) ++e;
  while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-')) --e;
  std::string_view domain = s.substr(at + 1, e - at - 1);
  auto dot = domain.rfind('.');
  if (b == at || dot == std::string_view::npos || dot == 0) return {at, at};
  std::string_view tld = domain.substr(dot + 1);
  if (tld.size() < 2) return {at, at};
  for (char c : tld)
    if (!is_alpha(c)) return {at, at};
  return {b, e};
}

}  // namespace

const char* to_string(Kind k) {
  switch (k) {
    case Kind::mobile:
      return "mobile";
    case Kind::id_card:
      return "id_card";
    case Kind::email:
      return "email";
  }
  return "unknown";
}

bool id_checksum_ok(std::string_view id) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  if (id.size() != 18) return false;
  int sum = 0;
  for (int k = 0; k < 17; ++k) {
    if (!is_digit(id[k])) return false;
    sum += (id[k] - '0') * kWeights[k];
  }
  char last = id[17] == 'x' ? 'X' : id[17];
  return kCheck[sum % 11] == last;
}

std::vector<Match> scan(std::string_view s, const ScanOptions& opts) {
  // E-mails first: "13812345678@qq.com" is one address, not a number
  // followed by a domain.
  std::vector<Match> emails;
  if (opts.email)
    for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
      auto [b, e] = email_around(s, at);
      if (b < e && (emails.empty() || emails.back().end <= b))
        emails.push_back({b, e, Kind::email});
    }
  std::vector<Match> out;
  auto next_email = emails.begin();
  std::size_t i = 0;
  while (i < s.size()) {
    if (next_email != emails.end() && i >= next_email->begin) {
      out.push_back(*next_email);
      i = next_email->end;
      ++next_email;
      continue;
    }
    if (is_digit(s[i]) && boundary_before(s, i)) {
      std::size_t limit = next_email != emails.end() ? next_email->begin : s.size();
      std::string_view head = s.substr(0, limit);
      if (opts.id_card)
        if (auto n = id_card_at(head, i, opts.id_card_checksum)) {
          out.push_back({i, i + n, Kind::id_card});
          i += n;
          continue;
        }
      if (opts.mobile) {
        // +8613812345678: the country code is glued to the number.
        std::size_t at = i;
        if (i > 0 && s[i - 1] == '+' && s.substr(i, 2) == "86") at = i + 2;
        if (auto n = mobile_at(head, at)) {
          out.push_back({at, at + n, Kind::mobile});
          i = at + n;
          continue;
        }
      }
      // Skip the rest of this digit run: a number inside it is not a match.
      while (i < s.size() && is_digit(s[i])) ++i;
      continue;
    }
    ++i;
  }
  return out;
}

std::string mask(std::string_view token, Kind kind, std::string_view m) {
  std::string out;
  switch (kind) {
    case Kind::mobile: {
      // Keep the first 3 and last 4 digits, as carriers print them.
      int digit = 0;
      for (char c : token) {
        if (!is_digit(c)) {
          out += c;
          continue;
        }
        ++digit;
        if (digit <= 3 || digit > 7)
          out += c;
        else
          out += m;
      }
      break;
    }
    case Kind::id_card:
      // Keep the region (6) and the last 4; hide the birth date and sequence.
      out.append(token.substr(0, 6));
      for (int k = 0; k < 8; ++k) out += m;
      out.append(token.substr(14));
      break;
    case Kind::email: {
      auto at = token.find('@');
      out += token[0];
      for (std::size_t k = 1; k < at; ++k) out += m;
      out.append(token.substr(at));
      break;
    }
  }
  return out;
}

}  // namespace pii
