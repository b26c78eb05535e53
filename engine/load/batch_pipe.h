// The hand-over between the two threads of a load: batches of parsed statements go from the
// parser to the thread that inserts them, and come back empty to be filled again.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "engine/load/quad_batch.h"

namespace silk::load {

// At most `capacity` batches ever exist, which bounds the memory of a load and how far the
// parser can run ahead. Batches are made only when needed, so a small input makes one.
// One thread sends, one receives.
class BatchPipe {
 public:
  explicit BatchPipe(std::size_t capacity) : capacity_(capacity) {}
  BatchPipe(const BatchPipe&) = delete;
  BatchPipe& operator=(const BatchPipe&) = delete;

  // --- The sending side.
  // An empty batch to fill: a returned one, or a new one while fewer than `capacity` exist;
  // else waits for one to come back. Null once the receiver has cancelled.
  QuadBatch* Empty();
  // Hands a filled batch on; never waits (there is room for every batch there is).
  void Send(QuadBatch* batch);
  // Nothing more will be sent.
  void Close();
  // Whether the receiver has given up; cheap enough to ask for every statement.
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

  // --- The receiving side.
  // The next batch in the order sent; waits for it. Null once closed and all batches received.
  QuadBatch* Receive();
  // Gives a received batch back for reuse.
  void Recycle(QuadBatch* batch);
  // Stops the sender: its Empty() returns null from now on, also if it is waiting.
  void Cancel();

 private:
  const std::size_t capacity_;
  std::mutex mu_;
  std::condition_variable emptied_;  // a batch came back, or the pipe was cancelled
  std::condition_variable filled_;   // a batch was sent, or the pipe was closed
  std::vector<std::unique_ptr<QuadBatch>> batches_;
  std::vector<QuadBatch*> empty_;
  std::deque<QuadBatch*> sent_;
  bool closed_ = false;
  std::atomic<bool> cancelled_{false};
};

}  // namespace silk::load
