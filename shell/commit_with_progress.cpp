#include "shell/commit_with_progress.h"

#include <fmt/format.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace silk::shell {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(200);
constexpr char kNote[] = "Writing the indexes…";

// The share written so far, "42%", kept whole when the note is cut to fit the terminal.
std::string ShareFor(const storage::WriteTransaction::CommitProgress& progress) {
  if (progress.total == 0) {
    return {};  // still sorting: nothing to measure yet
  }
  const std::uint64_t percent = std::min<std::uint64_t>(99, 100 * progress.done / progress.total);
  return fmt::format("{}%", percent);
}

}  // namespace

Status CommitWithProgress(storage::WriteTransaction& tx, ProgressBar& bar) {
  bar.Note(kNote);
  std::mutex mu;
  std::condition_variable changed;
  bool committed = false;
  std::thread redraw([&] {
    std::unique_lock<std::mutex> lock(mu);
    while (!changed.wait_for(lock, kRedrawInterval, [&] { return committed; })) {
      bar.Note(kNote, ShareFor(tx.commit_progress()));
    }
  });
  Status status = tx.Commit();
  {
    const std::lock_guard<std::mutex> lock(mu);
    committed = true;
  }
  changed.notify_one();
  redraw.join();
  return status;
}

}  // namespace silk::shell
