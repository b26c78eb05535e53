#include "engine/query/operators/spare_threads.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>

namespace silk::query {
namespace {

class SpareThreads {
 public:
  explicit SpareThreads(std::size_t count) : count_(count) {}

  bool TryRun(std::function<void()> task) {
    std::unique_lock lock(mu_);
    if (tasks_.size() >= idle_ + (count_ - started_)) return false;
    tasks_.push_back(std::move(task));
    queued_.store(tasks_.size(), std::memory_order_relaxed);
    if (idle_ > 0) {
      lock.unlock();
      ready_.notify_one();
    } else {
      // Threads start when first needed: a process that never shares work makes none. One
      // the system will not make leaves the work to the caller.
      try {
        std::thread([this] { Serve(); }).detach();
      } catch (const std::system_error&) {
        tasks_.pop_back();
        queued_.store(tasks_.size(), std::memory_order_relaxed);
        return false;
      }
      ++started_;
    }
    return true;
  }

  std::size_t count() const { return count_; }

 private:
  // A query hands over work batch after batch, a millisecond or so apart: staying awake that
  // long after a task lets the next begin at once instead of after a wake-up (tens of
  // microseconds, more on a busy machine).
  void AwaitBriefly() const {
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(200);
    while (queued_.load(std::memory_order_relaxed) == 0) {
      for (int i = 0; i < 64; ++i) Pause();
      if (std::chrono::steady_clock::now() > until) return;
    }
  }

  static void Pause() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
  }

  void Serve() {
    std::unique_lock lock(mu_);
    for (;;) {
      while (tasks_.empty()) {
        ++idle_;
        lock.unlock();
        AwaitBriefly();
        lock.lock();
        if (tasks_.empty()) ready_.wait(lock);
        --idle_;
      }
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      queued_.store(tasks_.size(), std::memory_order_relaxed);
      lock.unlock();
      task();
      lock.lock();
    }
  }

  const std::size_t count_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  std::atomic<std::size_t> queued_{0};  // tasks_.size(), read without the lock
  std::size_t idle_ = 0;     // threads waiting for a task
  std::size_t started_ = 0;  // threads made so far
};

SpareThreads& Instance() {
  // Never destroyed: its threads live as long as the process and may wait on it at exit.
  static SpareThreads* threads = [] {
    const unsigned cores = std::thread::hardware_concurrency();
    return new SpareThreads(cores > 1 ? cores - 1 : 0);
  }();
  return *threads;
}

}  // namespace

bool RunOnSpareThread(std::function<void()> task) { return Instance().TryRun(std::move(task)); }

std::size_t SpareThreadCount() { return Instance().count(); }

SpareTasks::~SpareTasks() {
  std::unique_lock lock(mu_);
  finished_.wait(lock, [&] { return running_ == 0; });
}

bool SpareTasks::Run(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    ++running_;
  }
  const bool taken = RunOnSpareThread([this, task = std::move(task)] {
    task();
    std::lock_guard lock(mu_);
    --running_;
    finished_.notify_all();
  });
  if (!taken) {
    std::lock_guard lock(mu_);
    --running_;
  }
  return taken;
}

}  // namespace silk::query
