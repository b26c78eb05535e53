// Filter: the rows whose condition has the effective boolean value true; an error drops the
// row, as SPARQL says.
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class Filter final : public Operator {
 public:
  Filter(ExecContext& ctx, OperatorPtr input, RowExpressionPtr condition, double selectivity)
      : Operator(ctx, input->columns()), input_(std::move(input)),
        condition_(std::move(condition)) {
    set_estimated_rows(input_->estimated_rows() * selectivity);
    set_maybe_unbound(input_->maybe_unbound());
    set_positions_held(input_->positions_held());
    set_sorted_by(input_->sorted_by());
  }

  std::string Describe() const override { return "Filter " + condition_->ToString(); }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    while (out.rows() < kBatchRows) {
      if (!input_->Next(batch_)) return false;
      for (std::size_t r = 0; r < batch_.rows(); ++r) {
        if (Holds(*condition_, batch_.row(r))) out.AddRow(batch_.row(r));
      }
    }
    return true;
  }

 private:
  OperatorPtr input_;
  RowExpressionPtr condition_;
  IdTable batch_;
};

}  // namespace

OperatorPtr MakeFilter(ExecContext& ctx, OperatorPtr input, RowExpressionPtr condition,
                       double selectivity) {
  return std::make_unique<Filter>(ctx, std::move(input), std::move(condition), selectivity);
}

}  // namespace silk::query
