// FlatHashMap against std::unordered_map under random inserts, erases and finds, across
// growth, with a weak hash to force long runs that wrap around the table.
#include "engine/storage/flat_hash_map.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <unordered_map>

namespace silk::storage {
namespace {

// Few distinct hashes: many keys share a home slot, so runs wrap around the table.
struct WeakHash {
  std::size_t operator()(std::uint64_t key) const { return HashMix64(key % 13); }
};

template <typename Hash>
void RunAgainstReference(std::uint64_t key_range, int operations) {
  std::mt19937_64 rng(42);
  FlatHashMap<std::uint64_t, int, Hash> map;
  std::unordered_map<std::uint64_t, int> reference;
  for (int i = 0; i < operations; ++i) {
    const std::uint64_t key = rng() % key_range;
    switch (rng() % 3) {
      case 0: {
        const auto [value, added] = map.Insert(key, i);
        const bool reference_added = reference.emplace(key, i).second;
        ASSERT_EQ(added, reference_added);
        ASSERT_EQ(*value, reference[key]);
        break;
      }
      case 1: {
        map.Erase(key);
        reference.erase(key);
        break;
      }
      default: {
        const int* found = map.Find(key);
        const auto it = reference.find(key);
        ASSERT_EQ(found != nullptr, it != reference.end());
        if (found != nullptr) {
          ASSERT_EQ(*found, it->second);
        }
        break;
      }
    }
    ASSERT_EQ(map.size(), reference.size());
  }
  for (const auto& [key, value] : reference) {
    const int* found = map.Find(key);
    ASSERT_NE(found, nullptr) << key;
    EXPECT_EQ(*found, value);
  }
  map.Clear();
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.Find(1), nullptr);
}

TEST(FlatHashMapTest, MatchesUnorderedMap) {
  RunAgainstReference<std::hash<std::uint64_t>>(2000, 200000);
}

TEST(FlatHashMapTest, MatchesUnorderedMapWithCollidingHashes) {
  RunAgainstReference<WeakHash>(300, 50000);
}

}  // namespace
}  // namespace silk::storage
