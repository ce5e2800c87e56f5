#include "docpipe/text.hpp"

#include <gtest/gtest.h>

#include "docpipe/char_diff.hpp"

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

// The character diff as it was first written: the full table of common
// lengths. The bit-parallel one must choose the very same runs (review pages
// and `explain` stay byte-identical).
namespace {
std::vector<DiffPiece> diff_by_full_table(const std::u32string& a, const std::u32string& b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  std::vector<DiffPiece> out;
  auto push = [&](int op, char32_t c) {
    if (out.empty() || out.back().op != op) out.push_back({op, {}});
    out.back().text += c;
  };
  for (std::size_t i = 0; i < pre; ++i) push(0, a[i]);
  const std::u32string x = a.substr(pre, a.size() - pre - suf);
  const std::u32string y = b.substr(pre, b.size() - pre - suf);
  const std::size_t w = y.size() + 1;
  std::vector<std::uint32_t> table((x.size() + 1) * w, 0);
  auto lcs = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return table[i * w + j]; };
  for (std::size_t i = x.size(); i-- > 0;)
    for (std::size_t j = y.size(); j-- > 0;)
      lcs(i, j) = x[i] == y[j] ? lcs(i + 1, j + 1) + 1 : std::max(lcs(i + 1, j), lcs(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (i < x.size() && j < y.size() && x[i] == y[j]) {
      push(0, x[i]);
      ++i, ++j;
    } else if (i < x.size() && (j == y.size() || lcs(i + 1, j) >= lcs(i, j + 1))) {
      push(-1, x[i++]);
    } else {
      push(1, y[j++]);
    }
  }
  for (std::size_t k = a.size() - suf; k < a.size(); ++k) push(0, a[k]);
  return out;
}

bool same_pieces(const std::vector<DiffPiece>& a, const std::vector<DiffPiece>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].op != b[k].op || a[k].text != b[k].text) return false;
  return true;
}
}  // namespace

TEST(Text, CharDiffChoosesTheRunsOfTheFullTable) {
  std::uint64_t seed = 88172645463325252ull;  // xorshift: the same texts every run
  auto next = [&] {
    seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
    return seed;
  };
  const std::u32string letters = U"共青团区委工作总结计划abc，。";
  for (int round = 0; round < 2000; ++round) {
    // Lengths across word boundaries (63, 64, 65, 130...), few letters so
    // that ties between removals and additions are common.
    const std::size_t n = next() % 150, m = next() % 150, kinds = 2 + next() % 6;
    std::u32string a, b;
    for (std::size_t k = 0; k < n; ++k) a += letters[next() % kinds];
    for (std::size_t k = 0; k < m; ++k) b += letters[next() % kinds];
    // Pieces of a in b (a text and its edit share most of it).
    if (round % 2 && !a.empty()) b = a.substr(0, n / 3) + b.substr(0, m / 4) + a.substr(n / 2);
    ASSERT_TRUE(same_pieces(diff_chars(a, b), diff_by_full_table(a, b))) << "round " << round;
  }
}

TEST(Text, CharDiffMarksTheChangedCharacters) {
  auto d = diff_chars(U"健全完美团的组织", U"健全完善团的组织");
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].op, 0);
  EXPECT_EQ(d[0].text, U"健全完");
  EXPECT_EQ(d[1].op, -1);
  EXPECT_EQ(d[1].text, U"美");
  EXPECT_EQ(d[2].op, 1);
  EXPECT_EQ(d[2].text, U"善");
  EXPECT_EQ(d[3].text, U"团的组织");
}
