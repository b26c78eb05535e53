// Extend (BIND and computed projections): one more column, holding an expression's value,
// unbound where the expression errs.
#include "engine/query/operators.h"

namespace silk::query {
namespace {

std::vector<VarId> With(std::vector<VarId> columns, VarId var) {
  columns.push_back(var);
  return columns;
}

class Extend final : public Operator {
 public:
  Extend(ExecContext& ctx, OperatorPtr input, VarId var, RowExpressionPtr expression)
      : Operator(ctx, With(input->columns(), var)), input_(std::move(input)),
        expression_(std::move(expression)) {
    set_estimated_rows(input_->estimated_rows());
    set_maybe_unbound(With(input_->maybe_unbound(), var));
  }

  std::string Describe() const override {
    return "Extend " + DescribeVariables(ctx_, {columns().back()}) + " := " +
           expression_->ToString();
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    if (!input_->Next(batch_)) return false;
    for (std::size_t r = 0; r < batch_.rows(); ++r) {
      std::span<TermId> row = out.AddRow();
      const std::span<const TermId> in = batch_.row(r);
      std::copy(in.begin(), in.end(), row.begin());
      if (std::optional<TermId> id = VariableId(*expression_, in)) {
        row.back() = *id;
        continue;
      }
      expr::EvalResult value = expression_->Evaluate(in);
      row.back() = value ? ctx_.terms().Encode(*value) : kUnbound;
    }
    return true;
  }

 private:
  OperatorPtr input_;
  RowExpressionPtr expression_;
  IdTable batch_;
};

}  // namespace

OperatorPtr MakeExtend(ExecContext& ctx, OperatorPtr input, VarId var,
                       RowExpressionPtr expression) {
  return std::make_unique<Extend>(ctx, std::move(input), var, std::move(expression));
}

}  // namespace silk::query
