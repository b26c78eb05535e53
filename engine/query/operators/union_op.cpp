// Union: the rows of each input in turn, laid out over the union of their columns.
#include <algorithm>

#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

std::vector<VarId> UnionColumns(const std::vector<OperatorPtr>& inputs) {
  std::vector<VarId> columns;
  for (const OperatorPtr& input : inputs) {
    for (VarId var : input->columns()) {
      if (std::find(columns.begin(), columns.end(), var) == columns.end()) columns.push_back(var);
    }
  }
  return columns;
}

class Union final : public Operator {
 public:
  Union(ExecContext& ctx, std::vector<OperatorPtr> inputs)
      : Operator(ctx, UnionColumns(inputs)), inputs_(std::move(inputs)) {
    double estimate = 0;
    std::vector<VarId> maybe_unbound;
    for (const OperatorPtr& input : inputs_) {
      estimate += input->estimated_rows();
      std::vector<int> map;
      for (VarId var : columns()) map.push_back(input->ColumnOf(var));
      column_maps_.push_back(std::move(map));
    }
    for (VarId var : columns()) {
      for (const OperatorPtr& input : inputs_) {
        if (input->ColumnOf(var) < 0 || input->MaybeUnbound(var)) {
          maybe_unbound.push_back(var);
          break;
        }
      }
    }
    set_estimated_rows(estimate);
    set_maybe_unbound(std::move(maybe_unbound));
    // A value comes from one input: held where every input that binds the variable holds it.
    PositionsHeldList held;
    for (VarId var : columns()) {
      std::uint8_t positions = 0b111;
      for (const OperatorPtr& input : inputs_) {
        if (input->ColumnOf(var) >= 0) positions &= input->PositionsHeld(var);
      }
      if (positions != 0) held.emplace_back(var, positions);
    }
    set_positions_held(std::move(held));
  }

  std::string Describe() const override { return "Union"; }
  std::vector<const Operator*> children() const override {
    std::vector<const Operator*> children;
    for (const OperatorPtr& input : inputs_) children.push_back(input.get());
    return children;
  }

 protected:
  bool DoNext(IdTable& out) override {
    while (current_ < inputs_.size()) {
      if (inputs_[current_]->Next(batch_)) {
        const std::vector<int>& map = column_maps_[current_];
        for (std::size_t r = 0; r < batch_.rows(); ++r) {
          std::span<TermId> row = out.AddRow();
          for (std::size_t c = 0; c < map.size(); ++c) {
            if (map[c] >= 0) row[c] = batch_.at(r, map[c]);
          }
        }
        return true;
      }
      ++current_;
    }
    return false;
  }

 private:
  std::vector<OperatorPtr> inputs_;
  std::vector<std::vector<int>> column_maps_;  // per input: output column → input column
  std::size_t current_ = 0;
  IdTable batch_;
};

}  // namespace

OperatorPtr MakeUnion(ExecContext& ctx, std::vector<OperatorPtr> inputs) {
  return std::make_unique<Union>(ctx, std::move(inputs));
}

}  // namespace silk::query
