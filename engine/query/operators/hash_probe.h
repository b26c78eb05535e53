// The shape hash joins, OPTIONAL and MINUS share: read the right input into a hash table on
// the shared variables, then stream the left input past it, one row at a time.
//
// Where the right input is one index scan, the left input is read first, up to the number of
// rows whose index lookups would cost what reading the right input costs. A left input that
// ends sooner (the planner overestimated it) has its rows looked up in the index instead, and
// the right input is never read.
#pragma once

#include <optional>

#include "engine/query/operators/index_lookups.h"
#include "engine/query/operators/join_layout.h"
#include "engine/query/operators/keyed_rows.h"
#include "engine/query/operators/operator.h"

namespace silk::query {

class HashProbe : public Operator {
 public:
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 protected:
  // Output columns: the join's (left, then the right's others), or the left's alone.
  HashProbe(ExecContext& ctx, OperatorPtr left, OperatorPtr right, bool left_columns_only);

  bool DoNext(IdTable& out) final;
  // Appends what one left row yields.
  virtual void ProbeRow(std::span<const TermId> left_row, IdTable& out) = 0;
  // Calls f(right_row) for each right row with the left row's key (compatibility unchecked).
  template <typename F>
  void ForEachCandidate(std::span<const TermId> left_row, F&& f) {
    if (lookups_) {
      lookups_->ForEachMatch(f);  // the rows come in order, each once: those it looks up
      return;
    }
    table_->ForEachMatch(left_row, layout_.left_keys,
                         [&](std::uint32_t index) { f(table_->rows().row(index)); });
  }
  // For Describe: how the right side was read, once the join has run.
  std::string HowRightWasRead() const {
    if (!lookups_) return "";
    std::string text = " (the left side was small: each of its rows looked up in the index";
    if (const std::uint64_t shared = lookups_->rows_from_spare(); shared > 0) {
      text += ", " + std::to_string(shared) + " on a spare thread";
    }
    if (const std::uint64_t repeated = lookups_->rows_remembered(); repeated > 0) {
      text += ", " + std::to_string(repeated) + " answered by an earlier lookup";
    }
    return text + ")";
  }

  JoinLayout layout_;
  OperatorPtr left_;
  OperatorPtr right_;

 private:
  // Chooses between the hash table and the lookups, reading the left side as far as it must.
  void Start();
  void BuildTable();

  MemoryCharge memory_{ctx_};  // the table's rows and index
  MemoryCharge read_ahead_memory_{ctx_};  // the left rows read before choosing
  std::optional<KeyedRows> table_;
  std::optional<IndexLookups> lookups_;
  IdTable probe_;  // left rows being probed: a batch, or all those read ahead
  std::size_t probe_row_ = 0;
  bool left_done_ = false;  // the left side has given its last row
};

}  // namespace silk::query
