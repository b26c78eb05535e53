// The probes of one batch of an index join's left rows, shared with a spare thread: this
// thread takes rows from the front and streams their matches as before; the spare thread takes
// rows from the back and keeps their matches, until the two meet. The rows still come out in
// order, each with its matches in index order. A seek costs a microsecond or more, so a batch
// of them splits well over two cores.
//
// This thread never waits for the spare one: when it reaches the row the spare thread is still
// probing, it takes that row over and probes it itself (a busy machine may not run the spare
// thread for milliseconds), and the spare thread drops what it found and stops.
//
// Probes that repeat an earlier one are answered from its matches (ProbeMemo): the spare
// thread leaves them alone, and while they repeat, this thread's probes are read whole (up to
// ProbeMemo::kMaxMatchesPerProbe matches) so that they can be remembered.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "engine/query/exec_context.h"
#include "engine/query/operators/probe_memo.h"
#include "engine/query/operators/scan_pattern.h"
#include "engine/query/operators/spare_threads.h"

namespace silk::query {

class TwoEndedProbes {
 public:
  // Borrows `pattern`, which must outlive it.
  TwoEndedProbes(ExecContext& ctx, const ScanPattern& pattern) : ctx_(ctx), pattern_(pattern) {}
  // Stops the spare thread's share and waits for it to let go of the pattern.
  ~TwoEndedProbes();
  TwoEndedProbes(const TwoEndedProbes&) = delete;
  TwoEndedProbes& operator=(const TwoEndedProbes&) = delete;

  // Starts a batch whose row i probes `probes[i]`. With `seeking` (the probes are index seeks,
  // not lookups in a table), offers its rows to a spare thread when one is idle, the query may
  // use one, and the batch is worth it, and answers repeated probes from memory.
  void Start(std::vector<ProbeValues> probes, bool seeking);
  // The batch's next row (rows are taken in order, from 0): its probe, and its matches when
  // they are known (the spare thread found them, an earlier probe did, or they were read here
  // to be remembered), valid until the next call; nullopt when it is to be probed by the
  // caller.
  const ProbeValues& probe(std::size_t row) const;
  std::optional<std::span<const storage::QuadIds>> TakeNext();
  // For EXPLAIN ANALYZE, over all batches: the rows whose matches the spare thread found, and
  // those an earlier probe's answered (no seek).
  std::uint64_t rows_from_spare() const { return rows_from_spare_; }
  std::uint64_t rows_remembered() const { return memo_.hits(); }

 private:
  struct Batch;
  // The spare thread's share of `batch`: rows from the back until they run out, it holds as
  // many matches as it may, or the query stops.
  void ProbeFromTheBack(Batch& batch);
  // The matches the spare thread found for `row`, if it did.
  std::optional<std::span<const storage::QuadIds>> FromSpare(Batch& batch, std::size_t row);
  // Reads the matches of `values` here and remembers them; nullopt when there are too many to
  // remember.
  std::optional<std::span<const storage::QuadIds>> ProbeHere(const ProbeBindings& values);

  ExecContext& ctx_;
  const ScanPattern& pattern_;
  std::shared_ptr<Batch> batch_;  // the spare thread's task holds it too
  std::size_t next_row_ = 0;
  std::uint64_t rows_from_spare_ = 0;
  MemoryCharge replayed_memory_{ctx_};  // the matches this batch took from the spare thread
  ProbeMemo memo_{ctx_};
  std::optional<PatternCursor> cursor_;  // ProbeHere's
  std::vector<storage::QuadIds> found_;  // ProbeHere's matches
  SpareTasks spare_tasks_;  // they read `pattern_` and the snapshot: last, gone first
};

}  // namespace silk::query
