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
  while (std::optional<storage::QuadIds> quad = all.Next()) {
    if (rows.rows() == rows.CapacityRows()) {
      const std::size_t more = std::max<std::size_t>(2 * rows.rows(), kBatchRows);
      charge.Set(base + more * 4 * sizeof(TermId));
      rows.Reserve(more);
    }
    rows.AddRow(std::array<TermId, 4>{quad->s, quad->p, quad->o, quad->g});
    if (rows.rows() % kBatchRows == 0) ctx_.CheckCancelled();
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

std::optional<storage::QuadIds> PatternMatches::Next() {
  if (!table_) return cursor_->Next();
  if (next_match_ >= matches_.size()) return std::nullopt;
  const std::span<const TermId> row = table_->rows().row(matches_[next_match_++]);
  return storage::QuadIds{row[0], row[1], row[2], row[3]};
}

}  // namespace silk::query
