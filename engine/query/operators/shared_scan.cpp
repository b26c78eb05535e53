#include "engine/query/operators/shared_scan.h"

#include <algorithm>

#include "engine/query/operators/spare_threads.h"

namespace silk::query {
namespace {

// A shorter scan is over before a spare thread has read much of it.
constexpr double kMinSharedRows = 16384;
// About the rows of a piece (256 KiB of quads). Pieces this small keep the spare thread busy
// when it comes free partway through a scan, and the spare thread holds at most
// kPiecesAhead of them.
constexpr double kRowsPerPiece = 8192;
// How far ahead of this thread the spare thread may read: this thread often does more with each
// quad (joins, sorts) than the spare thread does reading it.
constexpr std::size_t kPiecesAhead = 2;
constexpr std::size_t kMaxPieces = 1024;

}  // namespace

bool SharedScan::WorthIt(const ExecContext& ctx, double rows) {
  return ctx.parallel() && SpareThreadCount() > 0 && rows >= kMinSharedRows;
}

SharedScan::SharedScan(ExecContext& ctx, const ScanPattern& pattern, double rows)
    : ctx_(ctx), pattern_(pattern) {
  pieces_per_range_ = static_cast<std::size_t>(
      std::clamp(rows / kRowsPerPiece, 2.0, static_cast<double>(kMaxPieces)));
  const std::size_t ranges = RangeCount(pattern_, {});
  for (std::size_t range = 0; range < ranges; ++range) {
    ranges_.push_back(ctx_.snapshot().Cut(ToQuadPattern(pattern_, {}, range), pieces_per_range_));
  }
  state_.resize(ranges * pieces_per_range_);
}

std::unique_ptr<storage::QuadIterator> SharedScan::Open(std::size_t i) const {
  return ranges_[i / pieces_per_range_]->Open(i % pieces_per_range_);
}

SharedScan::~SharedScan() {
  stop_ = true;
  std::unique_lock lock(mu_);
  // A piece offered but not begun is never begun now.
  for (Piece& piece : state_) {
    if (piece.state == PieceState::kOffered) piece.state = PieceState::kMine;
  }
  changed_.wait(lock, [&] { return running_ == 0; });
}

void SharedScan::OfferAhead() {
  std::unique_lock lock(mu_);
  const std::size_t end = std::min(state_.size(), current_ + 1 + kPiecesAhead);
  std::size_t i = current_ + 1;
  for (; i < end; ++i) {
    if (state_[i].state == PieceState::kOffered) return;  // one on offer is enough
    if (state_[i].state == PieceState::kFree) break;
  }
  if (i >= end) return;  // the pieces ahead are read or being read
  state_[i].state = PieceState::kOffered;
  if (queued_ > 0) return;  // the task not yet begun will read it
  ++running_;
  ++queued_;
  lock.unlock();
  const bool taken = RunOnSpareThread([this] {
    ReadOffered();
    std::lock_guard done(mu_);
    --running_;
    changed_.notify_all();
  });
  if (!taken) {
    lock.lock();
    if (state_[i].state == PieceState::kOffered) state_[i].state = PieceState::kFree;
    --running_;
    --queued_;
  }
}

void SharedScan::ReadOffered() {
  std::size_t i = 0;
  {
    std::lock_guard lock(mu_);
    --queued_;
    while (i < state_.size() && state_[i].state != PieceState::kOffered) ++i;
    if (i == state_.size()) return;  // all taken over
    state_[i].state = PieceState::kReading;
  }
  std::vector<storage::QuadIds> quads;
  bool read = false;
  // A failure (a storage error) leaves the piece to this thread, where it fails again and
  // stops the query with its message. A place its range has no piece for is read: empty.
  try {
    read = true;
    if (std::unique_ptr<storage::QuadIterator> it = Open(i)) {
      PatternCursor cursor(ctx_.snapshot(), pattern_, std::move(it));
      while (ReadInto(cursor, quads, quads.size() + 1024)) {
        if (stop_ || ctx_.Stopped()) {
          read = false;
          break;
        }
      }
    }
  } catch (...) {
    read = false;
  }
  std::lock_guard lock(mu_);
  if (read) state_[i].quads = std::move(quads);
  state_[i].state = read ? PieceState::kRead : PieceState::kFailed;
  changed_.notify_all();
}

bool SharedScan::NextPiece() {
  for (;;) {
    if (started_) ++current_;
    started_ = true;
    cursor_.reset();
    replayed_.clear();
    next_replayed_ = 0;
    if (current_ >= state_.size()) return false;
    std::unique_lock lock(mu_);
    Piece& piece = state_[current_];
    if (piece.state == PieceState::kReading) {
      changed_.wait(lock, [&] {
        return piece.state == PieceState::kRead || piece.state == PieceState::kFailed;
      });
    }
    if (piece.state == PieceState::kRead) {
      replayed_ = std::move(piece.quads);
      lock.unlock();
      if (replayed_.empty()) continue;
      ++pieces_read_;
      ++pieces_replayed_;
      replayed_memory_.Set(replayed_.capacity() * sizeof(storage::QuadIds));
      OfferAhead();
      return true;
    }
    piece.state = PieceState::kMine;  // free, offered but not begun, or failed there
    lock.unlock();
    std::unique_ptr<storage::QuadIterator> it = Open(current_);
    if (!it) continue;  // its range has fewer pieces
    cursor_.emplace(ctx_.snapshot(), pattern_, std::move(it));
    ++pieces_read_;
    OfferAhead();
    return true;
  }
}

std::size_t SharedScan::Read(std::span<storage::QuadIds> out) {
  std::size_t n = 0;
  while (n < out.size()) {
    std::size_t read = 0;
    if (cursor_) {
      read = cursor_->Read(out.subspan(n));
    } else {
      read = std::min(replayed_.size() - next_replayed_, out.size() - n);
      std::copy_n(replayed_.begin() + static_cast<std::ptrdiff_t>(next_replayed_), read,
                  out.begin() + static_cast<std::ptrdiff_t>(n));
      next_replayed_ += read;
    }
    if (read == 0) {
      if (!NextPiece()) break;
      continue;
    }
    // A piece's cursor merges a triple's graphs. The cuts fall before the graph position, so
    // no triple straddles two pieces; merging across them too keeps that from mattering.
    const std::size_t end = n + read;
    for (std::size_t i = n; i < end; ++i) {
      if (merges_graphs_ && last_ && storage::SameTriple(*last_, out[i])) continue;
      last_ = out[i];
      out[n++] = out[i];
    }
  }
  return n;
}

}  // namespace silk::query
