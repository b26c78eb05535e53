// The quads of one triple pattern read in pieces (Snapshot::Cut; each of its object ranges cut
// on its own) by two threads: whenever this thread moves to a piece, it offers one of the next
// few to a spare thread, and it hands all of them on in order. A long scan costs about half the
// time; its quads and their order are those of one thread. A spare thread is held only while it
// reads a piece, so two scans read at once (a merge join's) take turns with it.
//
// This thread takes over a piece the spare thread has not begun (it is busy elsewhere, or the
// machine is), and one it failed to read (the failure then stops the query here).
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "engine/query/exec_context.h"
#include "engine/query/operators/scan_pattern.h"

namespace silk::query {

class SharedScan {
 public:
  // Whether a scan of about `rows` rows is worth sharing.
  static bool WorthIt(const ExecContext& ctx, double rows);

  // Borrows `pattern`, which must outlive it.
  SharedScan(ExecContext& ctx, const ScanPattern& pattern, double rows);
  // Waits for a spare thread still reading a piece to let go of the snapshot.
  ~SharedScan();
  SharedScan(const SharedScan&) = delete;
  SharedScan& operator=(const SharedScan&) = delete;

  // Fills `out` with the next quads and returns how many: fewer than out.size() only after
  // the last. Throws QueryAborted on a storage error.
  std::size_t Read(std::span<storage::QuadIds> out);

  // For EXPLAIN ANALYZE: the pieces handed on so far, and how many the spare thread read.
  std::size_t pieces_read() const { return pieces_read_; }
  std::size_t pieces_replayed() const { return pieces_replayed_; }

 private:
  enum class PieceState : unsigned char { kFree, kOffered, kReading, kRead, kFailed, kMine };
  struct Piece {
    PieceState state = PieceState::kFree;
    std::vector<storage::QuadIds> quads;  // kRead
  };

  // Offers the first piece not yet begun, of the kPiecesAhead after the current one, to a
  // spare thread, unless one is on offer already or no spare thread is idle.
  void OfferAhead();
  // On the spare thread: reads the first piece on offer, if this thread has not taken them all
  // over meanwhile.
  void ReadOffered();
  // Moves to the next piece: reads it here, or replays what the spare thread read.
  bool NextPiece();
  // The quads of piece `i`, or null when its range has fewer pieces.
  std::unique_ptr<storage::QuadIterator> Open(std::size_t i) const;

  ExecContext& ctx_;
  const ScanPattern& pattern_;
  // The pieces of each object range the pattern reads (one when it has none), each range
  // given as many places in state_ as the pieces it may be cut into.
  std::vector<std::unique_ptr<storage::ScanPieces>> ranges_;
  std::size_t pieces_per_range_ = 0;

  // This thread's position.
  std::size_t current_ = 0;  // the piece being handed on
  bool started_ = false;
  std::optional<PatternCursor> cursor_;       // reading the current piece here
  std::vector<storage::QuadIds> replayed_;    // or replaying the spare thread's
  std::size_t next_replayed_ = 0;
  std::optional<storage::QuadIds> last_;      // the last quad handed on, for merging graphs
  const bool merges_graphs_ = pattern_.MergesGraphs();
  MemoryCharge replayed_memory_{ctx_};
  std::size_t pieces_read_ = 0;
  std::size_t pieces_replayed_ = 0;

  // Shared with the spare thread, under mu_.
  std::mutex mu_;
  std::condition_variable changed_;
  std::vector<Piece> state_;
  int running_ = 0;  // spare-thread tasks that have not returned
  // Of those, the ones not begun. Such a task reads whichever piece is on offer when it begins,
  // so a later offer waits for it instead of queueing another: a task for a piece this thread
  // took over would otherwise hold the queue while the next, useful offer was refused.
  int queued_ = 0;
  std::atomic<bool> stop_{false};  // the scan is over: a piece being read is not needed
};

}  // namespace silk::query
