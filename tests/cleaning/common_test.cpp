#include <gtest/gtest.h>

#include <docpipe/error.hpp>
#include <docpipe/kit/regex.hpp>
#include <docpipe/kit/trie.hpp>
#include <docpipe/text.hpp>

using docpipe::kit::Regex;
using docpipe::kit::Trie;

TEST(CleanCommon, TrieFindsLongestEntry) {
  Trie t;
  t.insert(std::string_view("前进"), 1);
  t.insert(std::string_view("前进前辈"), 2);
  auto u = docpipe::text::to_u32("评为前进前辈集体");
  EXPECT_EQ(t.longest_at(u, 2).value, 2);
  EXPECT_EQ(t.longest_at(u, 2).length, 4u);
  EXPECT_EQ(t.longest_at(u, 0).length, 0u);
}

TEST(CleanCommon, RegexIsUnicodeAware) {
  Regex han("\\p{Han}+");
  auto all = han.find_all("ab团委cd青年");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].group("ab团委cd青年", 0), "青年");
  EXPECT_EQ(han.replace_all("a团b", [](std::string_view,
                                       const docpipe::kit::Match&) { return std::string("#"); }),
            "a#b");
  EXPECT_THROW(Regex("(unclosed"), docpipe::ConfigError);
}
