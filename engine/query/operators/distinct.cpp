// Distinct: each row once, in the order first seen, so an ORDER BY below it still holds.
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class Distinct final : public Operator {
 public:
  Distinct(ExecContext& ctx, OperatorPtr input)
      : Operator(ctx, input->columns()), input_(std::move(input)) {
    set_estimated_rows(input_->estimated_rows());
    set_maybe_unbound(input_->maybe_unbound());
    set_positions_held(input_->positions_held());
    set_sorted_by(input_->sorted_by());
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
          memory_.Add(EntryBytes(row.size()));
          out.AddRow(row);
        }
      }
    }
    return true;
  }

 private:
  // What one seen row costs: its node (next pointer, vector, cached hash), the vector's
  // block, and two bucket pointers (the array doubles, old and new live during a rehash).
  static std::uint64_t EntryBytes(std::size_t width) {
    return HeapBlockBytes(2 * sizeof(void*) + sizeof(std::vector<TermId>)) +
           HeapBlockBytes(width * sizeof(TermId)) + 2 * sizeof(void*);
  }

  OperatorPtr input_;
  MemoryCharge memory_{ctx_};  // seen_
  IdTable batch_;
  std::unordered_set<std::vector<TermId>, IdsHash> seen_;
};

}  // namespace

OperatorPtr MakeDistinct(ExecContext& ctx, OperatorPtr input) {
  return std::make_unique<Distinct>(ctx, std::move(input));
}

}  // namespace silk::query
