// IndexScan: the rows of one triple pattern, straight from the index that serves it; a long
// one read by two threads when a spare thread is idle (SharedScan).
#include <fmt/format.h>

#include <algorithm>

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
    // The first batches are small: a short scan does not pay for a long one's buffer.
    if (quads_.size() < kBatchRows) {
      quads_.resize(std::min(kBatchRows, std::max<std::size_t>(64, 2 * quads_.size())));
    }
    const std::span<storage::QuadIds> quads(quads_);
    const std::size_t read = shared_ ? shared_->Read(quads) : cursor_->Read(quads);
    const std::span<TermId> ids = out.AddRows(read);
    const std::size_t width = out.width();
    for (std::size_t r = 0; r < read; ++r) {
      const TermId values[4] = {quads[r].s, quads[r].p, quads[r].o, quads[r].g};
      TermId* row = ids.data() + r * width;
      for (std::size_t i = 0; i < 4; ++i) {
        if (column_of_slot_[i] >= 0) row[column_of_slot_[i]] = values[i];
      }
    }
    return read == quads.size();
  }

 private:
  ScanPattern pattern_;
  int column_of_slot_[4] = {-1, -1, -1, -1};
  std::optional<PatternCursor> cursor_;
  std::optional<SharedScan> shared_;  // or this, for a long scan
  std::vector<storage::QuadIds> quads_;  // read into, then copied to the rows
};

}  // namespace

OperatorPtr MakeIndexScan(ExecContext& ctx, ScanPattern pattern, double estimate) {
  return std::make_unique<IndexScan>(ctx, std::move(pattern), estimate);
}

}  // namespace silk::query
