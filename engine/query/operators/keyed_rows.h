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
    const std::uint64_t hash = Hash(probe, probe_keys);
    const std::uint64_t bits = FilterBits(hash);
    if ((filter_[FilterWord(hash)] & bits) != bits) return;  // no row has this key
    for (std::uint32_t index = heads_[hash & mask_]; index != kEnd; index = next_[index]) {
      if (KeysEqual(rows_.row(index), probe, probe_keys)) f(index);
    }
  }

  // The index's bytes (not the rows'): the bucket array, a node per key and each key's list.
  std::uint64_t IndexBytes() const;
  // At most what the index of `rows` rows takes while it is built (every key different).
  static std::uint64_t IndexBytesAtMost(std::size_t rows);

 private:
  static std::uint64_t Hash(std::span<const TermId> row, const std::vector<int>& columns) {
    // Ids are dense sequence numbers or packed values: a multiplicative mix spreads them.
    std::uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (int column : columns) {
      h ^= row[column] + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
      h *= 0xFF51AFD7ED558CCDULL;
    }
    return h ^ (h >> 29);
  }
  // The filter's word and two bits for a key's hash: bits the bucket index (the low ones)
  // does not use.
  std::size_t FilterWord(std::uint64_t hash) const { return (hash >> 40) & filter_mask_; }
  static std::uint64_t FilterBits(std::uint64_t hash) {
    return (std::uint64_t{1} << ((hash >> 28) & 63)) | (std::uint64_t{1} << ((hash >> 34) & 63));
  }
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
  // A bloom filter of the keys, two bits in one word per key, about eight bits per row: a
  // probe whose key no row has (most, in a selective join) is turned away by one read of
  // memory a sixteenth the size of the buckets, which stays in the cache, instead of a
  // bucket's and a row's, which miss it.
  std::vector<std::uint64_t> filter_;
  std::uint64_t filter_mask_ = 0;
};

}  // namespace silk::query
