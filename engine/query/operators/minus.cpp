// Minus: a left row survives unless some right row is compatible with it and shares at
// least one bound variable (SPARQL 1.1, section 8.3).
#include "engine/query/operators/hash_probe.h"
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class Minus final : public HashProbe {
 public:
  Minus(ExecContext& ctx, OperatorPtr left, OperatorPtr right)
      : HashProbe(ctx, std::move(left), std::move(right), /*left_columns_only=*/true) {
    set_estimated_rows(left_->estimated_rows());
    set_maybe_unbound(left_->maybe_unbound());
    set_positions_held(left_->positions_held());
  }

  std::string Describe() const override { return "Minus" + HowRightWasRead(); }

 protected:
  void ProbeRow(std::span<const TermId> left_row, IdTable& out) override {
    bool removed = false;
    if (layout_.SharesVariables()) {
      ForEachCandidate(left_row, [&](std::span<const TermId> right_row) {
        removed = removed || Removes(left_row, right_row);
      });
    }
    if (!removed) out.AddRow(left_row);
  }

 private:
  bool Removes(std::span<const TermId> left_row, std::span<const TermId> right_row) const {
    if (!layout_.Compatible(left_row, right_row)) return false;
    if (!layout_.left_keys.empty()) return true;  // key variables are bound on both sides
    for (std::size_t i = 0; i < layout_.left_loose.size(); ++i) {
      if (left_row[layout_.left_loose[i]] != kUnbound &&
          right_row[layout_.right_loose[i]] != kUnbound) {
        return true;
      }
    }
    return false;
  }
};

}  // namespace

OperatorPtr MakeMinus(ExecContext& ctx, OperatorPtr left, OperatorPtr right) {
  return std::make_unique<Minus>(ctx, std::move(left), std::move(right));
}

}  // namespace silk::query
