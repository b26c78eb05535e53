// How many rows a property path gives, from the per-predicate statistics: the planner's
// estimate for the path operator, which the joins around it are ordered by.
#pragma once

#include <functional>
#include <optional>

#include "engine/storage/store.h"
#include "grammar/query/ast.h"

namespace silk::query {

// Walking a path from one node, in one direction.
struct PathReach {
  double per_start = 0;  // the nodes (with a sequence's repeats) reached from one start node
  double ends = 0;       // the distinct nodes a walk can end at, from any start
};

// The statistics of a predicate IRI (no quads when the store lacks it); nullopt when unknown.
using PredicateStatsOf =
    std::function<std::optional<storage::PredicateStats>(const ast::Term& iri)>;

// `forward`: from the subject end towards the object end; else backwards.
PathReach ReachOf(const ast::Path& path, bool forward, const PredicateStatsOf& stats);

// The rows of `subject path object` for each input row, given which ends are known (a
// constant, or bound by the input) before the path runs.
double PathRowsPerInputRow(const ast::Path& path, bool subject_known, bool object_known,
                           const PredicateStatsOf& stats);

}  // namespace silk::query
