// The rows of one batch, worked on from both ends: the query's thread takes rows from the
// front and handles them as it goes; a spare thread takes rows from the back and keeps what it
// finds for each (a Payload), until the two meet. The query's thread never waits: on reaching
// a row the spare thread is still working on, it takes the row over and does it itself, and
// the spare thread drops what it found and stops. Each end claims a few rows at a time.
//
// Used by the probes of index joins (TwoEndedProbes) and of stars (StarJoin).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

namespace silk::query {

template <typename Payload>
class TwoEndedRows {
 public:
  explicit TwoEndedRows(std::size_t rows)
      : rows_(new Row[rows]), unclaimed_(Pack(0, rows)) {}

  // The query's thread: claims the next row from the front; false when the spare thread has
  // claimed it (see Take).
  bool ClaimFront() {
    if (front_next_ == front_end_) {
      const std::optional<std::pair<std::size_t, std::size_t>> run = Claim(/*front=*/true);
      if (!run) return false;
      front_next_ = run->first;
      front_end_ = run->second;
    }
    ++front_next_;
    return true;
  }

  // The query's thread, at a row the spare thread claimed: its payload when the spare thread
  // finished it; null when the row is to be done here (it was handed back, or it is still
  // being worked on and is taken over).
  Payload* Take(std::size_t index) {
    Row& row = rows_[index];
    unsigned char state = row.state.load(std::memory_order_acquire);
    if (state == kWorking &&
        row.state.compare_exchange_strong(state, kTakenOver, std::memory_order_acq_rel)) {
      return nullptr;
    }
    return state == kDone ? &row.payload : nullptr;
  }

  // The spare thread: claims the next row from the back; nullopt when the two have met.
  std::optional<std::size_t> ClaimBack() {
    if (back_next_ == back_begin_) {
      const std::optional<std::pair<std::size_t, std::size_t>> run = Claim(/*front=*/false);
      if (!run) return std::nullopt;
      back_begin_ = run->first;
      back_next_ = run->second;
    }
    return --back_next_;
  }
  // The spare thread: where it keeps what it finds for a row it claimed.
  Payload& payload(std::size_t index) { return rows_[index].payload; }
  // The spare thread, done with a row it claimed: `whole`, its payload is ready; otherwise it
  // hands the row back to be done by the query's thread. False when the row was taken over
  // (every row before it is the query's thread's: stop).
  bool Finish(std::size_t index, bool whole) {
    unsigned char state = kWorking;
    return rows_[index].state.compare_exchange_strong(state, whole ? kDone : kHandedBack,
                                                      std::memory_order_acq_rel);
  }

  // Tells the spare thread to stop after the row it is on.
  void Stop() { stop_.store(true, std::memory_order_relaxed); }
  bool stopped() const { return stop_.load(std::memory_order_relaxed); }

 private:
  // What became of a row the spare thread claimed.
  enum State : unsigned char {
    kWorking,     // being worked on there (every row starts so; the front's never look)
    kDone,        // its payload is ready
    kHandedBack,  // to be done by the query's thread
    kTakenOver,   // the query's thread reached it first and does it itself
  };
  struct Row {
    std::atomic<unsigned char> state{kWorking};
    Payload payload;
  };

  // Rows claimed at once: each claim writes the word both threads claim from, and moving it
  // from one core to the other for every row took as long as a probe of the key pages.
  static constexpr std::uint64_t kRun = 8;

  static constexpr std::uint64_t Pack(std::uint64_t front, std::uint64_t back) {
    return (front << 32) | back;
  }

  // Claims up to kRun unclaimed rows at the front or the back: [first, end), or nullopt when
  // none is left.
  std::optional<std::pair<std::size_t, std::size_t>> Claim(bool front) {
    std::uint64_t state = unclaimed_.load(std::memory_order_acquire);
    for (;;) {
      const std::uint64_t first = state >> 32;
      const std::uint64_t end = state & 0xffffffffu;
      if (first >= end) return std::nullopt;
      const std::uint64_t run = std::min<std::uint64_t>(kRun, end - first);
      const std::uint64_t next = front ? Pack(first + run, end) : Pack(first, end - run);
      if (unclaimed_.compare_exchange_weak(state, next, std::memory_order_acq_rel)) {
        return front ? std::pair<std::size_t, std::size_t>(first, first + run)
                     : std::pair<std::size_t, std::size_t>(end - run, end);
      }
    }
  }

  std::unique_ptr<Row[]> rows_;
  // Rows [front, back) are unclaimed: the front in the high 32 bits, the back in the low.
  std::atomic<std::uint64_t> unclaimed_;
  std::atomic<bool> stop_{false};
  // The run each end claimed last, worked through before the next claim: the query's
  // thread's rows [front_next_, front_end_), the spare thread's [back_begin_, back_next_).
  std::size_t front_next_ = 0, front_end_ = 0;
  std::size_t back_begin_ = 0, back_next_ = 0;
};

}  // namespace silk::query
