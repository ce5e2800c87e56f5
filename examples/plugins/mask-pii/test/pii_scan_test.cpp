// Unit tests of the PII scanner: what is masked, what is left alone.
#include "pii_scan.hpp"

#include <cstdio>
#include <string>

namespace {

int failures = 0;

// Masks every match in `in` and compares with `want`.
void expect_masked(const std::string& in, const std::string& want, pii::ScanOptions opts = {}) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& m : pii::scan(in, opts)) {
    out.append(in, pos, m.begin - pos);
    out += pii::mask(std::string_view(in).substr(m.begin, m.end - m.begin), m.kind, "*");
    pos = m.end;
  }
  out.append(in, pos);
  if (out != want) {
    std::fprintf(stderr, "FAIL\n  input: %s\n  got:   %s\n  want:  %s\n", in.c_str(), out.c_str(),
                 want.c_str());
    ++failures;
  }
}

}  // namespace

int main() {
  // Mobile numbers, inside Chinese text, grouped, with a country code.
  expect_masked("联系电话13812345678，请回复。", "联系电话138****5678，请回复。");
  expect_masked("手机：138-1234-5678", "手机：138-****-5678");
  expect_masked("手机 138 1234 5678。", "手机 138 **** 5678。");
  expect_masked("+8613912345678", "+86139****5678");
  // Not mobiles: wrong prefix, part of a longer number, glued to letters.
  expect_masked("编号12812345678", "编号12812345678");
  expect_masked("单号1381234567890", "单号1381234567890");
  expect_masked("ID a13812345678", "ID a13812345678");
  expect_masked("138-12345678", "138-12345678");
  // ID cards: valid check digit (including X), invalid one left alone.
  expect_masked("身份证号11010519491231002X。", "身份证号110105********002X。");
  expect_masked("身份证号110105194912310021", "身份证号110105194912310021");
  expect_masked("身份证号110105194912310021", "身份证号110105********0021",
                {.mobile = true, .id_card = true, .id_card_checksum = false, .email = true});
  // E-mail addresses; the digits of a QQ address are one e-mail, not a mobile.
  expect_masked("邮箱：zhang.san@example.gov.cn。", "邮箱：z********@example.gov.cn。");
  expect_masked("13812345678@qq.com", "1**********@qq.com");
  expect_masked("a@b 和 x@y.c 不是地址", "a@b 和 x@y.c 不是地址");
  // Switched off kinds stay.
  expect_masked("13812345678 a@example.com", "13812345678 a@example.com",
                {.mobile = false, .id_card = true, .id_card_checksum = true, .email = false});
  if (!pii::id_checksum_ok("11010519491231002X") || pii::id_checksum_ok("110105194912310021")) {
    std::fprintf(stderr, "FAIL id_checksum_ok\n");
    ++failures;
  }
  if (failures) std::fprintf(stderr, "%d failure(s)\n", failures);
  return failures ? 1 : 0;
}
