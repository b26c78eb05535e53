// A materialised input indexed by the values of some of its columns: the build side of hash
// joins, OPTIONAL and MINUS.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/query/operators/id_table.h"

namespace silk::query {

class KeyedRows {
 public:
  // Indexes `rows` by `key_columns` (none: every row matches every probe).
  KeyedRows(IdTable rows, std::vector<int> key_columns);

  const IdTable& rows() const { return rows_; }

  // Calls f(row_index) for each row whose key equals the probe row's values at `probe_keys`.
  // In the rows' order.
  template <typename F>
  void ForEachMatch(std::span<const TermId> probe, const std::vector<int>& probe_keys,
                    F&& f) const {
    if (heads_.empty()) return;
    for (std::uint32_t index = heads_[Hash(probe, probe_keys) & mask_]; index != kEnd;
         index = next_[index]) {
      if (KeysEqual(rows_.row(index), probe, probe_keys)) f(index);
    }
  }

  // The index's bytes (not the rows'): the bucket array, a node per key and each key's list.
  std::uint64_t IndexBytes() const;
  // At most what the index of `rows` rows takes while it is built (every key different).
  static std::uint64_t IndexBytesAtMost(std::size_t rows);

 private:
  static std::uint64_t Hash(std::span<const TermId> row, const std::vector<int>& columns);
  bool KeysEqual(std::span<const TermId> row, std::span<const TermId> probe,
                 const std::vector<int>& probe_keys) const {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (row[keys_[i]] != probe[probe_keys[i]]) return false;
    }
    return true;
  }

  static constexpr std::uint32_t kEnd = ~std::uint32_t{0};

  IdTable rows_;
  std::vector<int> keys_;
  // Chained hashing in two flat arrays (no allocation per key): heads_[bucket] is the first
  // row of the bucket, next_[row] the one after it; the rows of a bucket in their order.
  std::vector<std::uint32_t> heads_;
  std::vector<std::uint32_t> next_;
  std::uint64_t mask_ = 0;
};

}  // namespace silk::query
