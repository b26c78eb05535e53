#include "engine/query/hash_probe.h"

namespace silk::query {

HashProbe::HashProbe(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                     bool left_columns_only)
    // The base is built before any member, while `left` and `right` are still ours to read.
    : Operator(ctx, left_columns_only ? left->columns() : JoinLayout(*left, *right).columns),
      layout_(*left, *right), left_(std::move(left)), right_(std::move(right)) {}

bool HashProbe::DoNext(IdTable& out) {
  if (!table_) {
    table_.emplace(Materialize(*right_, ctx_), layout_.right_keys);
    ctx_.ChargeMemory(table_->MemoryBytes());
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
