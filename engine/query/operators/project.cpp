// Project: the chosen columns, in the chosen order.
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class Project final : public Operator {
 public:
  Project(ExecContext& ctx, OperatorPtr input, std::vector<VarId> keep)
      : Operator(ctx, std::move(keep)), input_(std::move(input)) {
    set_estimated_rows(input_->estimated_rows());
    std::vector<VarId> maybe_unbound;
    for (VarId var : columns()) {
      source_.push_back(input_->ColumnOf(var));
      if (source_.back() < 0 || input_->MaybeUnbound(var)) maybe_unbound.push_back(var);
    }
    set_maybe_unbound(std::move(maybe_unbound));
    PositionsHeldList held;
    for (VarId var : columns()) {
      if (const std::uint8_t positions = input_->PositionsHeld(var); positions != 0) {
        held.emplace_back(var, positions);
      }
    }
    set_positions_held(std::move(held));
    if (input_->sorted_by() && ColumnOf(*input_->sorted_by()) >= 0) set_sorted_by(input_->sorted_by());
  }

  std::string Describe() const override { return "Project " + DescribeVariables(ctx_, columns()); }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    if (!input_->Next(batch_)) return false;
    for (std::size_t r = 0; r < batch_.rows(); ++r) {
      std::span<TermId> row = out.AddRow();
      for (std::size_t c = 0; c < source_.size(); ++c) {
        if (source_[c] >= 0) row[c] = batch_.at(r, source_[c]);
      }
    }
    return true;
  }

 private:
  OperatorPtr input_;
  std::vector<int> source_;  // output column → input column, -1 for always unbound
  IdTable batch_;
};

}  // namespace

OperatorPtr MakeProject(ExecContext& ctx, OperatorPtr input, std::vector<VarId> keep) {
  return std::make_unique<Project>(ctx, std::move(input), std::move(keep));
}

}  // namespace silk::query
