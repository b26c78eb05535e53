// A hash table of rows (KeyedRows: the build side of hash joins, OPTIONAL and MINUS) finds,
// for each probe, exactly the rows with its key, in their order: keys of one and of two
// columns, probes of keys present and absent (which its bloom filter turns away), repeated
// keys, and no key at all.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "engine/query/operators/keyed_rows.h"

namespace silk::testing {
namespace {

using query::IdTable;
using query::KeyedRows;
using query::TermId;

// The rows of `table` whose values at `keys` are the probe's at `probe_keys`, by brute force.
std::vector<std::uint32_t> Expected(const IdTable& table, const std::vector<int>& keys,
                                    const std::vector<TermId>& probe,
                                    const std::vector<int>& probe_keys) {
  std::vector<std::uint32_t> rows;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    bool equal = true;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      equal &= table.at(r, keys[k]) == probe[probe_keys[k]];
    }
    if (equal) rows.push_back(static_cast<std::uint32_t>(r));
  }
  return rows;
}

TEST(KeyedRows, FindsExactlyTheRowsWithTheProbesKey) {
  std::mt19937 rng(3);
  for (const std::size_t size : {0, 1, 7, 1000, 50000}) {
    for (const std::vector<int>& keys : {std::vector<int>{1}, std::vector<int>{2, 0},
                                         std::vector<int>{}}) {
      IdTable table(3);
      for (std::size_t r = 0; r < size; ++r) {
        // Few distinct values in column 0 (repeated keys), many in the others.
        table.AddRow(std::vector<TermId>{rng() % 50 + 1, rng() % (4 * size + 1) + 1,
                                         (TermId{1} << 62) | (rng() % 1000)});
      }
      const IdTable copy = table;
      const KeyedRows keyed(std::move(table), keys);
      // The probe's key columns are in another order: the key (2, 0) is read from (0, 1).
      std::vector<int> probe_keys;
      for (std::size_t k = 0; k < keys.size(); ++k) probe_keys.push_back(static_cast<int>(k));
      for (int probe_number = 0; probe_number < 2000; ++probe_number) {
        std::vector<TermId> probe(keys.size());
        if (size > 0 && rng() % 2 == 0) {  // a key some row has
          const std::size_t r = rng() % size;
          for (std::size_t k = 0; k < keys.size(); ++k) probe[k] = copy.at(r, keys[k]);
        } else {
          for (TermId& value : probe) value = rng() % (8 * size + 100) + 1;
        }
        std::vector<std::uint32_t> found;
        keyed.ForEachMatch(probe, probe_keys, [&](std::uint32_t row) { found.push_back(row); });
        ASSERT_EQ(found, Expected(copy, keys, probe, probe_keys))
            << size << " rows, " << keys.size() << " key columns, probe " << probe_number;
      }
    }
  }
}

}  // namespace
}  // namespace silk::testing
