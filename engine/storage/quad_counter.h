// Counting the quads of one index range by reading its keys: what COUNT over a pattern needs,
// without decoding terms or building rows. Internal to engine/storage/.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "engine/status.h"
#include "engine/storage/index_cursor.h"
#include "engine/storage/store.h"

namespace silk::storage {

// Counts the keys left in `cursor` as `request` asks (Snapshot::CountPer), its pattern being
// what the cursor's prefix leaves to check. With `merge_graphs`, REQUIRES that the cursor's
// index puts the graph last (every index but gspo), so that keys of one triple are neighbours.
Result<std::vector<GroupCount>> CountKeys(IndexCursor& cursor, const CountRequest& request);

}  // namespace silk::storage
