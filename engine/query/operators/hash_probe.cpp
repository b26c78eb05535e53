#include "engine/query/operators/hash_probe.h"

#include "engine/query/operators/costs.h"

namespace silk::query {

HashProbe::HashProbe(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                     bool left_columns_only)
    // The base is built before any member, while `left` and `right` are still ours to read.
    : Operator(ctx, left_columns_only ? left->columns() : JoinLayout(*left, *right).columns),
      layout_(*left, *right), left_(std::move(left)), right_(std::move(right)) {}

void HashProbe::Start() {
  const ScanPattern* scan = right_->ScanOf();
  if (scan == nullptr || layout_.left_keys.empty() || !ctx_.adapts()) return BuildTable();
  const double lookups_worth = right_->estimated_rows() / kSeekCost;
  IdTable batch;
  probe_ = IdTable(left_->columns().size());
  while (static_cast<double>(probe_.rows()) < lookups_worth) {
    if (!left_->Next(batch)) {
      left_done_ = true;
      lookups_.emplace(ctx_, *right_, *scan, layout_, *left_, probe_);
      return;
    }
    read_ahead_memory_.Add(batch.rows() * batch.width() * sizeof(TermId));
    for (std::size_t r = 0; r < batch.rows(); ++r) probe_.AddRow(batch.row(r));
  }
  BuildTable();
}

void HashProbe::BuildTable() {
  IdTable rows = Materialize(*right_, memory_);
  // Charge the most the index can take before building it, then what it took.
  const std::uint64_t rows_bytes = memory_.bytes();
  memory_.Add(KeyedRows::IndexBytesAtMost(rows.rows()));
  table_.emplace(std::move(rows), layout_.right_keys);
  memory_.Set(rows_bytes + table_->IndexBytes());
}

bool HashProbe::DoNext(IdTable& out) {
  if (!table_ && !lookups_) Start();
  while (out.rows() < kBatchRows) {
    if (probe_row_ >= probe_.rows()) {
      if (left_done_ || !left_->Next(probe_)) return false;
      probe_row_ = 0;
      continue;
    }
    ProbeRow(probe_.row(probe_row_++), out);
  }
  return true;
}

}  // namespace silk::query
