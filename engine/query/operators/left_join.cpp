// LeftJoin (OPTIONAL): each left row extended by every compatible right row for which the
// condition holds, or alone when there is none.
#include "engine/query/operators/hash_probe.h"
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class LeftJoin final : public HashProbe {
 public:
  LeftJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, RowExpressionPtr condition)
      : HashProbe(ctx, std::move(left), std::move(right), /*left_columns_only=*/false),
        condition_(std::move(condition)) {
    // Every left row at least once; OPTIONAL mostly adds a value or none, so about that.
    set_estimated_rows(left_->estimated_rows());
    // Whatever only the right side binds may stay unbound.
    std::vector<VarId> maybe_unbound = left_->maybe_unbound();
    for (VarId var : columns()) {
      if (left_->ColumnOf(var) < 0) maybe_unbound.push_back(var);
    }
    set_maybe_unbound(std::move(maybe_unbound));
    set_positions_held(JoinPositionsHeld(*left_, *right_, /*optional=*/true));
  }

  std::string Describe() const override {
    return (condition_ ? "LeftJoin filter " + condition_->ToString() : "LeftJoin") +
           HowRightWasRead();
  }

 protected:
  void ProbeRow(std::span<const TermId> left_row, IdTable& out) override {
    bool matched = false;
    ForEachCandidate(left_row, [&](std::span<const TermId> right_row) {
      if (!layout_.Compatible(left_row, right_row)) return;
      layout_.Merge(left_row, right_row, out);
      if (condition_ && !Holds(*condition_, out.row(out.rows() - 1))) {
        out.PopRow();
        return;
      }
      matched = true;
    });
    if (!matched) {
      std::span<TermId> row = out.AddRow();
      std::copy(left_row.begin(), left_row.end(), row.begin());
    }
  }

 private:
  RowExpressionPtr condition_;
};

}  // namespace

OperatorPtr MakeLeftJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                         RowExpressionPtr condition) {
  return std::make_unique<LeftJoin>(ctx, std::move(left), std::move(right), std::move(condition));
}

}  // namespace silk::query
