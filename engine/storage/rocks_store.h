// The Store over RocksDB. Store::Open() opens one with the default tuning; tests use
// OpenRocksStore() to turn the knobs. Internal to engine/storage/.
#pragma once

#include <memory>
#include <string>

#include "engine/status.h"
#include "engine/storage/store.h"
#include "engine/storage/store_core.h"

namespace silk::storage {

// Store::Open() with explicit tuning.
Result<std::unique_ptr<Store>> OpenRocksStore(const std::string& dir, const StoreOptions& options,
                                              const StoreTuning& tuning);

}  // namespace silk::storage
