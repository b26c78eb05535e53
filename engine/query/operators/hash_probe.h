// The shape hash joins, OPTIONAL and MINUS share: read the right input into a hash table on
// the shared variables, then stream the left input past it, one row at a time.
#pragma once

#include <optional>

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
  void ForEachCandidate(std::span<const TermId> left_row, F&& f) const {
    table_->ForEachMatch(left_row, layout_.left_keys,
                         [&](std::uint32_t index) { f(table_->rows().row(index)); });
  }

  JoinLayout layout_;
  OperatorPtr left_;
  OperatorPtr right_;

 private:
  MemoryCharge memory_{ctx_};  // the table's rows and index
  std::optional<KeyedRows> table_;
  IdTable probe_;
  std::size_t probe_row_ = 0;
};

}  // namespace silk::query
