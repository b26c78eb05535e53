// The right side of a hash join, looked up row by row instead of read whole: when the left
// side turns out small, a seek per left row into the right side's index costs less than
// reading every row of the right side into a hash table.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "engine/query/operators/join_layout.h"
#include "engine/query/operators/scan_pattern.h"

namespace silk::query {

class IndexLookups {
 public:
  // `right` is the join's right side, an index scan of `pattern` (Operator::ScanOf).
  // REQUIRES: layout.left_keys is not empty.
  IndexLookups(ExecContext& ctx, const Operator& right, const ScanPattern& pattern,
               const JoinLayout& layout);

  // Calls f(right_row) for each row of the right side with `left_row`'s key values, in the
  // right side's columns, as a hash table of the right side would.
  template <typename F>
  void ForEachMatch(std::span<const TermId> left_row, F&& f) {
    Seek(left_row);
    while (std::optional<storage::QuadIds> quad = cursor_->Next()) {
      const TermId values[4] = {quad->s, quad->p, quad->o, quad->g};
      for (std::size_t i = 0; i < 4; ++i) {
        if (column_of_slot_[i] >= 0) row_[column_of_slot_[i]] = values[i];
      }
      f(std::span<const TermId>(row_));
    }
  }

 private:
  void Seek(std::span<const TermId> left_row);

  ExecContext& ctx_;
  const ScanPattern& pattern_;
  // For each key the left row gives, its left column and the pattern's slots that take it.
  struct Key {
    int left_column;
    std::vector<int> slots;
  };
  std::vector<Key> keys_;
  int column_of_slot_[4] = {-1, -1, -1, -1};  // the right side's column of each slot
  std::vector<TermId> row_;
  std::optional<PatternCursor> cursor_;
};

}  // namespace silk::query
