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

// Counts the keys left in `cursor` that match `residual`, per id at `per` (ascending ids;
// nullopt: one group of id 0, present even when empty). With `merge_graphs`, keys differing
// only in their graph count once; REQUIRES then that the cursor's index puts the graph last
// (every index but gspo), so that such keys are neighbours. Ends with kCancelled once `stop`
// (may be empty), asked every few thousand keys, says true.
Result<std::vector<GroupCount>> CountKeys(IndexCursor& cursor, const QuadPattern& residual,
                                          std::optional<QuadPosition> per, bool merge_graphs,
                                          const std::function<bool()>& stop);

}  // namespace silk::storage
