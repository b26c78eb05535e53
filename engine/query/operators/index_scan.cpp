// IndexScan: the rows of one triple pattern, straight from the index that serves it; a long
// one read by two threads when a spare thread is idle (SharedScan).
#include <fmt/format.h>

#include "engine/query/operators/operators.h"
#include "engine/query/operators/shared_scan.h"

namespace silk::query {
namespace {

// With two of subject, predicate and object constant, the store reads the index that has both
// first (posg for p+o, spog for s+p, ospg for o+s; gspo or those with a graph constant), so
// the third comes out in id order: by graph after it at most, and object ranges ascend.
std::optional<VarId> SortedBy(const ScanPattern& pattern) {
  std::optional<VarId> free;
  int constants = 0;
  for (int i = kS; i <= kO; ++i) {
    if (pattern.slots[i].constant) {
      ++constants;
    } else {
      free = pattern.slots[i].variable;
    }
  }
  return constants == 2 ? free : std::nullopt;
}

class IndexScan final : public Operator {
 public:
  IndexScan(ExecContext& ctx, ScanPattern pattern, double estimate)
      : Operator(ctx, pattern.Variables()), pattern_(std::move(pattern)) {
    set_estimated_rows(estimate);
    for (std::size_t i = 0; i < 4; ++i) {
      if (pattern_.slots[i].variable) column_of_slot_[i] = ColumnOf(*pattern_.slots[i].variable);
    }
    set_sorted_by(SortedBy(pattern_));
    set_positions_held(PositionsHeldBy(pattern_));
  }

  const ScanPattern* ScanOf() const override { return &pattern_; }
  std::string Describe() const override {
    std::string text = "IndexScan " + DescribePattern(ctx_, pattern_);
    if (shared_ && shared_->pieces_replayed() > 0) {
      text += fmt::format(" ({} pieces, {} read on a spare thread)", shared_->pieces_read(),
                          shared_->pieces_replayed());
    }
    return text;
  }

 protected:
  bool DoNext(IdTable& out) override {
    if (!cursor_ && !shared_) {
      if (SharedScan::WorthIt(ctx_, estimated_rows())) {
        shared_.emplace(ctx_, pattern_, estimated_rows());
      } else {
        cursor_.emplace(ctx_.snapshot(), pattern_, std::array<std::optional<TermId>, 4>{});
      }
    }
    while (out.rows() < kBatchRows) {
      std::optional<storage::QuadIds> quad = shared_ ? shared_->Next() : cursor_->Next();
      if (!quad) return false;
      std::span<TermId> row = out.AddRow();
      const TermId values[4] = {quad->s, quad->p, quad->o, quad->g};
      for (std::size_t i = 0; i < 4; ++i) {
        if (column_of_slot_[i] >= 0) row[column_of_slot_[i]] = values[i];
      }
    }
    return true;
  }

 private:
  ScanPattern pattern_;
  int column_of_slot_[4] = {-1, -1, -1, -1};
  std::optional<PatternCursor> cursor_;
  std::optional<SharedScan> shared_;  // or this, for a long scan
};

}  // namespace

OperatorPtr MakeIndexScan(ExecContext& ctx, ScanPattern pattern, double estimate) {
  return std::make_unique<IndexScan>(ctx, std::move(pattern), estimate);
}

}  // namespace silk::query
