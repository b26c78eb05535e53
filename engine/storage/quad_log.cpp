#include "engine/storage/quad_log.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <system_error>

#include "engine/storage/key_codec.h"
#include "engine/storage/parallel.h"
#include "engine/storage/quad_order.h"

namespace silk::storage {
namespace {

namespace fs = std::filesystem;
using format::QuadIndex;

// A run file is a sequence of these: the quad's ids in memory order, then its effect. The file
// lives only as long as the transaction, on this machine, so no portable encoding is needed.
constexpr std::size_t kRunRecordSize = sizeof(QuadIds) + 1;
constexpr std::size_t kRunFileBuffer = std::size_t{1} << 20;
// Below this a log never spills, whatever the budget says: runs of a few records cost more
// in files than they save in memory.
constexpr std::size_t kMinRecordsPerBuffer = 4096;

Status RunFileError(const std::string& path, std::string_view doing) {
  const int error = errno;
  if (error == ENOSPC) {
    return Status::IOError(fmt::format("cannot {} {}: the disk is full", doing, path));
  }
  return Status::IOError(fmt::format("cannot {} {}: {}", doing, path, std::strerror(error)));
}

bool InNamedGraph(const QuadRecord& r) { return r.quad.g != kDefaultGraphId; }

Status WriteRunFile(const std::string& path, std::span<const QuadRecord> records, bool named_only) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return RunFileError(path, "create");
  }
  std::vector<char> buffer(kRunFileBuffer);
  std::setvbuf(file, buffer.data(), _IOFBF, buffer.size());
  bool ok = true;
  char bytes[kRunRecordSize];
  for (const QuadRecord& r : records) {
    if (named_only && !InNamedGraph(r)) {
      continue;
    }
    std::memcpy(bytes, &r.quad, sizeof(QuadIds));
    bytes[sizeof(QuadIds)] = static_cast<char>(r.effect);
    if (std::fwrite(bytes, 1, sizeof bytes, file) != sizeof bytes) {
      ok = false;
      break;
    }
  }
  const Status error = ok ? Status::Ok() : RunFileError(path, "write");
  if (std::fclose(file) != 0 && ok) {
    return RunFileError(path, "write");
  }
  return error;
}

// Where the merge reads records from, in the key order of one index.
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  virtual bool Next(QuadRecord* record) = 0;
  virtual Status status() const { return Status::Ok(); }
};

class MemorySource final : public RecordSource {
 public:
  explicit MemorySource(std::span<const QuadRecord> records) : records_(records) {}
  bool Next(QuadRecord* record) override {
    if (next_ == records_.size()) {
      return false;
    }
    *record = records_[next_++];
    return true;
  }

 private:
  std::span<const QuadRecord> records_;
  std::size_t next_ = 0;
};

class FileSource final : public RecordSource {
 public:
  explicit FileSource(std::string path) : path_(std::move(path)), buffer_(kRunFileBuffer) {
    file_ = std::fopen(path_.c_str(), "rb");
    if (file_ == nullptr) {
      status_ = RunFileError(path_, "read");
    } else {
      std::setvbuf(file_, buffer_.data(), _IOFBF, buffer_.size());
    }
  }
  ~FileSource() override {
    if (file_ != nullptr) std::fclose(file_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  bool Next(QuadRecord* record) override {
    if (file_ == nullptr) {
      return false;
    }
    char bytes[kRunRecordSize];
    const std::size_t got = std::fread(bytes, 1, sizeof bytes, file_);
    if (got != sizeof bytes) {
      if (got != 0 || std::ferror(file_)) {
        status_ = Status::IOError(fmt::format("cannot read {}: it is damaged", path_));
      }
      return false;
    }
    std::memcpy(&record->quad, bytes, sizeof(QuadIds));
    record->effect = static_cast<Effect>(bytes[sizeof(QuadIds)]);
    return true;
  }
  Status status() const override { return status_; }

 private:
  std::string path_;
  std::vector<char> buffer_;
  std::FILE* file_ = nullptr;
  Status status_;
};

// Merges sources given oldest first: for a quad in several, the newest source's record
// decides. Yields only records that change the store. A heap of the sources' heads keeps a
// merge of many runs (a load far beyond its memory) at a few comparisons a record.
template <typename Order>
class MergeCursor final : public ChangeCursor {
 public:
  explicit MergeCursor(std::vector<std::unique_ptr<RecordSource>> sources)
      : sources_(std::move(sources)), heads_(sources_.size()) {
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      if (sources_[i]->Next(&heads_[i])) {
        heap_.push_back(i);
      }
    }
    std::make_heap(heap_.begin(), heap_.end(), later());
  }

  bool Next(QuadRecord* change) override {
    while (!heap_.empty()) {
      const QuadRecord winner = heads_[heap_.front()];
      // Every source at this quad is on top now, newest first: move them all past it.
      while (!heap_.empty() && heads_[heap_.front()].quad == winner.quad) {
        std::pop_heap(heap_.begin(), heap_.end(), later());
        const std::size_t source = heap_.back();
        if (sources_[source]->Next(&heads_[source])) {
          std::push_heap(heap_.begin(), heap_.end(), later());
        } else {
          heap_.pop_back();
        }
      }
      if (winner.effect != Effect::kNone) {
        *change = winner;
        return true;
      }
    }
    return false;
  }

  Status status() const override {
    for (const auto& source : sources_) {
      SILK_RETURN_IF_ERROR(source->status());
    }
    return Status::Ok();
  }

 private:
  // Heap order: whether source a's head comes after source b's, by quad and then age (the
  // newer source first), so the heap's top is the smallest quad from its newest source.
  struct HeadOrder {
    const MergeCursor* merge;
    bool operator()(std::size_t a, std::size_t b) const {
      const QuadIds& qa = merge->heads_[a].quad;
      const QuadIds& qb = merge->heads_[b].quad;
      return Order()(qb, qa) || (qa == qb && a < b);
    }
  };
  HeadOrder later() const { return {this}; }

  std::vector<std::unique_ptr<RecordSource>> sources_;
  std::vector<QuadRecord> heads_;
  std::vector<std::size_t> heap_;  // sources with a head
};

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

Status QuadLog::SpillInBackground() {
  SILK_RETURN_IF_ERROR(WaitForSpill());
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
  std::swap(buffer_, spilling_);  // buffer_ is now the empty one, with its capacity kept
  spiller_ = std::thread([this, &run] { spill_status_ = Spill(&spilling_, &run); });
  return Status::Ok();
}

Status QuadLog::WaitForSpill() {
  if (spiller_.joinable()) {
    spiller_.join();
  }
  return spill_status_;
}

Status QuadLog::Spill(std::vector<QuadRecord>* records, Run* run) {
  SILK_RETURN_IF_ERROR(Collapse(records, 1));  // the transaction's threads keep the cores busy
  // One buffer, sorted again for each index in turn: no copies, so a spill needs no memory.
  for (const QuadIndex index : kAllIndexes) {
    if (index != QuadIndex::kSpog) {
      WithIndexOrder(index, [records](auto order) { SortByQuad(records, order, 1); });
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
  SILK_RETURN_IF_ERROR(Collapse(&buffer_, threads));
  if (runs_.empty()) {
    // Nothing older to override: records without an effect can go.
    std::erase_if(buffer_, [](const QuadRecord& r) { return r.effect == Effect::kNone; });
  }
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
  std::vector<std::unique_ptr<RecordSource>> sources;
  for (const Run& run : runs_) {
    sources.push_back(std::make_unique<FileSource>(run.paths[i]));
  }
  sources.push_back(std::make_unique<MemorySource>(tail_[i]));
  return WithIndexOrder(index, [&sources](auto less) -> std::unique_ptr<ChangeCursor> {
    return std::make_unique<MergeCursor<decltype(less)>>(std::move(sources));
  });
}

}  // namespace silk::storage
