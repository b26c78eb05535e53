// The quads of one pattern that match each probe of an index join. They are sought in the
// index, a seek per probe; or, once the join has found its left side longer than the pattern
// is worth seeking into, read once into a hash table keyed by the slots every probe binds.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "engine/query/exec_context.h"
#include "engine/query/operators/keyed_rows.h"
#include "engine/query/operators/scan_pattern.h"

namespace silk::query {

class PatternMatches {
 public:
  // Borrows `pattern`, which must outlive it.
  PatternMatches(ExecContext& ctx, const ScanPattern& pattern) : ctx_(ctx), pattern_(pattern) {}

  // What reading the whole pattern costs, in rows.
  double ScanRows() const;
  // Reads the whole pattern into a table keyed by the values at `slots`, charging its memory
  // to `charge`; from then on every probe must bind exactly those slots.
  void ReadAll(std::vector<int> slots, MemoryCharge& charge);
  bool read_all() const { return table_.has_value(); }

  // Starts the matches of a probe that binds `bound`; a seek reads with `it` when it is not
  // null (the store iterator another PatternMatches let go of: TakeIterator).
  void Probe(const std::array<std::optional<storage::TermId>, 4>& bound,
             std::unique_ptr<storage::QuadIterator> it = nullptr);
  // Lets go of the last probe's store iterator, or of the one Probe was given while it read
  // its table.
  std::unique_ptr<storage::QuadIterator> TakeIterator();
  // Fills `out` with the probe's next matches and returns how many: fewer than out.size()
  // only after its last.
  std::size_t Read(std::span<storage::QuadIds> out);

 private:
  ExecContext& ctx_;
  const ScanPattern& pattern_;
  std::optional<PatternCursor> cursor_;  // seeking
  std::unique_ptr<storage::QuadIterator> unused_;  // given to Probe while reading the table
  std::optional<KeyedRows> table_;       // read whole: rows of s, p, o, g
  std::vector<int> slots_;
  std::vector<std::uint32_t> matches_;   // the current probe's rows of table_
  std::size_t next_match_ = 0;
};

}  // namespace silk::query
