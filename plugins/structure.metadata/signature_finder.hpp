// The signature block at the end of a report: issuing organization and date
// (共青团西湖区委 2020年5月29日), on one line or two.
#pragma once

#include <docpipe/model.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "period_parser.hpp"

namespace docpipe::structure {

struct SignatureHit {
  std::vector<std::size_t> blocks;          // the signature's blocks, in order
  std::optional<std::string> organization;  // text of the organization part
  std::optional<std::string> date;          // YYYY-MM-DD
};

class SignatureFinder {
 public:
  // `is_org` tells whether a short line names an organization.
  SignatureFinder(const PeriodParser& periods, std::function<bool(std::string_view)> is_org,
                  int max_chars = 40)
      : periods_(periods), is_org_(std::move(is_org)), max_chars_(max_chars) {}
  std::optional<SignatureHit> find(const Document& doc) const;

 private:
  bool short_plain_line(const Block& b) const;
  const PeriodParser& periods_;
  std::function<bool(std::string_view)> is_org_;
  int max_chars_;
};

}  // namespace docpipe::structure
