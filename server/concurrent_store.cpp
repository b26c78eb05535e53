#include "server/concurrent_store.h"

namespace silk::server {

std::unique_ptr<storage::Snapshot> ConcurrentStore::GetSnapshot() const {
  std::lock_guard lock(calls_mutex_);
  return inner_.GetSnapshot();
}

std::unique_ptr<storage::WriteTransaction> ConcurrentStore::BeginWrite(
    const storage::WriteOptions& options) {
  std::lock_guard lock(calls_mutex_);
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
