#include "engine/storage/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace silk::storage {

void RunTasks(std::span<const std::function<void()>> tasks, unsigned threads) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < tasks.size(); i = next++) {
      tasks[i]();
    }
  };
  std::vector<std::jthread> helpers;
  const std::size_t extra =
      std::min<std::size_t>(threads > 0 ? threads - 1 : 0, tasks.size() > 0 ? tasks.size() - 1 : 0);
  for (std::size_t i = 0; i < extra; ++i) {
    helpers.emplace_back(work);
  }
  work();
}  // jthreads join here

unsigned CommitThreads() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

}  // namespace silk::storage
