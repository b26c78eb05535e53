#include "server/concurrent_store.h"

namespace silk::server {

std::unique_ptr<storage::Snapshot> ConcurrentStore::GetSnapshot() const {
  std::lock_guard lock(calls_mutex_);
  return inner_.GetSnapshot();
}

std::unique_ptr<storage::WriteTransaction> ConcurrentStore::BeginWrite(
    const storage::WriteOptions& options) {
  // Not under calls_mutex_: beginning a write may wait for another process's write to end
  // (LiveStore waits up to 10 s), and reads must go on meanwhile. Writers are one at a time
  // (WriterLock), and a store that writes is a LiveStore, which is thread-safe.
  return inner_.BeginWrite(options);
}

Result<storage::StoreStats> ConcurrentStore::Stats() const {
  std::lock_guard lock(calls_mutex_);
  return inner_.Stats();
}

Status ConcurrentStore::Check() const {
  std::lock_guard lock(calls_mutex_);
  return inner_.Check();
}

}  // namespace silk::server
