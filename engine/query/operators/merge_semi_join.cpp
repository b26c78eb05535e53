// Merge semi-join and anti-join: both inputs ascend by their one shared variable, bound in
// every row, so one pass over each decides every left row (a right row per key is enough).
// Nothing is held in memory, and the right side is read once, in order.
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class MergeSemiJoin final : public Operator {
 public:
  MergeSemiJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, VarId key, bool anti)
      : Operator(ctx, left->columns()),
        left_(std::move(left)),
        right_(std::move(right)),
        key_(key),
        anti_(anti),
        left_key_(left_->ColumnOf(key)),
        right_key_(right_->ColumnOf(key)) {
    set_estimated_rows(left_->estimated_rows() / 2);
    set_maybe_unbound(left_->maybe_unbound());
    set_positions_held(left_->positions_held());
    set_sorted_by(key);
  }

  std::string Describe() const override {
    return std::string(anti_ ? "MergeAntiJoin on ?" : "MergeSemiJoin on ?") + ctx_.VariableName(key_);
  }
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    while (out.rows() < kBatchRows) {
      if (left_row_ >= left_batch_.rows()) {
        if (!left_->Next(left_batch_)) return false;
        left_row_ = 0;
        continue;
      }
      const TermId key = left_batch_.at(left_row_, left_key_);
      // Past the right side's end no left row has a partner: a semi-join is done (its left
      // side's rest is never read); an anti-join keeps every row that is left.
      const bool right_rows_remain = SkipRightBelow(key);
      if (!right_rows_remain && !anti_) return false;
      const bool matched = right_rows_remain && RightKey() == key;
      if (matched != anti_) out.AddRow(left_batch_.row(left_row_));
      ++left_row_;
    }
    return true;
  }

 private:
  TermId RightKey() const { return right_batch_.at(right_row_, right_key_); }

  // Moves the right side to its first row whose key is not below `key`; false when it ends.
  bool SkipRightBelow(TermId key) {
    while (!right_done_) {
      if (right_row_ >= right_batch_.rows()) {
        right_row_ = 0;
        if (!right_->Next(right_batch_)) {
          right_done_ = true;
          break;
        }
        continue;
      }
      if (RightKey() >= key) return true;
      ++right_row_;
    }
    return false;
  }

  OperatorPtr left_;
  OperatorPtr right_;
  const VarId key_;
  const bool anti_;
  const int left_key_;
  const int right_key_;
  IdTable left_batch_;
  IdTable right_batch_;
  std::size_t left_row_ = 0;
  std::size_t right_row_ = 0;
  bool right_done_ = false;
};

}  // namespace

OperatorPtr MakeMergeSemiJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, VarId key,
                              bool anti) {
  return std::make_unique<MergeSemiJoin>(ctx, std::move(left), std::move(right), key, anti);
}

}  // namespace silk::query
