#include <gtest/gtest.h>

#include <docpipe/kit/cn_numerals.hpp>
#include <docpipe/text.hpp>

using namespace docpipe::kit;

static std::optional<long long> cn(const char* s) {
  return parse_cn_integer(docpipe::text::to_u32(s));
}

TEST(Numerals, ChineseCountingForm) {
  EXPECT_EQ(cn("十四"), 14);
  EXPECT_EQ(cn("二十九"), 29);
  EXPECT_EQ(cn("一百零五"), 105);
  EXPECT_EQ(cn("两千"), 2000);
  EXPECT_EQ(cn("百"), 100);
  EXPECT_EQ(cn("十万"), 100000);
  EXPECT_EQ(cn("一亿五千万"), 150000000);
  EXPECT_EQ(cn("三千五百万"), 35000000);
}

TEST(Numerals, ChineseDigitForm) {
  EXPECT_EQ(cn("二〇二〇"), 2020);
  EXPECT_EQ(cn("二零一七"), 2017);
}

TEST(Numerals, NotANumeral) {
  EXPECT_FALSE(cn("一是"));
  EXPECT_FALSE(cn(""));
  EXPECT_FALSE(parse_arabic("12a"));
  EXPECT_FALSE(parse_arabic(""));
}

TEST(Numerals, Arabic) {
  EXPECT_DOUBLE_EQ(*parse_arabic("1,983"), 1983);
  EXPECT_DOUBLE_EQ(*parse_arabic("57.2"), 57.2);
  EXPECT_DOUBLE_EQ(*parse_arabic("１２"), 12);
  EXPECT_DOUBLE_EQ(*parse_any_number("三十"), 30);
}
