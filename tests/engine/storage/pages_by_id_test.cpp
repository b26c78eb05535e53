// The table of key pages by first id (pages_by_id.h) against a plain model: random inserts
// and erases over ids that crowd a small table (so that it grows, probes past other ids, and
// closes the holes erases leave), each followed by look-ups of every page and of random keys.
#include "engine/storage/pages_by_id.h"

#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <random>
#include <string>
#include <utility>

#include "engine/storage/key_pages.h"

namespace silk::storage::testing {
namespace {

// A key of `id` (its first 8 bytes), then one more byte.
std::string Key(std::uint64_t id, int rest) {
  std::string key(8, '\0');
  std::memcpy(key.data(), &id, 8);
  key.push_back(static_cast<char>(rest));
  return key;
}

// Pages [lo, hi) of one id by lo, as the model holds them (hi 256: the id's end, empty).
using Model = std::map<std::uint64_t, std::map<int, int>>;

std::shared_ptr<const KeyPage> Page(std::uint64_t id, int lo, int hi) {
  auto page = std::make_shared<KeyPage>();
  page->lo = KeyBytes(Key(id, lo));
  if (hi < 256) page->hi = KeyBytes(Key(id, hi));
  return page;
}

bool ModelOverlaps(const std::map<int, int>& pages, int lo, int hi) {
  for (const auto& [plo, phi] : pages) {
    if (plo < hi && lo < phi) return true;
  }
  return false;
}

void ExpectSame(const PagesById& table, const Model& model, std::mt19937& rng) {
  std::size_t ids = 0;
  for (const auto& [id, pages] : model) {
    ids += pages.empty() ? 0 : 1;
    for (const auto& [lo, hi] : pages) {
      const KeyPage* page = table.Get(id, Key(id, lo));
      ASSERT_NE(page, nullptr) << "id " << id << " lo " << lo;
      EXPECT_EQ(page->hi.empty(), hi == 256);
    }
    // Before: the page with the greatest lo at or below the key, and the next lo above it.
    for (int probe = 0; probe < 4; ++probe) {
      const int key = static_cast<int>(rng() % 256);
      std::optional<KeyBytes> next_lo;
      const auto* before = table.Before(id, Key(id, key), &next_lo);
      const auto after = pages.upper_bound(key);
      if (after == pages.begin()) {
        EXPECT_EQ(before, nullptr);
      } else {
        ASSERT_NE(before, nullptr);
        EXPECT_EQ((*before)->lo.view(), Key(id, std::prev(after)->first));
      }
      ASSERT_EQ(next_lo.has_value(), after != pages.end()) << "id " << id << " key " << key;
      if (next_lo) {
        EXPECT_EQ(next_lo->view(), Key(id, after->first));
      }
    }
  }
  EXPECT_EQ(table.ids(), ids);
}

TEST(PagesById, AgreesWithAModelThroughInsertsAndErases) {
  std::mt19937 rng(7);
  PagesById table;
  Model model;
  for (int step = 0; step < 4000; ++step) {
    // Ids 1..200, mostly with one page, some with several.
    const std::uint64_t id = 1 + rng() % 200;
    std::map<int, int>& pages = model[id];
    if (rng() % 3 != 0) {
      const int lo = static_cast<int>(rng() % 250);
      const int hi = rng() % 8 == 0 ? 256 : lo + 1 + static_cast<int>(rng() % 6);
      const bool added = table.Insert(id, Page(id, lo, hi));
      EXPECT_EQ(added, !ModelOverlaps(pages, lo, hi)) << "id " << id << " lo " << lo;
      if (added) pages.emplace(lo, hi);
    } else if (!pages.empty() && rng() % 4 != 0) {
      auto it = pages.begin();
      std::advance(it, rng() % pages.size());
      table.Erase(id, Key(id, it->first));
      pages.erase(it);
    } else {
      const int lo = static_cast<int>(rng() % 256);  // mostly not a page's lo
      table.Erase(id, Key(id, lo));
      pages.erase(lo);
    }
    if (step % 50 == 0) ExpectSame(table, model, rng);
  }
  ExpectSame(table, model, rng);
  table.Clear();
  EXPECT_EQ(table.ids(), 0u);
  EXPECT_EQ(table.Get(1, Key(1, 0)), nullptr);
}

}  // namespace
}  // namespace silk::storage::testing
