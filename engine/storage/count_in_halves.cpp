#include "engine/storage/count_in_halves.h"

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "engine/storage/key_cuts.h"
#include "engine/storage/quad_counter.h"

namespace silk::storage {
namespace {

// The second half's count, on the other thread.
struct SecondHalf {
  std::mutex mu;
  std::condition_variable done_cv;
  bool done = false;
  std::atomic<bool> stop{false};
  Result<std::vector<GroupCount>> groups{std::vector<GroupCount>{}};

  void Wait() {
    std::unique_lock lock(mu);
    done_cv.wait(lock, [&] { return done; });
  }
};

// Two lists of groups by ascending id, one: a group in both (split by the cut) summed.
std::vector<GroupCount> Merge(const std::vector<GroupCount>& a, const std::vector<GroupCount>& b) {
  std::vector<GroupCount> merged;
  merged.reserve(a.size() + b.size());
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].id < b[j].id)) {
      merged.push_back(a[i++]);
    } else if (i == a.size() || b[j].id < a[i].id) {
      merged.push_back(b[j++]);
    } else {
      merged.push_back({a[i].id, a[i].count + b[j].count});
      ++i;
      ++j;
    }
  }
  return merged;
}

}  // namespace

std::optional<Result<std::vector<GroupCount>>> CountInHalves(const RocksDb& rocks,
                                                             const rocksdb::Snapshot* snapshot,
                                                             PageView pages, const ScanPlan& plan,
                                                             const CountRequest& request) {
  if (!request.share) return std::nullopt;
  const std::optional<KeyBytes> cut = KeyCutter(rocks, plan, 2).Next();
  if (!cut) return std::nullopt;
  const std::optional<KeyBytes> upper = plan.UpperKey();
  const bool same_first_id = plan.prefix_size >= format::kIdSize;
  SecondHalf second;
  // The other thread neither charges memory (the caller's accounting is not shared) nor
  // decides to stop on its own: it stops when asked, or when `stop` says so.
  CountRequest theirs = request;
  theirs.charge = {};
  theirs.stop = [&] { return second.stop.load() || (request.stop && request.stop()); };
  const bool started = request.share([&] {
    Result<std::vector<GroupCount>> groups{std::vector<GroupCount>{}};
    {
      // The cursor goes before `done` is said: the store may close as soon as it is.
      IndexCursor cursor(rocks, snapshot, plan.index, cut->view(), upper, same_first_id,
                         /*first_id_held=*/false, pages);
      groups = CountKeys(cursor, theirs);
    }
    std::lock_guard lock(second.mu);
    second.groups = std::move(groups);
    second.done = true;
    second.done_cv.notify_all();
  });
  if (!started) return std::nullopt;
  // However this half ends (an error, or `charge` throwing), the other ends before `second`.
  struct Join {
    SecondHalf& half;
    ~Join() {
      half.stop = true;
      half.Wait();
    }
  } join{second};
  IndexCursor cursor(rocks, snapshot, plan.index, plan.LowerKey().view(), *cut, same_first_id,
                     /*first_id_held=*/false, pages);
  Result<std::vector<GroupCount>> first = CountKeys(cursor, request);
  if (!first.ok()) return first;
  second.Wait();
  if (!second.groups.ok()) return second.groups;
  // Without `per` each half is one group of id 0: merged, their counts add up.
  std::vector<GroupCount> merged = Merge(first.value(), second.groups.value());
  if (request.charge) request.charge(second.groups->size() * sizeof(GroupCount));
  return merged;
}

}  // namespace silk::storage
