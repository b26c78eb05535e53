// Values: rows given in the query (VALUES, and the single empty row of an empty group).
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class Values final : public Operator {
 public:
  Values(ExecContext& ctx, std::vector<VarId> columns, IdTable rows)
      : Operator(ctx, std::move(columns)), rows_(std::move(rows)) {
    set_estimated_rows(static_cast<double>(rows_.rows()));
    std::vector<VarId> maybe_unbound;
    for (std::size_t c = 0; c < this->columns().size(); ++c) {
      for (std::size_t r = 0; r < rows_.rows(); ++r) {
        if (rows_.at(r, c) == kUnbound) {
          maybe_unbound.push_back(this->columns()[c]);
          break;
        }
      }
    }
    set_maybe_unbound(std::move(maybe_unbound));
  }

  std::string Describe() const override {
    return columns().empty() ? "Unit" : "Values " + DescribeVariables(ctx_, columns());
  }

 protected:
  bool DoNext(IdTable& out) override {
    for (; next_ < rows_.rows() && out.rows() < kBatchRows; ++next_) out.AddRow(rows_.row(next_));
    return next_ < rows_.rows();
  }

 private:
  IdTable rows_;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeValues(ExecContext& ctx, std::vector<VarId> columns, IdTable rows) {
  return std::make_unique<Values>(ctx, std::move(columns), std::move(rows));
}

}  // namespace silk::query
