#include "engine/names/name_keys.h"

#include <gtest/gtest.h>

namespace silk::names {
namespace {

class NameKeysTest : public ::testing::Test {
 protected:
  NameKeyMaker maker_;
};

TEST_F(NameKeysTest, FoldsCaseIncludingNonAscii) {
  EXPECT_EQ(maker_.Make("DSCHAPAROW").folded, maker_.Make("Dschaparow").folded);
  EXPECT_EQ(maker_.Make("TÜRKISTAN").folded, maker_.Make("türkistan").folded);
  EXPECT_EQ(maker_.Make("Straße").folded, "strasse");
}

TEST_F(NameKeysTest, ComposesBeforeComparing) {
  // "ü" as one code point and as u + combining diaeresis are the same name.
  EXPECT_EQ(maker_.Make("T\u00fcrkistan").exact, maker_.Make("Tu\u0308rkistan").exact);
}

TEST_F(NameKeysTest, AsciiDropsDiacriticsAndTransliterates) {
  EXPECT_EQ(maker_.Make("Türkistan").ascii, "turkistan");
  EXPECT_EQ(maker_.Make("İş Konseyi").ascii, "is konseyi");
  EXPECT_EQ(maker_.Make("Токаев").ascii, "tokaev");
}

TEST_F(NameKeysTest, SkeletonJoinsCyrillicAndLatinLookAlikes) {
  const NameKeys cyrillic = maker_.Make("Kasym-\u0421omart Tokayev");  // U+0421 CYRILLIC ES
  const NameKeys latin = maker_.Make("Kasym-Comart Tokayev");
  EXPECT_NE(cyrillic.exact, latin.exact);
  EXPECT_NE(cyrillic.folded, latin.folded);
  EXPECT_EQ(cyrillic.skeleton, latin.skeleton);
  EXPECT_EQ(maker_.Make("kasym-comart tokayev").skeleton, latin.skeleton);
}

TEST(EditDistanceTest, CountsEditsAndTranspositions) {
  EXPECT_EQ(EditDistance("japarov", "japarov", 3), 0);
  EXPECT_EQ(EditDistance("zhaparov", "japarov", 3), 2);
  EXPECT_EQ(EditDistance("tokayev", "tokaev", 3), 1);
  EXPECT_EQ(EditDistance("yoon", "yono", 3), 1);  // a transposition is one edit
  EXPECT_EQ(EditDistance("", "abc", 3), 3);
  EXPECT_EQ(EditDistance("türkistan", "turkistan", 3), 1);  // code points, not bytes
}

TEST(EditDistanceTest, StopsAtTheLimit) {
  EXPECT_EQ(EditDistance("dschaparow", "japarov", 2), 3);
  EXPECT_EQ(EditDistance("a", "abcdefgh", 2), 3);
}

}  // namespace
}  // namespace silk::names
