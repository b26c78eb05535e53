// The state a RocksDB-backed store shares with its snapshots and write transactions.
// Internal to engine/storage/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "engine/storage/rocks_db.h"
#include "engine/storage/term_cache.h"

namespace silk::storage {

// Knobs of the RocksDB store that are not part of the public options (tests turn them).
struct StoreTuning {
  // Commits writing more RocksDB entries than this (4 per quad, 2 per new term) ingest SST
  // files instead of writing a WriteBatch.
  std::size_t ingest_threshold = std::size_t{1} << 18;
};

// Owned by the Store; snapshots and transactions borrow it and must not outlive it.
struct StoreCore {
  std::string dir;
  bool read_only = false;
  StoreTuning tuning;
  std::unique_ptr<RocksDb> rocks;
  // Terms decoded by every snapshot, shared by the queries of this process.
  mutable TermCache terms{std::size_t{32} << 20};  // thread-safe: snapshots share it

  std::mutex mu;
  std::uint64_t next_sequence = 1;  // guarded by mu: the first id a new transaction may assign
  bool writer_active = false;       // guarded by mu: a WriteTransaction is alive
};

}  // namespace silk::storage
