#include "engine/load/batch_pipe.h"

namespace silk::load {

QuadBatch* BatchPipe::Empty() {
  std::unique_lock<std::mutex> lock(mu_);
  if (empty_.empty() && batches_.size() < capacity_ && !cancelled()) {
    batches_.push_back(std::make_unique<QuadBatch>());
    return batches_.back().get();
  }
  emptied_.wait(lock, [&] { return !empty_.empty() || cancelled(); });
  if (cancelled()) {
    return nullptr;
  }
  QuadBatch* batch = empty_.back();  // the most recently used one: its memory is warmest
  empty_.pop_back();
  return batch;
}

void BatchPipe::Send(QuadBatch* batch) {
  {
    const std::lock_guard<std::mutex> lock(mu_);
    sent_.push_back(batch);
  }
  filled_.notify_one();
}

void BatchPipe::Close() {
  {
    const std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
  }
  filled_.notify_one();
}

QuadBatch* BatchPipe::Receive() {
  std::unique_lock<std::mutex> lock(mu_);
  filled_.wait(lock, [&] { return !sent_.empty() || closed_; });
  if (sent_.empty()) {
    return nullptr;
  }
  QuadBatch* batch = sent_.front();
  sent_.pop_front();
  return batch;
}

void BatchPipe::Recycle(QuadBatch* batch) {
  batch->Clear();  // here, so the parser's thread does not wait for it
  {
    const std::lock_guard<std::mutex> lock(mu_);
    empty_.push_back(batch);
  }
  emptied_.notify_one();
}

void BatchPipe::Cancel() {
  {
    // Under the lock, so a sender between checking and waiting cannot miss the wake-up.
    const std::lock_guard<std::mutex> lock(mu_);
    cancelled_.store(true, std::memory_order_relaxed);
  }
  emptied_.notify_one();
}

}  // namespace silk::load
