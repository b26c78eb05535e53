#include "engine/storage/rocks_store.h"

#include <filesystem>
#include <system_error>
#include <utility>

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

  Status Check() const override { return CheckStore(*core_->rocks, core_->dir); }

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
