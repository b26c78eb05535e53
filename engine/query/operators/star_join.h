// StarJoin: the index joins of a star (several patterns probed at the same subject of each
// left row, inner or OPTIONAL) made as one, reading each row's patterns in key order with one
// store iterator. Made by MakeIndexJoin and MakeIndexLeftJoin when the pattern they are given
// fits the joins below it.
#pragma once

#include <optional>
#include <vector>

#include "engine/query/expr/row_expression.h"
#include "engine/query/operators/operator.h"
#include "engine/query/operators/scan_pattern.h"

namespace silk::query {

// One pattern of a star.
struct StarArm {
  ScanPattern pattern;
  bool optional = false;
  // OPTIONAL's FILTER (may be null), compiled against the columns of the joins before it and
  // the pattern's (IndexJoinColumns).
  RowExpressionPtr condition;
  // The variables `condition` reads, when known: a condition that reads another arm's
  // variables cannot join a star.
  std::optional<std::vector<VarId>> condition_reads;
};

// Whether `arm` can be probed per row of `left` together with `patterns` (at least one): all
// probe spog by the same subject, a variable `left` binds in every row, with a constant
// predicate; none reads a variable `left` may leave unbound, nor one another arm binds; and
// the arm's condition reads only `left`'s variables and its own.
bool CanJoinStar(const Operator& left, const std::vector<ScanPattern>& patterns,
                 const StarArm& arm);

// `left` joined with each of `arms` in turn (CanJoinStar holds for each against those before
// it): the rows of index joins with them one after another, in their order.
OperatorPtr MakeStarJoin(ExecContext& ctx, OperatorPtr left, std::vector<StarArm> arms,
                         double estimate);

// When `left` is a StarJoin that `arm` can join: that star with it, made from `left` and
// `arm` (both emptied); null, both untouched, otherwise.
OperatorPtr JoinOntoStar(ExecContext& ctx, OperatorPtr& left, StarArm& arm, double estimate);

}  // namespace silk::query
