#include "engine/storage/rocks_store.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include "engine/storage/commit_record.h"
#include "engine/storage/commit_writer.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/rocks_snapshot.h"
#include "engine/storage/rocks_transaction.h"
#include "engine/storage/statistics.h"
#include "engine/storage/store_check.h"
#include "engine/storage/term_dictionary.h"

namespace silk::storage {
namespace {

namespace fs = std::filesystem;

// Live SST and log files: what the data costs on disk (RocksDB's other files are small and
// mostly rewritten on open).
std::uint64_t BytesOnDisk(const std::string& dir) {
  std::uint64_t bytes = 0;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& path = entry.path();
    if (path.extension() == ".sst" || path.extension() == ".log") {
      const std::uintmax_t size = entry.file_size(ec);
      bytes += ec ? 0 : size;
    }
  }
  return bytes;
}

// A checkpoint into a temporary sibling of `target`, renamed into place when whole. A read-only
// store is reopened for a new try when a writer deleted one of its files meanwhile.
Status BackupStore(const StoreCore& core, const std::string& target) {
  std::error_code ec;
  if (fs::exists(target, ec) && !fs::is_empty(target, ec)) {
    return Status::IOError(fmt::format("{} exists and is not empty; a backup needs a new directory", target));
  }
  fs::path dest = fs::absolute(target, ec).lexically_normal();
  if (!dest.has_filename()) dest = dest.parent_path();
  fs::create_directories(dest.parent_path(), ec);
  const std::string tmp = dest.string() + fmt::format(".tmp-{}", ::getpid());
  constexpr int kAttempts = 5;
  Status status;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    fs::remove_all(tmp, ec);
    std::unique_ptr<RocksDb> reopened;
    const RocksDb* rocks = core.rocks.get();
    if (attempt > 1) {
      Result<std::unique_ptr<RocksDb>> opened =
          RocksDb::Open(core.dir, {.read_only = true, .create_if_missing = false});
      if (!opened.ok()) return opened.status();
      reopened = std::move(*opened);
      rocks = reopened.get();
    }
    status = rocks->Checkpoint(tmp);
    if (status.ok() || !core.read_only) break;
  }
  if (!status.ok()) {
    fs::remove_all(tmp, ec);
    return status;
  }
  if (::rename(tmp.c_str(), dest.c_str()) != 0) {
    const int why = errno;
    fs::remove_all(tmp, ec);
    return Status::IOError(fmt::format("cannot create {}: {}", target, std::strerror(why)));
  }
  return Status::Ok();
}

class RocksStore final : public Store {
 public:
  explicit RocksStore(std::unique_ptr<StoreCore> core) : core_(std::move(core)) {}

  const std::string& dir() const override { return core_->dir; }
  bool read_only() const override { return core_->read_only; }

  std::unique_ptr<Snapshot> GetSnapshot() const override { return NewSnapshot(core_.get()); }
  using Store::BeginWrite;
  std::unique_ptr<WriteTransaction> BeginWrite(const WriteOptions& options) override {
    return NewWriteTransaction(core_.get(), options);
  }

  Result<StoreStats> Stats() const override {
    Result<StoreStats> stats = StatsReader(core_->rocks.get(), rocksdb::ReadOptions()).All();
    if (stats.ok()) {
      stats->bytes_on_disk = BytesOnDisk(core_->dir);
    }
    return stats;
  }

  Status Check() const override {
    // Every block of every file against its checksum, the blocks no scan reads included.
    // RocksDB reopens each file by name for this, so a file a writer's compaction removed
    // meanwhile is missing without damage; the scans below read that version whole.
    if (const rocksdb::Status s = core_->rocks->db()->VerifyChecksum(); !s.ok()) {
      if (s.IsCorruption()) return Status::Corruption(DamagedMessage(core_->dir, s.ToString()));
      if (!s.IsPathNotFound() && s.ToString().find("No such file") == std::string::npos) {
        return FromRocks(s, "verifying the checksums of " + core_->dir);
      }
    }
    return CheckStore(*core_->rocks, core_->dir);
  }

  Status Backup(const std::string& target) const override {
    return BackupStore(*core_, target);
  }

 private:
  std::unique_ptr<StoreCore> core_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenRocksStore(const std::string& dir, const StoreOptions& options,
                                              const StoreTuning& tuning) {
  Result<std::unique_ptr<RocksDb>> rocks = RocksDb::Open(dir, options);
  if (!rocks.ok()) {
    return rocks.status();
  }
  auto core = std::make_unique<StoreCore>();
  core->dir = dir;
  core->read_only = options.read_only;
  core->tuning = tuning;
  core->rocks = std::move(*rocks);
  if (!options.read_only) {
    SILK_RETURN_IF_ERROR(RemoveIngestLeftovers(dir));
  }
  Result<std::uint64_t> next =
      TermDictionary(core->rocks.get(), rocksdb::ReadOptions()).NextSequence();
  if (!next.ok()) {
    return next.status();
  }
  core->next_sequence = *next;
  return std::unique_ptr<Store>(std::make_unique<RocksStore>(std::move(core)));
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const StoreOptions& options) {
  return OpenRocksStore(dir, options, StoreTuning());
}

}  // namespace silk::storage
