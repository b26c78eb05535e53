// WriteTransaction over RocksDB. Internal to engine/storage/.
#pragma once

#include <memory>

#include "engine/storage/store.h"
#include "engine/storage/store_core.h"

namespace silk::storage {

// The transaction for Store::BeginWrite(). When the store is read-only or another transaction
// is alive, every operation of the returned transaction fails with a status saying so.
// `core` must outlive it.
std::unique_ptr<WriteTransaction> NewWriteTransaction(StoreCore* core, const WriteOptions& options);

}  // namespace silk::storage
