// The relative costs that the planner, and operators that choose their method while running,
// weigh against each other.
#pragma once

namespace silk::query {

// A seek costs about this many rows read in sequence: an index nested-loop join pays one per
// left row, a hash join reads the whole right side once.
inline constexpr double kSeekCost = 5;

}  // namespace silk::query
