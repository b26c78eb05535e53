// Merge join: both inputs ascend by their one shared variable, bound in every row, so each
// left row meets the run of right rows with its key as both sides are read once, in order.
// Only one run of right rows is held (each left row of that key is joined with all of it),
// where a hash join holds the whole right side.
#include "engine/query/operators/join_layout.h"
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class MergeJoin final : public Operator {
 public:
  MergeJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, VarId key, double estimate)
      : Operator(ctx, JoinLayout(*left, *right).columns),
        layout_(*left, *right),
        left_(std::move(left)),
        right_(std::move(right)),
        key_(key),
        left_key_(left_->ColumnOf(key)),
        right_key_(right_->ColumnOf(key)),
        run_(right_->columns().size()) {
    set_estimated_rows(estimate);
    set_maybe_unbound(layout_.maybe_unbound);
    set_positions_held(JoinPositionsHeld(*left_, *right_, /*optional=*/false));
    set_sorted_by(key);
  }

  std::string Describe() const override { return "MergeJoin on ?" + ctx_.VariableName(key_); }
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    while (out.rows() < kBatchRows) {
      if (run_row_ < run_.rows()) {
        // The current left row with the rest of its run.
        layout_.Merge(left_batch_.row(left_row_), run_.row(run_row_++), out);
        continue;
      }
      if (joining_) {
        joining_ = false;
        ++left_row_;
      }
      if (left_row_ >= left_batch_.rows()) {
        if (!left_->Next(left_batch_)) return false;
        left_row_ = 0;
        continue;
      }
      const TermId key = left_batch_.at(left_row_, left_key_);
      if (!run_.empty() && run_key_ == key) {
        run_row_ = 0;  // another left row of the same key: the run again
        joining_ = true;
        continue;
      }
      if (!ReadRun(key)) {
        // Once the right side is read to its end, no later left row finds a partner: the
        // left side's rest is never read.
        if (right_done_) return false;
        ++left_row_;  // no right row has this key
        continue;
      }
      run_row_ = 0;
      joining_ = true;
    }
    return true;
  }

 private:
  // Holds the right rows whose key is `key`, skipping those below it; false when there are
  // none (the run is then empty).
  bool ReadRun(TermId key) {
    run_.Reset(run_.width());
    run_key_ = key;
    while (true) {
      if (right_row_ >= right_batch_.rows()) {
        if (right_done_ || !right_->Next(right_batch_)) {
          right_done_ = true;
          break;
        }
        right_row_ = 0;
        continue;
      }
      const TermId right_key = right_batch_.at(right_row_, right_key_);
      if (right_key > key) break;
      if (right_key == key) {
        run_.AddRow(right_batch_.row(right_row_));
        if (run_.rows() % kBatchRows == 0) memory_.Set(run_.MemoryBytes());
      }
      ++right_row_;
    }
    memory_.Set(run_.MemoryBytes());
    return !run_.empty();
  }

  const JoinLayout layout_;
  OperatorPtr left_;
  OperatorPtr right_;
  const VarId key_;
  const int left_key_;
  const int right_key_;
  IdTable left_batch_;
  std::size_t left_row_ = 0;
  bool joining_ = false;  // the current left row is being joined with the run
  IdTable right_batch_;
  std::size_t right_row_ = 0;
  bool right_done_ = false;
  IdTable run_;  // the right rows of key run_key_
  TermId run_key_ = kUnbound;
  std::size_t run_row_ = 0;
  MemoryCharge memory_{ctx_};
};

}  // namespace

OperatorPtr MakeMergeJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, VarId key,
                          double estimate) {
  return std::make_unique<MergeJoin>(ctx, std::move(left), std::move(right), key, estimate);
}

}  // namespace silk::query
