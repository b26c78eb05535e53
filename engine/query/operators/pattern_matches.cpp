#include "engine/query/operators/pattern_matches.h"

#include <algorithm>

#include "engine/query/exec_context.h"

namespace silk::query {

double PatternMatches::ScanRows() const {
  const std::array<std::optional<storage::TermId>, 4> none{};
  double rows = 0;
  for (std::size_t i = 0; i < RangeCount(pattern_, none); ++i) {
    rows += static_cast<double>(ctx_.EstimateQuads(ToQuadPattern(pattern_, none, i)));
  }
  return rows;
}

void PatternMatches::ReadAll(std::vector<int> slots, MemoryCharge& charge) {
  slots_ = std::move(slots);
  // Each growth is charged before it is allocated, as Materialize does.
  const std::uint64_t base = charge.bytes();
  IdTable rows(4);
  PatternCursor all(ctx_.snapshot(), pattern_, std::array<std::optional<storage::TermId>, 4>{});
  std::vector<storage::QuadIds> quads(kBatchRows);
  for (;;) {
    const std::size_t read = all.Read(quads);
    if (rows.rows() + read > rows.CapacityRows()) {
      const std::size_t more = std::max<std::size_t>(2 * rows.rows(), kBatchRows);
      charge.Set(base + more * 4 * sizeof(TermId));
      rows.Reserve(more);
    }
    const std::span<TermId> ids = rows.AddRows(read);
    for (std::size_t r = 0; r < read; ++r) {
      TermId* row = ids.data() + 4 * r;
      row[0] = quads[r].s;
      row[1] = quads[r].p;
      row[2] = quads[r].o;
      row[3] = quads[r].g;
    }
    if (read < quads.size()) break;
    ctx_.CheckCancelled();
  }
  const std::uint64_t rows_bytes = rows.MemoryBytes();
  charge.Set(base + rows_bytes + KeyedRows::IndexBytesAtMost(rows.rows()));
  table_.emplace(std::move(rows), slots_);
  charge.Set(base + rows_bytes + table_->IndexBytes());
}

void PatternMatches::Probe(const std::array<std::optional<storage::TermId>, 4>& bound,
                           std::unique_ptr<storage::QuadIterator> it) {
  if (!table_) {
    StartProbe(cursor_, ctx_.snapshot(), pattern_, bound, std::move(it));
    return;
  }
  if (it) unused_ = std::move(it);
  std::array<TermId, 4> probe{};
  for (int slot : slots_) probe[slot] = *bound[slot];
  matches_.clear();
  next_match_ = 0;
  table_->ForEachMatch(probe, slots_, [&](std::uint32_t row) { matches_.push_back(row); });
}

std::unique_ptr<storage::QuadIterator> PatternMatches::TakeIterator() {
  if (unused_) return std::move(unused_);
  return cursor_ ? cursor_->TakeIterator() : nullptr;
}

std::size_t PatternMatches::Read(std::span<storage::QuadIds> out) {
  if (!table_) return cursor_->Read(out);
  std::size_t n = 0;
  for (; n < out.size() && next_match_ < matches_.size(); ++n) {
    const std::span<const TermId> row = table_->rows().row(matches_[next_match_++]);
    out[n] = storage::QuadIds{row[0], row[1], row[2], row[3]};
  }
  return n;
}

}  // namespace silk::query
