// Slice (OFFSET, LIMIT): stops pulling from its input once the limit is reached.
#include <fmt/format.h>

#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class Slice final : public Operator {
 public:
  Slice(ExecContext& ctx, OperatorPtr input, std::uint64_t offset,
        std::optional<std::uint64_t> limit)
      : Operator(ctx, input->columns()), input_(std::move(input)), offset_(offset),
        limit_(limit) {
    double estimate = std::max(0.0, input_->estimated_rows() - static_cast<double>(offset));
    if (limit) estimate = std::min(estimate, static_cast<double>(*limit));
    set_estimated_rows(estimate);
    set_maybe_unbound(input_->maybe_unbound());
    set_positions_held(input_->positions_held());
  }

  std::string Describe() const override {
    std::string text = "Slice";
    if (offset_ > 0) text += fmt::format(" offset {}", offset_);
    if (limit_) text += fmt::format(" limit {}", *limit_);
    return text;
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    while (out.empty()) {
      if (limit_ && emitted_ >= *limit_) return false;
      if (!input_->Next(batch_)) return false;
      for (std::size_t r = 0; r < batch_.rows(); ++r) {
        if (skipped_ < offset_) {
          ++skipped_;
          continue;
        }
        if (limit_ && emitted_ >= *limit_) break;
        out.AddRow(batch_.row(r));
        ++emitted_;
      }
    }
    return !limit_ || emitted_ < *limit_;
  }

 private:
  OperatorPtr input_;
  std::uint64_t offset_;
  std::optional<std::uint64_t> limit_;
  std::uint64_t skipped_ = 0;
  std::uint64_t emitted_ = 0;
  IdTable batch_;
};

}  // namespace

OperatorPtr MakeSlice(ExecContext& ctx, OperatorPtr input, std::uint64_t offset,
                      std::optional<std::uint64_t> limit) {
  return std::make_unique<Slice>(ctx, std::move(input), offset, limit);
}

}  // namespace silk::query
