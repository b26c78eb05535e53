#include "engine/query/planner/path_reach.h"

#include <algorithm>

namespace silk::query {
namespace {

// A path the statistics say nothing about (a negated property set) reaches a handful of nodes.
constexpr double kUnknownReach = 10;

// The closure of a step reaching `step` nodes on average: a walk whose steps reach fewer
// than one node dies out after step / (1 - step) nodes (a branching process); one that
// reaches more spreads over every node it can end at.
double Closure(const PathReach& step) {
  if (step.per_start < 1) return std::min(step.ends, step.per_start / (1 - step.per_start));
  return step.ends;
}

}  // namespace

PathReach ReachOf(const ast::Path& path, bool forward, const PredicateStatsOf& stats) {
  switch (path.kind) {
    case ast::PathKind::kLink: {
      const std::optional<storage::PredicateStats> p = stats(path.iri);
      if (!p) return {kUnknownReach, kUnknownReach};
      if (p->quads == 0) return {0, 0};
      const double from = static_cast<double>(forward ? p->distinct_subjects : p->distinct_objects);
      const double to = static_cast<double>(forward ? p->distinct_objects : p->distinct_subjects);
      return {static_cast<double>(p->quads) / std::max(1.0, from), to};
    }
    case ast::PathKind::kInverse: return ReachOf(*path.operands[0], !forward, stats);
    case ast::PathKind::kSequence: {
      PathReach reach{1, 0};
      auto step = [&](const ast::Path& operand) {
        const PathReach next = ReachOf(operand, forward, stats);
        reach.per_start *= next.per_start;
        reach.ends = next.ends;
      };
      if (forward) {
        for (const auto& operand : path.operands) step(*operand);
      } else {
        for (auto it = path.operands.rbegin(); it != path.operands.rend(); ++it) step(**it);
      }
      return reach;
    }
    case ast::PathKind::kAlternative: {
      PathReach reach;
      for (const auto& operand : path.operands) {
        const PathReach one = ReachOf(*operand, forward, stats);
        reach.per_start += one.per_start;
        reach.ends += one.ends;
      }
      return reach;
    }
    case ast::PathKind::kZeroOrOne: {
      const PathReach one = ReachOf(*path.operands[0], forward, stats);
      return {1 + one.per_start, one.ends + 1};
    }
    case ast::PathKind::kOneOrMore: {
      const PathReach one = ReachOf(*path.operands[0], forward, stats);
      return {Closure(one), one.ends};
    }
    case ast::PathKind::kZeroOrMore: {
      const PathReach one = ReachOf(*path.operands[0], forward, stats);
      return {1 + Closure(one), one.ends + 1};
    }
    case ast::PathKind::kNegatedSet: return {kUnknownReach, kUnknownReach};
  }
  return {kUnknownReach, kUnknownReach};
}

double PathRowsPerInputRow(const ast::Path& path, bool subject_known, bool object_known,
                           const PredicateStatsOf& stats) {
  const PathReach forward = ReachOf(path, /*forward=*/true, stats);
  if (subject_known && object_known) {
    // Whether one given node is among those reached.
    return std::min(1.0, forward.per_start / std::max(1.0, forward.ends));
  }
  if (subject_known) return forward.per_start;
  const PathReach backward = ReachOf(path, /*forward=*/false, stats);
  if (object_known) return backward.per_start;
  // Every node a walk can start at, each with its own walk.
  return backward.ends * forward.per_start;
}

}  // namespace silk::query
