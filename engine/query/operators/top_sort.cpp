// Top-k sort (ORDER BY … LIMIT k): keeps only the k first rows in SPARQL's order while it
// reads its input, so memory holds about 2k rows however long the input is, and the sort
// work is O(n log k) instead of O(n log n). The result equals the first k rows of a stable
// sort (Sort): ties are broken by input position.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>

#include "engine/query/expr/compare.h"
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

class TopSort final : public Operator {
 public:
  TopSort(ExecContext& ctx, OperatorPtr input, std::vector<SortKey> keys, std::uint64_t k)
      : Operator(ctx, input->columns()),
        input_(std::move(input)),
        keys_(std::move(keys)),
        k_(static_cast<std::size_t>(std::min<std::uint64_t>(k, kMaxKept))),
        kept_(columns().size()) {
    set_estimated_rows(std::min<double>(input_->estimated_rows(), static_cast<double>(k_)));
    set_maybe_unbound(input_->maybe_unbound());
    set_positions_held(input_->positions_held());
  }

  std::string Describe() const override {
    return "TopSort " + std::to_string(k_) + " by" + DescribeKeys(keys_);
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    if (!sorted_) Collect();
    for (; next_ < order_.size() && out.rows() < kBatchRows; ++next_) {
      out.AddRow(kept_.row(order_[next_]));
    }
    return next_ < order_.size();
  }

 private:
  // Past this, k is the whole input in practice: the memory limit decides, as for Sort.
  static constexpr std::uint64_t kMaxKept = std::uint64_t{1} << 32;

  void Collect() {
    IdTable batch;
    while (input_->Next(batch)) {
      ctx_.CheckCancelled();
      for (std::size_t r = 0; r < batch.rows(); ++r) {
        ++read_;
        // The first key alone rules out most rows once k are held. The others (often terms
        // to decode, such as IRIs that only break ties) are evaluated only when a comparison
        // meets a tie on the first: rows that come in ever better (dates ascending for
        // DESC(?date)) all enter, and most leave again without being decoded.
        expr::EvalResult first = keys_[0].expression->Evaluate(batch.row(r));
        if (cutoff_ && After(first, *cutoff_)) continue;
        kept_.AddRow(batch.row(r));
        text_bytes_ += TextBytes(first);
        values_.push_back(std::move(first));
        values_.resize(values_.size() + keys_.size() - 1);
        rest_evaluated_.push_back(keys_.size() == 1);
        position_.push_back(read_ - 1);
      }
      // Compacted when twice k (and a batch) are held: each compaction costs O(2k), and
      // comes once per k rows read.
      if (kept_.rows() >= 2 * k_ + kBatchRows) Keep(k_);
      Charge();
    }
    Keep(k_);
    order_.resize(kept_.rows());
    std::iota(order_.begin(), order_.end(), 0);
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return Less(a, b); });
    sorted_ = true;
  }

  // Whether a first key `value` sorts strictly after `bound`.
  bool After(const expr::EvalResult& value, const expr::EvalResult& bound) const {
    const int c = expr::OrderCompare(value ? &*value : nullptr, bound ? &*bound : nullptr);
    return keys_[0].descending ? c < 0 : c > 0;
  }

  // How held rows `a` and `b` compare by the first key alone (DESC turned around).
  int CompareFirst(std::size_t a, std::size_t b) const {
    const std::size_t width = keys_.size();
    const expr::EvalResult& x = values_[a * width];
    const expr::EvalResult& y = values_[b * width];
    const int c = expr::OrderCompare(x ? &*x : nullptr, y ? &*y : nullptr);
    return keys_[0].descending ? -c : c;
  }

  // Whether held row `a` comes before held row `b`: by the keys, then by input position.
  bool Less(std::size_t a, std::size_t b) {
    const std::size_t width = keys_.size();
    int c = CompareFirst(a, b);
    if (c != 0) return c < 0;
    if (width > 1) {
      EvaluateRest(a);
      EvaluateRest(b);
      c = CompareKeys(keys_, &values_[a * width], &values_[b * width]);
      if (c != 0) return c < 0;
    }
    return position_[a] < position_[b];
  }

  // The keys after the first of held row `i`, evaluated when first needed.
  void EvaluateRest(std::size_t i) {
    if (rest_evaluated_[i]) return;
    const std::size_t width = keys_.size();
    for (std::size_t k = 1; k < width; ++k) {
      values_[i * width + k] = keys_[k].expression->Evaluate(kept_.row(i));
      text_bytes_ += TextBytes(values_[i * width + k]);
    }
    rest_evaluated_[i] = true;
  }

  // Keeps the first `n` held rows in order (in no particular order among themselves).
  void Keep(std::size_t n) {
    if (kept_.rows() <= n) return;
    std::vector<std::size_t> order(kept_.rows());
    std::iota(order.begin(), order.end(), 0);
    // By the first key alone: the n-th row's value splits the rows into those that stay,
    // those that go, and the ties at the boundary, which alone need the other keys (so a
    // compaction decodes the few rows that tie there, not every row that ties any other).
    if (n > 0) {
      const auto nth = order.begin() + static_cast<std::ptrdiff_t>(n - 1);
      std::nth_element(order.begin(), nth, order.end(),
                       [&](std::size_t a, std::size_t b) { return CompareFirst(a, b) < 0; });
      const std::size_t boundary = *nth;
      auto ties = std::partition(order.begin(), order.end(),
                                 [&](std::size_t i) { return CompareFirst(i, boundary) < 0; });
      auto after = std::partition(ties, order.end(),
                                  [&](std::size_t i) { return CompareFirst(i, boundary) == 0; });
      std::sort(ties, after, [&](std::size_t a, std::size_t b) { return Less(a, b); });
    }
    order.resize(n);
    IdTable rows(kept_.width());
    std::vector<expr::EvalResult> values;
    std::vector<std::uint64_t> positions;
    std::vector<bool> rest_evaluated;
    values.reserve(n * keys_.size());
    positions.reserve(n);
    text_bytes_ = 0;
    for (std::size_t i : order) {
      rows.AddRow(kept_.row(i));
      for (std::size_t k = 0; k < keys_.size(); ++k) {
        text_bytes_ += TextBytes(values_[i * keys_.size() + k]);
        values.push_back(std::move(values_[i * keys_.size() + k]));
      }
      positions.push_back(position_[i]);
      rest_evaluated.push_back(rest_evaluated_[i]);
    }
    kept_ = std::move(rows);
    values_ = std::move(values);
    position_ = std::move(positions);
    rest_evaluated_ = std::move(rest_evaluated);
    // The last first key among the k kept: a row sorting strictly after it cannot enter.
    if (n > 0) {
      const std::size_t width = keys_.size();
      std::size_t last = 0;
      for (std::size_t i = 1; i < n; ++i) {
        if (After(values_[i * width], values_[last * width])) last = i;
      }
      cutoff_ = values_[last * width];
    }
  }

  // What the held rows take: their ids, key values with the text of those, and positions.
  void Charge() {
    memory_.Set(kept_.MemoryBytes() + values_.capacity() * sizeof(expr::EvalResult) +
                position_.capacity() * sizeof(std::uint64_t) + text_bytes_);
  }

  static std::uint64_t TextBytes(const expr::EvalResult& value) {
    return value ? TermHeapBytes(value->term()) : 0;
  }

  OperatorPtr input_;
  std::vector<SortKey> keys_;
  const std::size_t k_;
  MemoryCharge memory_{ctx_};
  bool sorted_ = false;
  IdTable kept_;
  std::vector<expr::EvalResult> values_;  // keys_.size() per held row
  std::vector<bool> rest_evaluated_;      // per held row: its values_ after the first are set
  std::uint64_t text_bytes_ = 0;          // the text behind values_, kept as rows come and go
  std::vector<std::uint64_t> position_;   // each held row's place in the input
  std::uint64_t read_ = 0;
  std::optional<expr::EvalResult> cutoff_;  // once k rows were kept: see Keep
  std::vector<std::size_t> order_;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeTopSort(ExecContext& ctx, OperatorPtr input, std::vector<SortKey> keys,
                        std::uint64_t k) {
  return std::make_unique<TopSort>(ctx, std::move(input), std::move(keys), k);
}

}  // namespace silk::query
