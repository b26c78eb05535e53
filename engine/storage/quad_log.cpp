#include "engine/storage/quad_log.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <system_error>

#include "engine/storage/key_codec.h"
#include "engine/storage/parallel.h"
#include "engine/storage/quad_order.h"
#include "engine/storage/quad_runs.h"

namespace silk::storage {
namespace {

namespace fs = std::filesystem;
using format::QuadIndex;

// Below this a log never spills, whatever the budget says: runs of a few records cost more
// in files than they save in memory.
constexpr std::size_t kMinRecordsPerBuffer = 4096;

bool InNamedGraph(const QuadRecord& r) { return IndexHolds(QuadIndex::kGspo, r.quad); }

// Sorts by `less`. With two threads or more, the halves are sorted at once and then merged:
// at commit nothing else would keep the other core busy.
template <typename Less>
void SortRecords(std::vector<QuadRecord>* records, Less less, unsigned threads) {
  const auto middle = records->begin() + static_cast<std::ptrdiff_t>(records->size() / 2);
  if (threads < 2 || records->size() < kMinRecordsPerBuffer) {
    std::sort(records->begin(), records->end(), less);
    return;
  }
  const std::function<void()> halves[] = {[&] { std::sort(records->begin(), middle, less); },
                                          [&] { std::sort(middle, records->end(), less); }};
  RunTasks(halves, 2);
  std::inplace_merge(records->begin(), middle, records->end(), less);
}

// Sorts by the key order of an index.
template <typename Order>
void SortByQuad(std::vector<QuadRecord>* records, Order order, unsigned threads) {
  SortRecords(
      records, [order](const QuadRecord& a, const QuadRecord& b) { return order(a.quad, b.quad); },
      threads);
}

}  // namespace

QuadLog::QuadLog(std::string spill_dir, std::size_t memory_budget, Resolver resolve)
    : spill_dir_(std::move(spill_dir)),
      memory_budget_(memory_budget),
      capacity_(std::clamp<std::size_t>(memory_budget / kBytesPerRecord, kMinRecordsPerBuffer,
                                        std::numeric_limits<std::uint32_t>::max())),
      resolve_(std::move(resolve)) {}

QuadLog::~QuadLog() {
  if (spiller_.joinable()) {
    spiller_.join();
  }
  if (!runs_.empty()) {
    std::error_code ec;
    fs::remove_all(spill_dir_, ec);
    fs::remove(fs::path(spill_dir_).parent_path(), ec);  // only if nothing else is there
  }
}

Status QuadLog::Append(const QuadIds& quad, QuadOp op) {
  if (buffer_.size() == capacity_) {
    SILK_RETURN_IF_ERROR(SpillInBackground());
  }
  buffer_.push_back({quad, static_cast<std::uint32_t>(buffer_.size()), op, Effect::kNone});
  return Status::Ok();
}

Result<QuadLog::Run*> QuadLog::AddRun() {
  if (runs_.empty()) {
    std::error_code ec;
    fs::create_directories(spill_dir_, ec);
    if (ec) {
      return Status::IOError(fmt::format("cannot create {}: {}", spill_dir_, ec.message()));
    }
  }
  Run& run = runs_.emplace_back();
  for (const QuadIndex index : kAllIndexes) {
    run.paths[static_cast<std::size_t>(index)] =
        (fs::path(spill_dir_) / fmt::format("run-{}.{}", runs_.size(), IndexName(index))).string();
  }
  return &run;
}

Status QuadLog::SpillInBackground() {
  SILK_RETURN_IF_ERROR(WaitForSpill());
  Result<Run*> run = AddRun();
  if (!run.ok()) {
    return run.status();
  }
  std::swap(buffer_, spilling_);  // buffer_ is now the empty one, with its capacity kept
  // The transaction's threads keep the cores busy meanwhile: the spill takes one.
  spiller_ = std::thread([this, run = *run] { spill_status_ = Spill(&spilling_, run, 1); });
  return Status::Ok();
}

Status QuadLog::WaitForSpill() {
  if (spiller_.joinable()) {
    spiller_.join();
  }
  return spill_status_;
}

Status QuadLog::Spill(std::vector<QuadRecord>* records, Run* run, unsigned threads) {
  SILK_RETURN_IF_ERROR(Collapse(records, threads));
  // One buffer, sorted again for each index in turn: no copies, so a spill needs no memory.
  for (const QuadIndex index : kAllIndexes) {
    if (index != QuadIndex::kSpog) {
      WithIndexOrder(index, [records, threads](auto order) { SortByQuad(records, order, threads); });
    }
    const bool named_only = index == QuadIndex::kGspo;
    run->records[static_cast<std::size_t>(index)] =
        named_only ? static_cast<std::uint64_t>(
                         std::count_if(records->begin(), records->end(), InNamedGraph))
                   : records->size();
    SILK_RETURN_IF_ERROR(
        WriteRunFile(run->paths[static_cast<std::size_t>(index)], *records, named_only));
  }
  records->clear();
  return Status::Ok();
}

Status QuadLog::Collapse(std::vector<QuadRecord>* records, unsigned threads) {
  const IndexOrder<QuadIndex::kSpog> less;
  const auto in_order = [less](const QuadRecord& a, const QuadRecord& b) {
    return less(a.quad, b.quad) || (a.quad == b.quad && a.sequence < b.sequence);
  };
  SortRecords(records, in_order, threads);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < records->size(); ++i) {
    if (i + 1 < records->size() && (*records)[i + 1].quad == (*records)[i].quad) {
      continue;  // a later operation on the same quad follows
    }
    (*records)[kept++] = (*records)[i];
  }
  records->resize(kept);
  // Resolving reads the store for quads whose terms it knew before: split over the threads.
  const std::span<QuadRecord> all(*records);
  const std::size_t half = threads < 2 || all.size() < kMinRecordsPerBuffer ? all.size()
                                                                          : all.size() / 2;
  Status first;
  Status second;
  const std::function<void()> parts[] = {[&] { first = resolve_(all.first(half)); },
                                         [&] { second = resolve_(all.subspan(half)); }};
  RunTasks(parts, half == all.size() ? 1 : threads);
  SILK_RETURN_IF_ERROR(first);
  return second;
}

Status QuadLog::Finish(unsigned threads) {
  SILK_RETURN_IF_ERROR(WaitForSpill());
  std::vector<QuadRecord>().swap(spilling_);
  if (!runs_.empty()) {
    // Four sorted copies of the last buffer would take the budget the merge's read buffers
    // need (a buffer for every run): they go to a run of their own instead.
    Result<Run*> run = AddRun();
    if (!run.ok()) {
      return run.status();
    }
    SILK_RETURN_IF_ERROR(Spill(&buffer_, *run, threads));
    std::vector<QuadRecord>().swap(buffer_);
    return Status::Ok();
  }
  SILK_RETURN_IF_ERROR(Collapse(&buffer_, threads));
  // Nothing older to override: records without an effect can go.
  std::erase_if(buffer_, [](const QuadRecord& r) { return r.effect == Effect::kNone; });
  std::vector<QuadRecord>& spog = tail_[static_cast<std::size_t>(QuadIndex::kSpog)];
  spog = std::move(buffer_);
  buffer_ = {};
  for (const QuadIndex index : kAllIndexes) {
    if (index == QuadIndex::kSpog) {
      continue;  // Collapse sorted it
    }
    std::vector<QuadRecord>& sorted = tail_[static_cast<std::size_t>(index)];
    if (index == QuadIndex::kGspo) {
      std::copy_if(spog.begin(), spog.end(), std::back_inserter(sorted), InNamedGraph);
    } else {
      sorted = spog;
    }
    WithIndexOrder(index, [&sorted, threads](auto order) { SortByQuad(&sorted, order, threads); });
  }
  return Status::Ok();
}

std::uint64_t QuadLog::pending(QuadIndex index) const {
  const auto i = static_cast<std::size_t>(index);
  std::uint64_t records = tail_[i].size();
  for (const Run& run : runs_) {
    records += run.records[i];
  }
  return records;
}

std::unique_ptr<ChangeCursor> QuadLog::Changes(QuadIndex index) const {
  const auto i = static_cast<std::size_t>(index);
  std::vector<std::string> files;
  for (const Run& run : runs_) {
    files.push_back(run.paths[i]);
  }
  // The budget is the merge's now (Finish() left nothing in memory after a spill), shared by
  // the runs of all four indexes, which the commit may merge at once.
  const std::size_t buffer =
      runs_.empty() ? 0
                    : std::clamp(memory_budget_ / (kAllIndexes.size() * runs_.size()),
                                 kMinRunReadBuffer, kMaxRunReadBuffer);
  return MergeRuns(index, files, tail_[i], buffer);
}

}  // namespace silk::storage
