#include <gtest/gtest.h>

#include <docpipe/kit/heading_marker.hpp>

using namespace docpipe::kit;

TEST(HeadingMarker, Levels) {
  auto a = match_heading_marker("一、持续深化思想引领");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->level, 1);
  EXPECT_EQ(a->ordinal, 1);
  EXPECT_EQ(a->marker, "一、");
  auto b = match_heading_marker("（十二）加强组织建设");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->level, 2);
  EXPECT_EQ(b->ordinal, 12);
  auto c = match_heading_marker("(三)突出服务");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->level, 2);
  auto d = match_heading_marker("１．进一步加强");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->level, 3);
  auto e = match_heading_marker("12、抓好少先队建设");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->level, 3);
  EXPECT_EQ(e->ordinal, 12);
  auto f = match_heading_marker("(2)开展培训");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->level, 4);
}

TEST(HeadingMarker, TextOffsetSkipsSpaces) {
  std::string line = "三、 着力夯实基础";
  auto m = match_heading_marker(line);
  ASSERT_TRUE(m);
  EXPECT_EQ(line.substr(m->end), "着力夯实基础");
}

TEST(HeadingMarker, NotMarkers) {
  EXPECT_FALSE(match_heading_marker("一是开展红色教育。"));
  EXPECT_FALSE(match_heading_marker("1.5万人次参加"));
  EXPECT_FALSE(match_heading_marker("2020年以来,共青团"));
  EXPECT_FALSE(match_heading_marker("十九大以来"));
  EXPECT_FALSE(match_heading_marker("(2020)12号"));
  EXPECT_FALSE(match_heading_marker("三、"));
  EXPECT_FALSE(match_heading_marker("强化政治理论学习。"));
}

TEST(HeadingMarker, MarkerFor) {
  EXPECT_EQ(marker_for(1, 3), "三、");
  EXPECT_EQ(marker_for(2, 12), "（十二）");
  EXPECT_EQ(marker_for(3, 2), "2、");
}
