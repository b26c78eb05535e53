// A long count cut in two (Snapshot::CountPer with CountRequest::share): this thread counts
// the first half of the keys and another thread the second, and the two groups' lists are
// merged. Internal to engine/storage/.
#pragma once

#include <optional>
#include <vector>

#include "engine/status.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/key_pages.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/store.h"

namespace silk::storage {

// The counts of `plan`'s keys as `request` asks (its pattern what the plan's prefix leaves),
// counted in two halves when the keys are many enough to cut and request.share runs the
// second half; nullopt, having counted nothing, otherwise. The keys are read through
// `pages` (IndexCursor).
std::optional<Result<std::vector<GroupCount>>> CountInHalves(const RocksDb& rocks,
                                                             const rocksdb::Snapshot* snapshot,
                                                             PageView pages, const ScanPlan& plan,
                                                             const CountRequest& request);

}  // namespace silk::storage
