#include "engine/text/compound_parts.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace silk::text {
namespace {

TEST(CompoundParts, LongWordsGiveTheirSuffixes) {
  const std::vector<std::string> parts = CompoundParts("kleinwasserkraftwerke");
  ASSERT_FALSE(parts.empty());
  EXPECT_EQ(parts.front(), "kleinwasserkraftwerke");
  EXPECT_EQ(parts.back(), "werke");  // kMinPartLength letters
  // The part a query for "Wasserkraft" seeks by prefix.
  EXPECT_TRUE(std::any_of(parts.begin(), parts.end(), [](const std::string& part) {
    return part.starts_with("wasserkraft");
  }));
}

TEST(CompoundParts, ShortWordsHaveNone) {
  EXPECT_TRUE(CompoundParts("kraftwerk").empty());  // 9 letters
}

TEST(CompoundParts, CountsCodePointsNotBytes) {
  // 10 letters in 11 bytes: one part per starting letter, cut at letter boundaries.
  const std::vector<std::string> parts = CompoundParts("fördermenge");
  ASSERT_EQ(parts.size(), 7u);
  EXPECT_EQ(parts[2], "rdermenge");
  EXPECT_TRUE(IsPartQuery("kraft"));
  EXPECT_FALSE(IsPartQuery("kraf"));
  EXPECT_TRUE(IsPartQuery("örder"));
}

}  // namespace
}  // namespace silk::text
