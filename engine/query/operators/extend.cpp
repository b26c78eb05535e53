// Extend (BIND and SELECT's expressions): new columns holding expressions' values, unbound
// where an expression errs. The bindings of one Extend are evaluated in order, one solution
// at a time, so a later one may read an earlier one and BNODE("x") means one node per
// solution across all of them.
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

std::vector<VarId> WithBound(std::vector<VarId> columns, const std::vector<Binding>& bindings) {
  for (const Binding& binding : bindings) columns.push_back(binding.var);
  return columns;
}

class Extend final : public Operator {
 public:
  Extend(ExecContext& ctx, OperatorPtr input, std::vector<Binding> bindings,
         expr::BnodeFactory* bnodes)
      : Operator(ctx, WithBound(input->columns(), bindings)), input_(std::move(input)),
        bindings_(std::move(bindings)), bnodes_(bnodes) {
    set_estimated_rows(input_->estimated_rows());
    set_maybe_unbound(WithBound(input_->maybe_unbound(), bindings_));
    set_positions_held(input_->positions_held());
  }

  std::string Describe() const override {
    std::string text = "Extend";
    for (std::size_t i = 0; i < bindings_.size(); ++i) {
      text += (i ? ", " : " ") + DescribeVariables(ctx_, {bindings_[i].var}) +
              " := " + bindings_[i].expression->ToString();
    }
    return text;
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    if (!input_->Next(batch_)) return false;
    const std::size_t first = input_->columns().size();
    for (std::size_t r = 0; r < batch_.rows(); ++r) {
      std::span<TermId> row = out.AddRow();
      const std::span<const TermId> in = batch_.row(r);
      std::copy(in.begin(), in.end(), row.begin());
      if (bnodes_ != nullptr) bnodes_->StartSolution();
      for (std::size_t b = 0; b < bindings_.size(); ++b) {
        const RowExpression& expression = *bindings_[b].expression;
        if (std::optional<TermId> id = VariableId(expression, row)) {
          row[first + b] = *id;
          continue;
        }
        expr::EvalResult value = bindings_[b].expression->Evaluate(row);
        row[first + b] = value ? ctx_.terms().Encode(*value) : kUnbound;
      }
    }
    return true;
  }

 private:
  OperatorPtr input_;
  std::vector<Binding> bindings_;
  expr::BnodeFactory* bnodes_;
  IdTable batch_;
};

}  // namespace

OperatorPtr MakeExtend(ExecContext& ctx, OperatorPtr input, std::vector<Binding> bindings,
                       expr::BnodeFactory* bnodes) {
  return std::make_unique<Extend>(ctx, std::move(input), std::move(bindings), bnodes);
}

}  // namespace silk::query
