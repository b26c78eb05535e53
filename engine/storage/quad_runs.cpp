#include "engine/storage/quad_runs.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "engine/storage/key_codec.h"
#include "engine/storage/quad_order.h"

namespace silk::storage {
namespace {

// A run file is a sequence of these: the quad's ids in memory order, then its effect. The file
// lives only as long as the transaction, on this machine, so no portable encoding is needed.
constexpr std::size_t kRunRecordSize = sizeof(QuadIds) + 1;
constexpr std::size_t kRunFileWriteBuffer = std::size_t{1} << 20;

Status RunFileError(const std::string& path, std::string_view doing) {
  const int error = errno;
  if (error == ENOSPC) {
    return Status::IOError(fmt::format("cannot {} {}: the disk is full", doing, path));
  }
  return Status::IOError(fmt::format("cannot {} {}: {}", doing, path, std::strerror(error)));
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
  FileSource(std::string path, std::size_t buffer_bytes)
      : path_(std::move(path)), buffer_(buffer_bytes) {
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
    if (sources_.size() == 1) {
      return NextOfOne(change);  // nothing spilled: the common case, without the heap
    }
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

  bool NextOfOne(QuadRecord* change) {
    while (!heap_.empty()) {
      *change = heads_[0];
      if (!sources_[0]->Next(&heads_[0])) {
        heap_.clear();
      }
      if (change->effect != Effect::kNone) {
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

}  // namespace

Status WriteRunFile(const std::string& path, std::span<const QuadRecord> records,
                    bool named_only) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return RunFileError(path, "create");
  }
  std::vector<char> buffer(kRunFileWriteBuffer);
  std::setvbuf(file, buffer.data(), _IOFBF, buffer.size());
  bool ok = true;
  char bytes[kRunRecordSize];
  for (const QuadRecord& r : records) {
    if (named_only && !IndexHolds(QuadIndex::kGspo, r.quad)) {
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

std::unique_ptr<ChangeCursor> MergeRuns(QuadIndex index, std::span<const std::string> run_files,
                                        std::span<const QuadRecord> in_memory,
                                        std::size_t buffer_bytes) {
  std::vector<std::unique_ptr<RecordSource>> sources;
  for (const std::string& path : run_files) {
    sources.push_back(std::make_unique<FileSource>(path, buffer_bytes));
  }
  sources.push_back(std::make_unique<MemorySource>(in_memory));
  return WithIndexOrder(index, [&sources](auto less) -> std::unique_ptr<ChangeCursor> {
    return std::make_unique<MergeCursor<decltype(less)>>(std::move(sources));
  });
}

}  // namespace silk::storage
