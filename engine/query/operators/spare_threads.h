// The process's spare threads: as many as the machine has cores beyond the one a query runs
// on. An operator hands one a share of its work when one is idle and otherwise does all of it
// itself, so concurrent queries (a server's) never wait for each other's helpers, and one
// query alone gets every core.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>

namespace silk::query {

// Runs `task` on an idle spare thread and returns true; returns false, without running it,
// when none is idle (or the machine has one core). The task must not throw.
bool RunOnSpareThread(std::function<void()> task);

// How many spare threads there are (0 on one core).
std::size_t SpareThreadCount();

// The tasks one operator hands to spare threads, which read its state: destroyed (declare it
// after what the tasks read), it waits until each has returned. Tell the tasks to stop first.
class SpareTasks {
 public:
  SpareTasks() = default;
  ~SpareTasks();
  SpareTasks(const SpareTasks&) = delete;
  SpareTasks& operator=(const SpareTasks&) = delete;

  // RunOnSpareThread(task), counted until it returns.
  bool Run(std::function<void()> task);

 private:
  std::mutex mu_;
  std::condition_variable finished_;
  int running_ = 0;
};

}  // namespace silk::query
