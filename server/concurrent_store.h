// A store that many request threads share: its snapshots and writes may be asked for from any
// thread at once, whatever the store behind it allows.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "engine/storage/store.h"

namespace silk::server {

// Forwards reads (GetSnapshot, Stats, Check) to `inner` one call at a time. Snapshots and
// transactions, once made, are used without the lock: a Snapshot is thread-safe for readers,
// and the server lets one write transaction live at a time (WriterLock).
// REQUIRES: `inner` outlives this; a store that is written to (BeginWrite) is thread-safe
// (LiveStore): BeginWrite may wait for another process, and is not serialized with reads.

class ConcurrentStore final : public storage::Store {
 public:
  explicit ConcurrentStore(storage::Store& inner) : inner_(inner) {}

  const std::string& dir() const override { return inner_.dir(); }
  bool read_only() const override { return inner_.read_only(); }
  std::unique_ptr<storage::Snapshot> GetSnapshot() const override;
  using storage::Store::BeginWrite;
  std::unique_ptr<storage::WriteTransaction> BeginWrite(const storage::WriteOptions& options) override;
  Result<storage::StoreStats> Stats() const override;
  Status Check() const override;

  // Held by a request for as long as it writes, from the start of its transaction to the end
  // of its commit: one writer at a time, while readers go on with their snapshots. A request
  // takes it only once its whole body has arrived, so a slow client never holds it.
  std::unique_lock<std::mutex> WriterLock() { return std::unique_lock(writer_mutex_); }

 private:
  storage::Store& inner_;
  mutable std::mutex calls_mutex_;  // one call into inner_ at a time
  std::mutex writer_mutex_;
};

}  // namespace silk::server
