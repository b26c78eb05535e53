// TwoEndedRows (two_ended_rows.h) with both threads racing: every row is done exactly once,
// by the query's thread unless the spare thread finished it whole, and a row the query's
// thread claimed is never the spare thread's. Batches of every size up to a few claims' runs,
// a spare thread that hands rows back, one that is slow, and one the query's thread stops.
#include "engine/query/operators/two_ended_rows.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

namespace silk::query {
namespace {

struct Payload {
  std::size_t value = 0;
};

void RaceOnce(std::size_t rows, std::uint32_t seed) {
  TwoEndedRows<Payload> ends(rows);
  std::vector<std::atomic<int>> spare_claimed(rows);
  std::vector<std::atomic<int>> done_by_spare(rows);
  std::thread spare([&] {
    std::mt19937 rng(seed);
    while (!ends.stopped()) {
      const std::optional<std::size_t> claimed = ends.ClaimBack();
      if (!claimed) break;
      spare_claimed[*claimed].fetch_add(1);
      if (rng() % 8 == 0) std::this_thread::sleep_for(std::chrono::microseconds(rng() % 50));
      const bool whole = rng() % 5 != 0;  // else handed back
      ends.payload(*claimed).value = *claimed * 2 + 1;
      if (!ends.Finish(*claimed, whole)) break;  // taken over: the rest is the other thread's
      if (whole) done_by_spare[*claimed].fetch_add(1);
    }
  });
  std::mt19937 rng(seed + 1);
  std::size_t from_spare = 0;
  for (std::size_t row = 0; row < rows; ++row) {
    if (row == rows / 2 && seed % 7 == 0) ends.Stop();
    if (rng() % 16 == 0) std::this_thread::yield();
    if (ends.ClaimFront()) {
      EXPECT_EQ(spare_claimed[row].load(), 0) << "row " << row << " of " << rows;
      continue;
    }
    if (const Payload* payload = ends.Take(row)) {
      EXPECT_EQ(payload->value, row * 2 + 1) << "row " << row;
      ++from_spare;
    }
  }
  spare.join();
  std::size_t finished = 0;
  for (std::size_t row = 0; row < rows; ++row) {
    EXPECT_LE(spare_claimed[row].load(), 1) << "row " << row;
    finished += static_cast<std::size_t>(done_by_spare[row].load());
  }
  // Every row the spare thread finished whole was taken from it, and no other.
  EXPECT_EQ(from_spare, finished) << rows << " rows, seed " << seed;
}

TEST(TwoEndedRows, EveryRowIsDoneOnceWhicheverThreadGetsThere) {
  for (std::uint32_t seed = 0; seed < 300; ++seed) RaceOnce(seed % 70, seed);
  RaceOnce(5000, 1);
}

}  // namespace
}  // namespace silk::query
