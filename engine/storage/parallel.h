// Running independent pieces of one job on the machine's cores. Internal to engine/storage/.
#pragma once

#include <functional>
#include <span>

namespace silk::storage {

// Runs every task once, on up to `threads` threads (the caller's among them), and returns when
// all have finished. Tasks must not throw and must not depend on each other.
void RunTasks(std::span<const std::function<void()>> tasks, unsigned threads);

// How many threads a commit may use: the cores, at most 4.
unsigned CommitThreads();

}  // namespace silk::storage
