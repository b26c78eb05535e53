// Sort (ORDER BY): reads all input rows and sorts them stably by SPARQL's total order. A key
// that is a plain variable is ranked: its distinct values are decoded in one batch and ordered
// once, and rows compare ranks; other keys are evaluated once per row.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>

#include "engine/query/expr/compare.h"
#include "engine/query/operators/operators.h"
#include "engine/query/term_resolver.h"

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
    const std::size_t width = keys_.size();
    // Charged before they are allocated: a rank or value per key and row, the order, and the
    // buffer std::stable_sort takes (up to one index per row).
    memory_.Add(std::uint64_t{n} * (width * sizeof(expr::EvalResult) + 2 * sizeof(std::size_t)));
    // A plain variable's key is the rank of its value among the column's distinct values:
    // those are decoded together and put in order once, and rows then compare integers. Other
    // keys are evaluated per row; an error sorts like an unbound value.
    std::vector<std::vector<std::uint32_t>> ranks(width);
    std::vector<expr::EvalResult> values;
    for (std::size_t k = 0; k < width; ++k) {
      if (keys_[k].expression->VariableColumn()) ranks[k] = RanksOf(*keys_[k].expression);
    }
    const bool evaluated =
        std::any_of(ranks.begin(), ranks.end(), [](const auto& r) { return r.empty(); });
    if (evaluated && n > 0) {
      values.resize(n * width);
      std::uint64_t strings = 0;  // the values' text beyond what fits in a std::string
      for (std::size_t r = 0; r < n; ++r) {
        if ((r & 1023) == 0) {
          ctx_.CheckCancelled();
          memory_.Add(strings);
          strings = 0;
        }
        for (std::size_t k = 0; k < width; ++k) {
          if (!ranks[k].empty()) continue;
          expr::EvalResult& value = values[r * width + k];
          value = keys_[k].expression->Evaluate(rows_.row(r));
          if (value) strings += TermHeapBytes(value->term());
        }
      }
      memory_.Add(strings);
    }
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      for (std::size_t k = 0; k < width; ++k) {
        int c = 0;
        if (!ranks[k].empty()) {
          c = ranks[k][a] < ranks[k][b] ? -1 : ranks[k][a] > ranks[k][b] ? 1 : 0;
        } else {
          const expr::EvalResult& x = values[a * width + k];
          const expr::EvalResult& y = values[b * width + k];
          c = expr::OrderCompare(x ? &*x : nullptr, y ? &*y : nullptr);
        }
        if (c != 0) return keys_[k].descending ? c > 0 : c < 0;
      }
      return false;
    });
    sorted_ = true;
  }

  // Each row's rank of the value of the plain variable `key` reads: equal values (and unbound
  // ones, first) share a rank, and ranks ascend in SPARQL's order. Empty when there are no rows.
  std::vector<std::uint32_t> RanksOf(const RowExpression& key) {
    const std::size_t n = rows_.rows();
    std::vector<TermId> ids(n);
    for (std::size_t r = 0; r < n; ++r) ids[r] = *VariableId(key, rows_.row(r));
    std::vector<TermId> distinct = ids;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    // The distinct values' terms, decoded in one batch; an unbound value has none.
    std::vector<TermId> bound;
    bound.reserve(distinct.size());
    for (TermId id : distinct) {
      if (id != kUnbound) bound.push_back(id);
    }
    const std::vector<rdf::Term> terms = ctx_.terms().DecodeAll(bound);
    std::vector<const rdf::Term*> term_of(distinct.size(), nullptr);
    std::uint64_t bytes = distinct.size() * (sizeof(rdf::Term) + 2 * sizeof(std::uint32_t));
    for (std::size_t i = 0, t = 0; i < distinct.size(); ++i) {
      if (distinct[i] == kUnbound) continue;
      term_of[i] = &terms[t];
      bytes += TermHeapBytes(terms[t++]);
    }
    memory_.Add(bytes);
    ctx_.CheckCancelled();
    // IRIs (entities, the usual group keys) order by code point, as OrderCompare orders them:
    // compared as they are when every value is one. Other values are parsed to compare.
    const bool all_iris = std::all_of(terms.begin(), terms.end(), [](const rdf::Term& term) {
      return term.kind == rdf::TermKind::kIri;
    });
    std::vector<std::optional<expr::Value>> value_of;
    if (!all_iris) {
      value_of.resize(distinct.size());
      for (std::size_t i = 0; i < distinct.size(); ++i) {
        if ((i & 1023) == 0) ctx_.CheckCancelled();
        if (term_of[i] != nullptr) value_of[i] = expr::Value::FromTerm(*term_of[i]);
      }
      memory_.Add(distinct.size() * sizeof(expr::Value) + bytes);
    }
    auto compare = [&](std::uint32_t a, std::uint32_t b) {
      if (!all_iris) {
        return expr::OrderCompare(value_of[a] ? &*value_of[a] : nullptr,
                                  value_of[b] ? &*value_of[b] : nullptr);
      }
      if (term_of[a] == nullptr || term_of[b] == nullptr) {
        return int{term_of[a] != nullptr} - int{term_of[b] != nullptr};  // unbound first
      }
      const int c = term_of[a]->value.compare(term_of[b]->value);
      return (c > 0) - (c < 0);
    };
    std::vector<std::uint32_t> by_value(distinct.size());
    std::iota(by_value.begin(), by_value.end(), 0);
    // Stable, as the rows' sort: merge sorts never read out of bounds, even should some values
    // compare inconsistently.
    std::stable_sort(by_value.begin(), by_value.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return compare(a, b) < 0; });
    std::vector<std::uint32_t> rank(distinct.size());
    std::uint32_t current = 0;
    for (std::size_t i = 0; i < by_value.size(); ++i) {
      if (i > 0 && compare(by_value[i - 1], by_value[i]) != 0) ++current;
      rank[by_value[i]] = current;
    }
    std::vector<std::uint32_t> row_ranks(n);
    for (std::size_t r = 0; r < n; ++r) {
      const auto at = std::lower_bound(distinct.begin(), distinct.end(), ids[r]);
      row_ranks[r] = rank[static_cast<std::size_t>(at - distinct.begin())];
    }
    return row_ranks;
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
