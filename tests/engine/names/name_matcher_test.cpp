#include "engine/names/name_matcher.h"

#include <gtest/gtest.h>

namespace silk::names {
namespace {

// A few labels in the shape of the shipped graph.
std::vector<EntityLabel> Labels() {
  return {
      {"kca:SadyrJaparov", "Sadyr Japarov", "en", true},
      {"kca:SadyrJaparov", "Japarov", "en", false},
      {"kca:SadyrJaparov", "Dschaparow", "de", false},
      {"kca:SadyrJaparov", "Japarovs", "de", false},
      {"kca:Tokayev", "Kassym-Jomart Tokayev", "en", true},
      {"kca:Tokayev", "Kasym-\u0421omart Tokayev", "tr", false},
      {"kca:Tokayev", "Kasym-Comart Tokayev", "tr", false},
      {"kca:Turkistan", "Turkistan", "en", true},
      {"kca:Turkistan", "Türkistan", "tr", false},
      {"kca:Turkmenistan", "Turkmenistan", "en", true},
      {"kca:Kia", "Kia", "en", true},
  };
}

class NameMatcherTest : public ::testing::Test {
 protected:
  NameMatcher matcher_{Labels()};
};

TEST_F(NameMatcherTest, ExactSpellingFindsTheEntity) {
  std::vector<NameMatch> found = matcher_.Find("Dschaparow");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].entity, "kca:SadyrJaparov");
  EXPECT_EQ(found[0].preferred_label, "Sadyr Japarov");
  EXPECT_EQ(found[0].matched.label, "Dschaparow");
  EXPECT_EQ(found[0].matched.language, "de");
  EXPECT_EQ(found[0].kind, MatchKind::kExact);
}

TEST_F(NameMatcherTest, EachLooserFormHasItsKind) {
  EXPECT_EQ(matcher_.Find("dschaparow")[0].kind, MatchKind::kCaseInsensitive);
  EXPECT_EQ(matcher_.Find("turkistan")[0].kind, MatchKind::kCaseInsensitive);
  EXPECT_EQ(matcher_.Find("TURKİSTAN")[0].entity, "kca:Turkistan");
  EXPECT_EQ(matcher_.Find("Kasym-Comart Tokayev")[0].kind, MatchKind::kExact);
  EXPECT_EQ(matcher_.Find("Tokayev")[0].kind, MatchKind::kWord);
  const NameMatch near = matcher_.Find("Zhaparov")[0];
  EXPECT_EQ(near.entity, "kca:SadyrJaparov");
  EXPECT_EQ(near.kind, MatchKind::kNearMiss);
  EXPECT_EQ(near.distance, 2);
}

TEST_F(NameMatcherTest, CyrillicAndLatinCFindTheSamePerson) {
  const NameMatch cyrillic = matcher_.Find("Kasym-\u0421omart Tokayev")[0];
  EXPECT_EQ(cyrillic.entity, "kca:Tokayev");
  EXPECT_EQ(cyrillic.kind, MatchKind::kExact);
  EXPECT_EQ(cyrillic.matched.language, "tr");
  // Typed in lower case with a Latin c, it still finds him, through the confusable skeleton
  // or case folding of the Latin spelling.
  EXPECT_EQ(matcher_.Find("kasym-comart tokayev")[0].entity, "kca:Tokayev");
}

TEST_F(NameMatcherTest, AccentsDoNotMatter) {
  const NameMatch m = matcher_.Find("Turkıstan")[0];  // dotless ı
  EXPECT_EQ(m.entity, "kca:Turkistan");
  EXPECT_EQ(m.kind, MatchKind::kAccentInsensitive);
}

TEST_F(NameMatcherTest, RanksStricterMatchesFirst) {
  // "Turkistan" is exact for Turkistan and only a near miss for Turkmenistan.
  std::vector<NameMatch> found = matcher_.Find("Turkistan");
  ASSERT_GE(found.size(), 1u);
  EXPECT_EQ(found[0].entity, "kca:Turkistan");
  for (std::size_t i = 1; i < found.size(); ++i) {
    EXPECT_LE(static_cast<int>(found[i - 1].kind), static_cast<int>(found[i].kind));
  }
}

TEST_F(NameMatcherTest, ShortNamesAreNotGuessed) {
  EXPECT_EQ(matcher_.Find("Kia")[0].entity, "kca:Kia");
  EXPECT_TRUE(matcher_.Find("Kim").empty());
}

TEST_F(NameMatcherTest, NothingCloseIsEmpty) {
  EXPECT_TRUE(matcher_.Find("Mirziyoyev").empty());
  EXPECT_TRUE(matcher_.Find("").empty());
}

TEST_F(NameMatcherTest, LimitCutsTheList) {
  FindOptions options;
  options.limit = 1;
  EXPECT_EQ(matcher_.Find("Turkistan", options).size(), 1u);
}

}  // namespace
}  // namespace silk::names
