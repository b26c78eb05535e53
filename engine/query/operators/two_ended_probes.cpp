#include "engine/query/operators/two_ended_probes.h"

#include "engine/query/operators/spare_threads.h"
#include "engine/query/operators/two_ended_rows.h"

namespace silk::query {
namespace {

// Fewer rows are probed faster than a spare thread wakes up.
constexpr std::size_t kMinSharedRows = 64;
// The spare thread keeps at most about this many matches (2 MiB); a row with more than that
// alone is handed back, to be streamed here.
constexpr std::size_t kMaxBackMatches = std::size_t{1} << 16;

}  // namespace

struct TwoEndedProbes::Batch {
  Batch(std::vector<ProbeValues> p, std::vector<bool> r)
      : probes(std::move(p)), repeats(std::move(r)) {}

  void Stop() {
    if (rows) rows->Stop();
  }

  const std::vector<ProbeValues> probes;
  // The rows the memo answers (ProbeMemo::Repeats; empty when it is not used): the spare
  // thread leaves them alone.
  const std::vector<bool> repeats;
  // Each row's matches, when shared with a spare thread.
  std::unique_ptr<TwoEndedRows<std::vector<storage::QuadIds>>> rows;
};

TwoEndedProbes::~TwoEndedProbes() {
  if (batch_) batch_->Stop();  // spare_tasks_ then waits for the task to see it
}

void TwoEndedProbes::Start(std::vector<ProbeValues> probes, bool seeking) {
  // A spare thread still on the last batch (it was taken over) finishes it on its own.
  if (batch_) batch_->Stop();
  std::vector<bool> repeats;
  if (seeking && memo_.active()) repeats = memo_.Repeats(probes);
  batch_ = std::make_shared<Batch>(std::move(probes), std::move(repeats));
  next_row_ = 0;
  replayed_memory_.Set(0);
  if (!seeking || !ctx_.parallel() || batch_->probes.size() < kMinSharedRows) return;
  batch_->rows = std::make_unique<TwoEndedRows<std::vector<storage::QuadIds>>>(
      batch_->probes.size());
  if (!spare_tasks_.Run([this, batch = batch_] { ProbeFromTheBack(*batch); })) {
    batch_->rows.reset();
  }
}

const ProbeValues& TwoEndedProbes::probe(std::size_t row) const { return batch_->probes[row]; }

std::optional<std::span<const storage::QuadIds>> TwoEndedProbes::TakeNext() {
  Batch& batch = *batch_;
  const std::size_t row = next_row_++;
  std::optional<std::span<const storage::QuadIds>> found = FromSpare(batch, row);
  const ProbeValues& values = batch.probes[row];
  if (!values || batch.repeats.empty()) return found;
  if (found) {
    memo_.Remember(*values, *found);
    return found;
  }
  const ProbeMemo::Recall recall = memo_.Find(*values);
  if (recall.kind == ProbeMemo::Recall::kMatches) return recall.matches;
  if (recall.kind == ProbeMemo::Recall::kTooMany || !memo_.active()) return std::nullopt;
  return ProbeHere(*values);
}

std::optional<std::span<const storage::QuadIds>> TwoEndedProbes::ProbeHere(
    const ProbeBindings& values) {
  PatternCursor& cursor = StartProbe(cursor_, ctx_.snapshot(), pattern_, values);
  found_.clear();
  if (ReadInto(cursor, found_, ProbeMemo::kMaxMatchesPerProbe + 1)) {
    memo_.RememberTooMany(values);  // to be streamed by the caller, now and when repeated
    return std::nullopt;
  }
  memo_.Remember(values, found_);
  return std::span<const storage::QuadIds>(found_);
}

std::optional<std::span<const storage::QuadIds>> TwoEndedProbes::FromSpare(Batch& batch,
                                                                           std::size_t index) {
  if (!batch.rows || batch.rows->ClaimFront()) return std::nullopt;
  const std::vector<storage::QuadIds>* matches = batch.rows->Take(index);
  // A repeated probe the spare thread left alone is answered from the memo.
  if (matches == nullptr || (!batch.repeats.empty() && batch.repeats[index])) return std::nullopt;
  replayed_memory_.Add(matches->capacity() * sizeof(storage::QuadIds));
  ++rows_from_spare_;
  return std::span<const storage::QuadIds>(*matches);
}

void TwoEndedProbes::ProbeFromTheBack(Batch& batch) {
  TwoEndedRows<std::vector<storage::QuadIds>>& rows = *batch.rows;
  const auto stopped = [&] { return rows.stopped() || ctx_.Stopped(); };
  std::optional<PatternCursor> cursor;
  std::size_t held = 0;
  while (held < kMaxBackMatches && !stopped()) {
    const std::optional<std::size_t> claimed = rows.ClaimBack();
    if (!claimed) break;
    std::vector<storage::QuadIds>& matches = rows.payload(*claimed);
    bool whole = true;
    // A failure (a storage error) hands the row back: probed here, it fails here too and
    // stops the query with its message.
    try {
      const ProbeValues& values = batch.probes[*claimed];
      if (values && (batch.repeats.empty() || !batch.repeats[*claimed])) {
        PatternCursor& probe = StartProbe(cursor, ctx_.snapshot(), pattern_, *values);
        while (ReadInto(probe, matches, std::min(matches.size() + 1024, kMaxBackMatches))) {
          if (matches.size() >= kMaxBackMatches || stopped()) {
            whole = false;
            break;
          }
        }
      }
    } catch (...) {
      whole = false;
    }
    if (!whole) std::vector<storage::QuadIds>().swap(matches);
    held += matches.size();
    // Taken over: this thread has every row from here down.
    if (!rows.Finish(*claimed, whole) || !whole) break;
  }
}

}  // namespace silk::query
