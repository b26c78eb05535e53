// Semi-join and anti-join (FILTER EXISTS / NOT EXISTS evaluated once, see
// optimizer/exists_to_join.cpp): a left row is kept when some right row is compatible with
// it (semi), or when none is (anti). Compatible is SPARQL's join test, so a variable the left
// row leaves unbound matches anything; with no shared variable, any right row matches.
#include "engine/query/operators/hash_probe.h"
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class SemiJoin final : public HashProbe {
 public:
  SemiJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, bool anti)
      : HashProbe(ctx, std::move(left), std::move(right), /*left_columns_only=*/true),
        anti_(anti) {
    set_estimated_rows(left_->estimated_rows() / 2);
    set_maybe_unbound(left_->maybe_unbound());
    set_positions_held(left_->positions_held());
  }

  std::string Describe() const override {
    return (anti_ ? "AntiJoin" : "SemiJoin") + HowRightWasRead();
  }

 protected:
  void ProbeRow(std::span<const TermId> left_row, IdTable& out) override {
    bool matched = false;
    ForEachCandidate(left_row, [&](std::span<const TermId> right_row) {
      matched = matched || layout_.Compatible(left_row, right_row);
    });
    if (matched != anti_) out.AddRow(left_row);
  }

 private:
  const bool anti_;
};

}  // namespace

OperatorPtr MakeSemiJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right, bool anti) {
  return std::make_unique<SemiJoin>(ctx, std::move(left), std::move(right), anti);
}

}  // namespace silk::query
