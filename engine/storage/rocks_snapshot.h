// Snapshot over RocksDB: scans, counts, estimates and dictionary reads at one sequence number.
// Internal to engine/storage/.
#pragma once

#include <memory>

#include "engine/storage/store.h"
#include "engine/storage/store_core.h"

namespace silk::storage {

// A snapshot of the store as of now. `core` must outlive it.
std::unique_ptr<Snapshot> NewSnapshot(const StoreCore* core);

}  // namespace silk::storage
