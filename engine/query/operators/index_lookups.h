// The right side of a hash join, looked up row by row instead of read whole: when the left
// side turns out small, a seek per left row into the right side's index costs less than
// reading every row of the right side into a hash table. The lookups are shared with a spare
// thread when one is idle, and repeated ones are answered from memory (TwoEndedProbes).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "engine/query/operators/join_layout.h"
#include "engine/query/operators/scan_pattern.h"
#include "engine/query/operators/two_ended_probes.h"

namespace silk::query {

class IndexLookups {
 public:
  // `right` is the join's right side, an index scan of `pattern` (Operator::ScanOf).
  // REQUIRES: layout.left_keys is not empty.
  // The left side is `left_rows` of `left`, looked up in order, each once.
  IndexLookups(ExecContext& ctx, const Operator& right, const ScanPattern& pattern,
               const JoinLayout& layout, const Operator& left, const IdTable& left_rows);

  // Calls f(right_row) for each row of the right side with the next left row's key values,
  // in the right side's columns, as a hash table of the right side would.
  template <typename F>
  void ForEachMatch(F&& f) {
    const std::size_t row = next_row_++;
    if (std::optional<std::span<const storage::QuadIds>> found = probes_.TakeNext()) {
      for (const storage::QuadIds& quad : *found) f(RowOf(quad));
      return;
    }
    PatternCursor& cursor = StartProbe(cursor_, ctx_.snapshot(), pattern_, *probes_.probe(row));
    ForEachQuad(cursor, [&](const storage::QuadIds& quad) { f(RowOf(quad)); });
  }

  // For EXPLAIN ANALYZE: the rows looked up on a spare thread, and those that repeated an
  // earlier lookup (no seek).
  std::uint64_t rows_from_spare() const { return probes_.rows_from_spare(); }
  std::uint64_t rows_remembered() const { return probes_.rows_remembered(); }

 private:
  std::span<const TermId> RowOf(const storage::QuadIds& quad) {
    const TermId values[4] = {quad.s, quad.p, quad.o, quad.g};
    for (std::size_t i = 0; i < 4; ++i) {
      if (column_of_slot_[i] >= 0) row_[column_of_slot_[i]] = values[i];
    }
    return row_;
  }

  ExecContext& ctx_;
  const ScanPattern pattern_;  // with the slots the left side's values are held at
  // For each key the left row gives, its left column and the pattern's slots that take it.
  struct Key {
    int left_column;
    std::vector<int> slots;
  };
  std::vector<Key> keys_;
  int column_of_slot_[4] = {-1, -1, -1, -1};  // the right side's column of each slot
  std::vector<TermId> row_;
  std::optional<PatternCursor> cursor_;
  TwoEndedProbes probes_{ctx_, pattern_};
  std::size_t next_row_ = 0;
};

}  // namespace silk::query
