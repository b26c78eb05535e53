// HashJoin: the join of two inputs; the planner puts the smaller one on the right, where it
// is read into memory.
#include "engine/query/operators/hash_probe.h"
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class HashJoin final : public HashProbe {
 public:
  HashJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, double estimate)
      : HashProbe(ctx, std::move(left), std::move(right), /*left_columns_only=*/false) {
    set_estimated_rows(estimate);
    set_maybe_unbound(layout_.maybe_unbound);
    set_positions_held(JoinPositionsHeld(*left_, *right_, /*optional=*/false));
  }

  std::string Describe() const override {
    if (!layout_.SharesVariables()) return "CrossProduct";
    std::vector<VarId> keys;
    for (int column : layout_.left_keys) keys.push_back(left_->columns()[column]);
    for (int column : layout_.left_loose) keys.push_back(left_->columns()[column]);
    return "HashJoin on " + DescribeVariables(ctx_, keys) + HowRightWasRead();
  }

 protected:
  void ProbeRow(std::span<const TermId> left_row, IdTable& out) override {
    ForEachCandidate(left_row, [&](std::span<const TermId> right_row) {
      if (layout_.Compatible(left_row, right_row)) layout_.Merge(left_row, right_row, out);
    });
  }
};

}  // namespace

OperatorPtr MakeHashJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                         double estimate) {
  return std::make_unique<HashJoin>(ctx, std::move(left), std::move(right), estimate);
}

}  // namespace silk::query
