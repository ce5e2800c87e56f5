#include "docpipe/text.hpp"

#include <gtest/gtest.h>

using namespace docpipe::text;

TEST(Text, Utf8RoundTrip) {
  std::string s = "共青團(tuán) A1 😀";
  EXPECT_EQ(to_utf8(to_u32(s)), s);
  EXPECT_EQ(length(s), 14u);
}

TEST(Text, InvalidBytesBecomeReplacementCharacters) {
  std::string bad =
      "a\xC0\xAF"
      "b\xE4\xB8";  // overlong '/', truncated sequence
  EXPECT_FALSE(is_valid_utf8(bad));
  auto u = to_u32(bad);
  EXPECT_EQ(u.front(), U'a');
  EXPECT_EQ(u[1], 0xFFFDu);
  EXPECT_TRUE(is_valid_utf8("共青团\xEF\xBF\xBD"));
  // Each form the validator must refuse, also behind a run of ASCII.
  for (const std::string bad_form :
       {"\xED\xA0\x80", "\xE0\x9F\xBF", "\xC1\xBF", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80",
        "\xF5\x80\x80\x80", "\x80", "\xE5\x9B", "\xE5\x41\x42"}) {
    EXPECT_FALSE(is_valid_utf8(bad_form)) << bad_form.size();
    EXPECT_FALSE(is_valid_utf8("ascii text, long enough " + bad_form + " and more"))
        << bad_form.size();
  }
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF \xE0\xA0\x80 \xC2\x80 eight-byte ascii runs"));
}

TEST(Text, LengthAndDecodingOfLongAndInvalidText) {
  // Long enough for the eight-bytes-at-a-time count, with every width.
  std::string mixed;
  for (int i = 0; i < 9; ++i) mixed += "a共é😀";
  EXPECT_EQ(length(mixed), 36u);
  EXPECT_EQ(to_u32(mixed).size(), 36u);
  EXPECT_EQ(to_utf8(to_u32(mixed)), mixed);
  // Stray continuation bytes are not counted as characters but each decodes
  // to a U+FFFD of its own; a cut-off sequence is one U+FFFD.
  const std::string stray = "\x80\x80\x80\x80\x80\x80\x80\x80\x80团\xE5";
  EXPECT_EQ(length(stray), 2u);
  const auto u = to_u32(stray);
  ASSERT_EQ(u.size(), 11u);
  EXPECT_EQ(u[0], 0xFFFDu);
  EXPECT_EQ(u[9], U'团');
  EXPECT_EQ(u[10], 0xFFFDu);
}

TEST(Text, DecodesTextLargerThanTheKeptRoomAndThenSmallTextAgain) {
  std::string big;
  while (big.size() <= (1u << 20) + 3) big += "共青团a";
  const auto u = to_u32(big);
  EXPECT_EQ(u.size(), length(big));
  EXPECT_EQ(to_utf8(u), big);
  EXPECT_EQ(to_u32("团委"), U"团委");
}

TEST(Text, XmlTextIsValidUtf8WithoutControlsOrNonCharacters) {
  EXPECT_TRUE(is_xml_text("共青团\t工作\n总结"));
  EXPECT_FALSE(is_xml_text("a\x01b"));
  EXPECT_FALSE(is_xml_text("a\rb"));
  EXPECT_FALSE(is_xml_text("\xEF\xBF\xBE"));  // U+FFFE
  EXPECT_FALSE(is_xml_text("a\xC0\xAF"));
}

TEST(Text, Classes) {
  EXPECT_TRUE(is_han(U'团'));
  EXPECT_FALSE(is_han(U'，'));
  EXPECT_TRUE(is_cjk_punct(U'，'));
  EXPECT_TRUE(is_cjk_punct(U'。'));
  EXPECT_FALSE(is_cjk_punct(U','));
  EXPECT_TRUE(is_space(0x00A0));
  EXPECT_TRUE(is_space(0x3000));
  EXPECT_FALSE(is_space(U'团'));
}

TEST(Text, TrimHandlesUnicodeSpaces) {
  EXPECT_EQ(trim("\xC2\xA0\xE3\x80\x80 团委 \t"), "团委");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("\xE3\x80\x80\xC2\xA0 "), "");               // only spaces
  EXPECT_EQ(trim("a\xE4\xB8"), "a\xE4\xB8");                  // a cut sequence is not a space
  EXPECT_EQ(trim(" \xF0\x9F\x98\x80 "), "\xF0\x9F\x98\x80");  // four-byte character
}

TEST(Text, Sha256MatchesKnownVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
