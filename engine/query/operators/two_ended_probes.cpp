#include "engine/query/operators/two_ended_probes.h"

#include "engine/query/operators/spare_threads.h"

namespace silk::query {
namespace {

// Fewer rows are probed faster than a spare thread wakes up.
constexpr std::size_t kMinSharedRows = 64;
// The spare thread keeps at most about this many matches (2 MiB); a row with more than that
// alone is handed back, to be streamed here.
constexpr std::size_t kMaxBackMatches = std::size_t{1} << 16;

constexpr std::uint64_t Pack(std::uint64_t front, std::uint64_t back) {
  return (front << 32) | back;
}

// What became of a row the spare thread claimed.
enum RowState : unsigned char {
  kProbing,     // being probed there (every row starts so; rows this thread claims never look)
  kDone,        // its matches are in Row::matches
  kHandedBack,  // too many matches, or the spare thread stopped: probed here
  kTakenOver,   // this thread reached it first and probes it itself
};

}  // namespace

struct TwoEndedProbes::Batch {
  struct Row {
    std::atomic<unsigned char> state{kProbing};
    std::vector<storage::QuadIds> matches;
  };

  Batch(std::vector<ProbeValues> p, std::vector<bool> r)
      : probes(std::move(p)), repeats(std::move(r)), unclaimed(Pack(0, probes.size())) {}

  // Claims the front row (this thread) or the back row (the spare thread); false when the
  // two have met.
  bool ClaimFront() { return Claim(/*front=*/true).has_value(); }
  std::optional<std::size_t> ClaimBack() { return Claim(/*front=*/false); }

  std::optional<std::size_t> Claim(bool front) {
    std::uint64_t state = unclaimed.load(std::memory_order_acquire);
    for (;;) {
      const std::uint64_t first = state >> 32;
      const std::uint64_t end = state & 0xffffffffu;
      if (first >= end) return std::nullopt;
      const std::uint64_t next = front ? Pack(first + 1, end) : Pack(first, end - 1);
      if (unclaimed.compare_exchange_weak(state, next, std::memory_order_acq_rel)) {
        return front ? first : end - 1;
      }
    }
  }

  const std::vector<ProbeValues> probes;
  // The rows the memo answers (ProbeMemo::Repeats; empty when it is not used): the spare
  // thread leaves them alone.
  const std::vector<bool> repeats;
  std::unique_ptr<Row[]> rows;  // made when shared
  // Rows [front, back) are unclaimed: the front in the high 32 bits, the back in the low.
  std::atomic<std::uint64_t> unclaimed;
  std::atomic<bool> stop{false};
  bool shared = false;
};

TwoEndedProbes::~TwoEndedProbes() {
  if (batch_) batch_->stop.store(true, std::memory_order_relaxed);
  std::unique_lock lock(mu_);
  finished_.wait(lock, [&] { return running_ == 0; });
}

void TwoEndedProbes::Start(std::vector<ProbeValues> probes, bool seeking) {
  // A spare thread still on the last batch (it was taken over) finishes it on its own.
  if (batch_) batch_->stop.store(true, std::memory_order_relaxed);
  std::vector<bool> repeats;
  if (seeking && memo_.active()) repeats = memo_.Repeats(probes);
  batch_ = std::make_shared<Batch>(std::move(probes), std::move(repeats));
  next_row_ = 0;
  replayed_memory_.Set(0);
  if (!seeking || !ctx_.parallel() || batch_->probes.size() < kMinSharedRows) return;
  batch_->rows.reset(new Batch::Row[batch_->probes.size()]);
  {
    std::lock_guard lock(mu_);
    ++running_;
  }
  batch_->shared = RunOnSpareThread([this, batch = batch_] {
    ProbeFromTheBack(*batch);
    std::lock_guard lock(mu_);
    --running_;
    finished_.notify_all();
  });
  if (!batch_->shared) {
    std::lock_guard lock(mu_);
    --running_;
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
  while (std::optional<storage::QuadIds> quad = cursor.Next()) {
    if (found_.size() == ProbeMemo::kMaxMatchesPerProbe) {
      memo_.RememberTooMany(values);  // to be streamed by the caller, now and when repeated
      return std::nullopt;
    }
    found_.push_back(*quad);
  }
  memo_.Remember(values, found_);
  return std::span<const storage::QuadIds>(found_);
}

std::optional<std::span<const storage::QuadIds>> TwoEndedProbes::FromSpare(Batch& batch,
                                                                           std::size_t index) {
  if (!batch.shared || batch.ClaimFront()) return std::nullopt;
  Batch::Row& row = batch.rows[index];
  unsigned char state = row.state.load(std::memory_order_acquire);
  if (state == kProbing &&
      row.state.compare_exchange_strong(state, kTakenOver, std::memory_order_acq_rel)) {
    return std::nullopt;
  }
  // A repeated probe the spare thread left alone is answered from the memo.
  if (state != kDone || (!batch.repeats.empty() && batch.repeats[index])) return std::nullopt;
  replayed_memory_.Add(row.matches.capacity() * sizeof(storage::QuadIds));
  ++rows_from_spare_;
  return std::span<const storage::QuadIds>(row.matches);
}

void TwoEndedProbes::ProbeFromTheBack(Batch& batch) {
  const auto stopped = [&] {
    return batch.stop.load(std::memory_order_relaxed) || ctx_.Stopped();
  };
  std::optional<PatternCursor> cursor;
  std::size_t held = 0;
  while (held < kMaxBackMatches && !stopped()) {
    const std::optional<std::size_t> claimed = batch.ClaimBack();
    if (!claimed) break;
    Batch::Row& row = batch.rows[*claimed];
    bool whole = true;
    // A failure (a storage error) hands the row back: probed here, it fails here too and
    // stops the query with its message.
    try {
      const ProbeValues& values = batch.probes[*claimed];
      if (values && (batch.repeats.empty() || !batch.repeats[*claimed])) {
        PatternCursor& probe = StartProbe(cursor, ctx_.snapshot(), pattern_, *values);
        while (std::optional<storage::QuadIds> quad = probe.Next()) {
          row.matches.push_back(*quad);
          if (row.matches.size() >= kMaxBackMatches ||
              (row.matches.size() % 1024 == 0 && stopped())) {
            whole = false;
            break;
          }
        }
      }
    } catch (...) {
      whole = false;
    }
    if (!whole) std::vector<storage::QuadIds>().swap(row.matches);
    held += row.matches.size();
    unsigned char state = kProbing;
    if (!row.state.compare_exchange_strong(state, whole ? kDone : kHandedBack,
                                           std::memory_order_acq_rel)) {
      break;  // taken over: this thread has every row from here down
    }
    if (!whole) break;
  }
}

}  // namespace silk::query
