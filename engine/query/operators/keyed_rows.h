// A materialised input indexed by the values of some of its columns: the build side of hash
// joins, OPTIONAL and MINUS.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "engine/query/operators/id_table.h"

namespace silk::query {

class KeyedRows {
 public:
  // Indexes `rows` by `key_columns` (none: every row matches every probe).
  KeyedRows(IdTable rows, std::vector<int> key_columns);

  const IdTable& rows() const { return rows_; }

  // Calls f(row_index) for each row whose key equals the probe row's values at `probe_keys`.
  template <typename F>
  void ForEachMatch(std::span<const TermId> probe, const std::vector<int>& probe_keys,
                    F&& f) const {
    auto it = buckets_.find(Hash(probe, probe_keys));
    if (it == buckets_.end()) return;
    for (std::uint32_t index : it->second) {
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

  IdTable rows_;
  std::vector<int> keys_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets_;
};

}  // namespace silk::query
