// Sort (ORDER BY): reads all input rows, evaluates the keys once per row, and sorts stably
// by SPARQL's total order.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>

#include "engine/query/expr/compare.h"
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class Sort final : public Operator {
 public:
  Sort(ExecContext& ctx, OperatorPtr input, std::vector<SortKey> keys)
      : Operator(ctx, input->columns()), input_(std::move(input)), keys_(std::move(keys)) {
    set_estimated_rows(input_->estimated_rows());
    set_maybe_unbound(input_->maybe_unbound());
    set_positions_held(input_->positions_held());
  }

  std::string Describe() const override { return "Sort by" + DescribeKeys(keys_); }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    if (!sorted_) SortAll();
    for (; next_ < order_.size() && out.rows() < kBatchRows; ++next_) {
      out.AddRow(rows_.row(order_[next_]));
    }
    return next_ < order_.size();
  }

 private:
  void SortAll() {
    rows_ = Materialize(*input_, memory_);
    const std::size_t n = rows_.rows();
    // Charged before they are allocated: the key values, the order, and the buffer
    // std::stable_sort takes (up to one index per row).
    memory_.Add(std::uint64_t{n} * (keys_.size() * sizeof(expr::EvalResult) +
                                    2 * sizeof(std::size_t)));
    // Key values, row-major: keys_.size() per row. An error sorts like an unbound value.
    std::vector<expr::EvalResult> values;
    values.reserve(n * keys_.size());
    std::uint64_t strings = 0;  // the values' text beyond what fits in a std::string
    for (std::size_t r = 0; r < n; ++r) {
      if ((r & 1023) == 0) {
        ctx_.CheckCancelled();
        memory_.Add(strings);
        strings = 0;
      }
      for (SortKey& key : keys_) {
        values.push_back(key.expression->Evaluate(rows_.row(r)));
        if (values.back()) strings += TermHeapBytes(values.back()->term());
      }
    }
    memory_.Add(strings);
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0);
    const std::size_t width = keys_.size();
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return CompareKeys(keys_, &values[a * width], &values[b * width]) < 0;
    });
    sorted_ = true;
  }

  OperatorPtr input_;
  std::vector<SortKey> keys_;
  MemoryCharge memory_{ctx_};  // rows_, the key values, order_
  bool sorted_ = false;
  IdTable rows_;
  std::vector<std::size_t> order_;
  std::size_t next_ = 0;
};

}  // namespace

std::string DescribeKeys(const std::vector<SortKey>& keys) {
  std::string text;
  for (const SortKey& key : keys) {
    text += key.descending ? " DESC(" + key.expression->ToString() + ")"
                           : " " + key.expression->ToString();
  }
  return text;
}

int CompareKeys(const std::vector<SortKey>& keys, const expr::EvalResult* a,
                const expr::EvalResult* b) {
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const int c = expr::OrderCompare(a[k] ? &*a[k] : nullptr, b[k] ? &*b[k] : nullptr);
    if (c != 0) return keys[k].descending ? -c : c;
  }
  return 0;
}

OperatorPtr MakeSort(ExecContext& ctx, OperatorPtr input, std::vector<SortKey> keys) {
  return std::make_unique<Sort>(ctx, std::move(input), std::move(keys));
}

}  // namespace silk::query
