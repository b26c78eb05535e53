// Quad keys: byte order is id order in every index, and scan plans bind the longest prefix.
#include "engine/storage/key_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

namespace silk::storage {
namespace {

TEST(KeyCodecTest, BigEndianRoundTripsAndSortsByValue) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t a = i < 2 ? (i == 0 ? 0 : ~std::uint64_t{0}) : rng();
    const std::uint64_t b = rng() >> (rng() % 64);
    EXPECT_EQ(GetBigEndian64(BigEndian64(a).data()), a);
    // std::string compares bytes as unsigned, like RocksDB's bytewise comparator.
    EXPECT_EQ(BigEndian64(a) < BigEndian64(b), a < b);
  }
}

// KeyLess orders keys as RocksDB's bytewise comparator does: random keys of every length up to
// a quad key and one more id, sharing prefixes of every length, with bytes that are negative
// as chars.
TEST(KeyCodecTest, KeyLessOrdersBytewise) {
  std::mt19937 rng(11);
  const std::string alphabet("\x00\x01\x7f\x80\xfe\xff", 6);
  std::vector<std::string> keys;
  for (int i = 0; i < 400; ++i) {
    std::string key(rng() % 41, '\0');
    for (char& c : key) c = alphabet[rng() % alphabet.size()];
    keys.push_back(key);
    // One sharing a prefix of it, then differing or ending.
    std::string near = key.substr(0, rng() % (key.size() + 1));
    if (rng() % 2 == 0) near.push_back(alphabet[rng() % alphabet.size()]);
    keys.push_back(near);
  }
  for (const std::string& a : keys) {
    for (const std::string& b : keys) {
      ASSERT_EQ(KeyLess(a, b), std::string_view(a) < std::string_view(b))
          << testing::PrintToString(a) << " vs " << testing::PrintToString(b);
    }
  }
}

TEST(KeyCodecTest, QuadKeysRoundTripAndSortInIndexOrder) {
  std::mt19937_64 rng(5);
  auto id = [&] { return rng() % 4 == 0 ? rng() : rng() % 8; };  // many ties, some huge ids
  std::vector<QuadIds> quads;
  for (int i = 0; i < 500; ++i) {
    quads.push_back({id(), id(), id(), id()});
  }
  for (const QuadIndex index : kAllIndexes) {
    for (const QuadIds& q : quads) {
      const QuadKey key = EncodeQuadKey(index, q);
      EXPECT_EQ(DecodeQuadKey(index, key.data()), q);
    }
    for (std::size_t i = 1; i < quads.size(); ++i) {
      const QuadKey a = EncodeQuadKey(index, quads[i - 1]);
      const QuadKey b = EncodeQuadKey(index, quads[i]);
      const int bytes = std::memcmp(a.data(), b.data(), a.size());
      EXPECT_EQ(bytes < 0, LessInIndex(index, quads[i - 1], quads[i]));
      EXPECT_EQ(bytes == 0, quads[i - 1] == quads[i]);
    }
    std::vector<QuadIds> sorted = quads;
    std::sort(sorted.begin(), sorted.end(),
              [index](const QuadIds& a, const QuadIds& b) { return LessInIndex(index, a, b); });
    EXPECT_TRUE(
        std::is_sorted(sorted.begin(), sorted.end(), [&](const QuadIds& a, const QuadIds& b) {
          const QuadKey ka = EncodeQuadKey(index, a);
          const QuadKey kb = EncodeQuadKey(index, b);
          return std::memcmp(ka.data(), kb.data(), ka.size()) < 0;
        }));
  }
}

TEST(KeyCodecTest, LayoutsPutTheirFirstPositionFirst) {
  const QuadIds q{1, 2, 3, 4};
  EXPECT_EQ(GetBigEndian64(EncodeQuadKey(QuadIndex::kSpog, q).data()), 1u);
  EXPECT_EQ(GetBigEndian64(EncodeQuadKey(QuadIndex::kPosg, q).data()), 2u);
  EXPECT_EQ(GetBigEndian64(EncodeQuadKey(QuadIndex::kOspg, q).data()), 3u);
  EXPECT_EQ(GetBigEndian64(EncodeQuadKey(QuadIndex::kGspo, q).data()), 4u);
  EXPECT_EQ(GetBigEndian64(EncodeQuadKey(QuadIndex::kPosg, q).data() + 16), 1u);
}

// The positions of `q` that `mask` names bound (1 s, 2 p, 4 o, 8 g), the others not.
QuadPattern PatternOf(const QuadIds& q, int mask) {
  QuadPattern pattern;
  if (mask & 1) pattern.s = q.s;
  if (mask & 2) pattern.p = q.p;
  if (mask & 4) pattern.o = q.o;
  if (mask & 8) pattern.g = q.g;
  return pattern;
}

// Every combination of bound positions: the plans bind the longest prefix possible, the
// residual holds exactly the other bound positions, and prefix + residual find the quad.
TEST(KeyCodecTest, PlansBindTheLongestPrefix) {
  const QuadIds q{11, 22, 33, 44};
  for (int mask = 0; mask < 16; ++mask) {
    const QuadPattern pattern = PatternOf(q, mask);
    const ScanPlans plans = CandidatePlans(pattern);
    ASSERT_FALSE(plans.empty());
    const int bound = __builtin_popcount(static_cast<unsigned>(mask));
    for (const ScanPlan& plan : plans) {
      EXPECT_EQ(plan.prefix_size % 8, 0u);
      const QuadKey key = EncodeQuadKey(plan.index, q);
      EXPECT_EQ(std::memcmp(key.data(), plan.prefix.data(), plan.prefix_size), 0);
      const int residual = (plan.residual.s ? 1 : 0) + (plan.residual.p ? 1 : 0) +
                           (plan.residual.o ? 1 : 0) + (plan.residual.g ? 1 : 0);
      EXPECT_EQ(static_cast<int>(plan.prefix_size / 8) + residual, bound) << mask;
      EXPECT_TRUE(Matches(plan.residual, q));
    }
    // Known best prefixes: one or two bound positions always lead except for p+g and o+g.
    const std::size_t best = plans.front().prefix_size / 8;
    const bool only_g_mix =
        mask == (2 | 8) || mask == (4 | 8) || mask == (1 | 4 | 8) || mask == (2 | 4 | 8);
    EXPECT_EQ(static_cast<int>(best), only_g_mix ? bound - 1 : bound) << mask;
  }
}

void ExpectSamePlan(const ScanPlan& a, const ScanPlan& b) {
  EXPECT_EQ(a.index, b.index);
  EXPECT_EQ(a.prefix_view(), b.prefix_view());
  EXPECT_EQ(a.residual.s, b.residual.s);
  EXPECT_EQ(a.residual.p, b.residual.p);
  EXPECT_EQ(a.residual.o, b.residual.o);
  EXPECT_EQ(a.residual.g, b.residual.g);
  EXPECT_EQ(a.residual.o_range, b.residual.o_range);
  EXPECT_EQ(a.residual.held, b.residual.held);
  EXPECT_EQ(a.range, b.range);
  EXPECT_EQ(a.first_id_held, b.first_id_held);
}

// A plan rewritten for another pattern of its shape (ReplanOn) is the plan PlanOn makes for
// that pattern: every combination of bound positions, with and without an object range and
// the default graph, on every index that serves it.
TEST(KeyCodecTest, ARewrittenPlanIsTheOneMadeAnew) {
  std::mt19937_64 rng(5);
  for (int mask = 0; mask < 16; ++mask) {
    for (int variant = 0; variant < 4; ++variant) {
      const auto pattern = [&] {
        QuadPattern p = PatternOf({rng() % 1000 + 1, rng() % 1000 + 1, rng() % 1000 + 1,
                                   variant & 2 ? kDefaultGraphId : rng() % 1000 + 1},
                                  mask);
        if ((variant & 1) != 0 && !p.o) {
          const TermId first = rng() % 1000;
          p.o_range = std::pair<TermId, TermId>(first, first + rng() % 1000);
        }
        p.held = static_cast<std::uint8_t>(mask & 5);
        return p;
      };
      for (const QuadIndex index : kAllIndexes) {
        QuadPattern first = pattern();
        if (!IndexServes(index, first)) continue;
        ScanPlan plan = PlanOn(index, first);
        for (int probe = 0; probe < 5; ++probe) {
          QuadPattern next = pattern();
          if (!IndexServes(index, next)) continue;
          ReplanOn(plan, next);
          ExpectSamePlan(plan, PlanOn(index, next));
        }
      }
    }
  }
}

// A plan's first id is held when the pattern says its position is (QuadPattern::held), and
// only then: its seeks skip the bloom filter.
TEST(KeyCodecTest, APlanKnowsWhetherItsFirstIdIsHeld) {
  const QuadIds q{11, 22, 33, 44};
  for (int mask = 1; mask < 16; ++mask) {
    for (std::uint8_t held = 0; held < 8; ++held) {
      QuadPattern pattern = PatternOf(q, mask);
      pattern.held = held;
      for (const ScanPlan& plan : CandidatePlans(pattern)) {
        // The first id of spog is the subject (bit 0), of posg the predicate (bit 1), of
        // ospg the object (bit 2); gspo's graph is never claimed.
        const int first = plan.index == QuadIndex::kSpog   ? 0
                          : plan.index == QuadIndex::kPosg ? 1
                          : plan.index == QuadIndex::kOspg ? 2
                                                           : 3;
        EXPECT_EQ(plan.first_id_held, plan.prefix_size > 0 && (held >> first & 1) != 0)
            << mask << " " << int{held};
      }
    }
  }
}

// gspo lacks the default graph's quads: a pattern binding the default graph (or no graph) is
// never planned on it, and the graph is then filtered unless s, p and o are all bound.
TEST(KeyCodecTest, TheDefaultGraphIsNotSoughtInGspo) {
  const QuadIds q{11, 22, 33, kDefaultGraphId};
  EXPECT_FALSE(IndexHolds(QuadIndex::kGspo, q));
  EXPECT_TRUE(IndexHolds(QuadIndex::kGspo, QuadIds{11, 22, 33, 44}));
  for (int mask = 0; mask < 16; ++mask) {
    const QuadPattern pattern = PatternOf(q, mask);
    const ScanPlans plans = CandidatePlans(pattern);
    ASSERT_FALSE(plans.empty());
    const int spo = __builtin_popcount(static_cast<unsigned>(mask & 7));
    for (const ScanPlan& plan : plans) {
      EXPECT_NE(plan.index, QuadIndex::kGspo) << mask;
      EXPECT_EQ(static_cast<int>(plan.prefix_size / 8), spo == 3 && (mask & 8) ? 4 : spo) << mask;
      EXPECT_TRUE(Matches(plan.residual, q));
    }
    // g alone: a full scan of spog, the graph filtered.
    if (mask == 8) {
      EXPECT_EQ(plans.front().index, QuadIndex::kSpog);
      EXPECT_EQ(plans.front().residual.g, kDefaultGraphId);
    }
  }
}

TEST(KeyCodecTest, PrefixUpperBound) {
  EXPECT_FALSE(PrefixUpperBound("").has_value());
  EXPECT_FALSE(PrefixUpperBound("\xff\xff").has_value());
  EXPECT_EQ(PrefixUpperBound(std::string("a\xff", 2)), "b");
  EXPECT_EQ(PrefixUpperBound(std::string("\x00\x00", 2)), std::string("\x00\x01", 2));
}

}  // namespace
}  // namespace silk::storage
