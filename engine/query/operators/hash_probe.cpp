#include "engine/query/operators/hash_probe.h"

namespace silk::query {

HashProbe::HashProbe(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                     bool left_columns_only)
    // The base is built before any member, while `left` and `right` are still ours to read.
    : Operator(ctx, left_columns_only ? left->columns() : JoinLayout(*left, *right).columns),
      layout_(*left, *right), left_(std::move(left)), right_(std::move(right)) {}

bool HashProbe::DoNext(IdTable& out) {
  if (!table_) {
    IdTable rows = Materialize(*right_, memory_);
    // Charge the most the index can take before building it, then what it took.
    const std::uint64_t rows_bytes = memory_.bytes();
    memory_.Add(KeyedRows::IndexBytesAtMost(rows.rows()));
    table_.emplace(std::move(rows), layout_.right_keys);
    memory_.Set(rows_bytes + table_->IndexBytes());
  }
  while (out.rows() < kBatchRows) {
    if (probe_row_ >= probe_.rows()) {
      if (!left_->Next(probe_)) return false;
      probe_row_ = 0;
      continue;
    }
    ProbeRow(probe_.row(probe_row_++), out);
  }
  return true;
}

}  // namespace silk::query
