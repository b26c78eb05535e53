// The partition of `silk load --partition K/N`: a fixed hash (FNV-1a 64, checked against its
// published test vectors and pinned values, so a change that would move subjects to other
// parts fails here), parts that cover every subject once, and the words K/N.
#include "engine/load/partition.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/storage/fnv1a.h"

namespace silk::load {
namespace {

using storage::Fnv1a64;

TEST(Fnv1a64, PublishedTestVectors) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

// Stores loaded by this version put these subjects in these parts: a later version must too.
TEST(Partition, PartsOfSubjectsAreFixed) {
  const auto iri = [](std::string_view text) { return rdf::TermView::Iri(text); };
  EXPECT_EQ(Partition::PartOf(iri("http://example.org/news/person42"), 3),
            Fnv1a64("http://example.org/news/person42") % 3 + 1);
  EXPECT_EQ(Fnv1a64("http://example.org/news/person42"), 0xac4db5938ec11c27ULL);
  EXPECT_EQ(Partition::PartOf(rdf::TermView::Blank("b1"), 7), Fnv1a64("b1") % 7 + 1);
  // The bytes are UTF-8 as written, not normalised or escaped.
  EXPECT_EQ(Partition::PartOf(iri("https://silkgraph.org/kca/Türkiye"), 1000),
            Fnv1a64("https://silkgraph.org/kca/T\xc3\xbcrkiye") % 1000 + 1);
  // One part: everything.
  EXPECT_EQ(Partition::PartOf(iri("http://e/x"), 1), 1u);
}

// Every statement is in exactly one part, all of a subject's statements in the same one, and
// the parts are about even.
TEST(Partition, PartsCoverEveryStatementOnce) {
  constexpr std::uint32_t kParts = 5;
  std::vector<int> sizes(kParts + 1, 0);
  for (int i = 0; i < 10000; ++i) {
    const std::string subject = "http://example.org/s" + std::to_string(i);
    rdf::QuadView quad{rdf::TermView::Iri(subject), rdf::TermView::Iri("http://e/p"),
                       rdf::TermView::Literal("o"), rdf::TermView::DefaultGraph()};
    int holders = 0;
    for (std::uint32_t part = 1; part <= kParts; ++part) {
      if (Partition{part, kParts}.Holds(quad)) {
        ++holders;
        ++sizes[part];
        // The predicate, object and graph play no part.
        quad.object = rdf::TermView::Literal("other");
        quad.graph = rdf::TermView::Iri("http://e/g");
        EXPECT_TRUE((Partition{part, kParts}.Holds(quad)));
      }
    }
    EXPECT_EQ(holders, 1) << subject;
  }
  for (std::uint32_t part = 1; part <= kParts; ++part) {
    EXPECT_GT(sizes[part], 1700) << "part " << part;
    EXPECT_LT(sizes[part], 2300) << "part " << part;
  }
}

TEST(ParsePartition, Accepts) {
  const std::optional<Partition> p = ParsePartition("2/3");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->part, 2u);
  EXPECT_EQ(p->count, 3u);
  EXPECT_TRUE(ParsePartition("1/1"));
  EXPECT_TRUE(ParsePartition("4294967295/4294967295"));
  EXPECT_TRUE(ParsePartition("03/10"));
}

TEST(ParsePartition, Refuses) {
  for (const char* text : {"4/3", "0/3", "0/0", "1/0", "x/y", "1", "1/", "/3", "1/3/5", " 1/3",
                           "1/3 ", "+1/3", "-1/3", "1/-3", "1.0/3", "1/4294967296", "", "/"}) {
    EXPECT_FALSE(ParsePartition(text)) << text;
  }
}

}  // namespace
}  // namespace silk::load
