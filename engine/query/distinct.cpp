// Distinct: each row once, in the order first seen, so an ORDER BY below it still holds.
#include <unordered_set>

#include "engine/query/operators.h"

namespace silk::query {
namespace {

class Distinct final : public Operator {
 public:
  Distinct(ExecContext& ctx, OperatorPtr input)
      : Operator(ctx, input->columns()), input_(std::move(input)) {
    set_estimated_rows(input_->estimated_rows());
    set_maybe_unbound(input_->maybe_unbound());
  }

  std::string Describe() const override { return "Distinct"; }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    while (out.rows() < kBatchRows) {
      if (!input_->Next(batch_)) return false;
      for (std::size_t r = 0; r < batch_.rows(); ++r) {
        const std::span<const TermId> row = batch_.row(r);
        if (seen_.emplace(row.begin(), row.end()).second) {
          ctx_.ChargeMemory(row.size() * sizeof(TermId) + 32);
          out.AddRow(row);
        }
      }
    }
    return true;
  }

 private:
  OperatorPtr input_;
  IdTable batch_;
  std::unordered_set<std::vector<TermId>, IdsHash> seen_;
};

}  // namespace

OperatorPtr MakeDistinct(ExecContext& ctx, OperatorPtr input) {
  return std::make_unique<Distinct>(ctx, std::move(input));
}

}  // namespace silk::query
