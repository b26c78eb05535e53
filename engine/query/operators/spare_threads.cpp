#include "engine/query/operators/spare_threads.h"

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
        return false;
      }
      ++started_;
    }
    return true;
  }

  std::size_t count() const { return count_; }

 private:
  void Serve() {
    std::unique_lock lock(mu_);
    for (;;) {
      while (tasks_.empty()) {
        ++idle_;
        ready_.wait(lock);
        --idle_;
      }
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
      lock.lock();
    }
  }

  const std::size_t count_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
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

}  // namespace silk::query
