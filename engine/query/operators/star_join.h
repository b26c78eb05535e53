// StarJoin: the index joins of a star (several patterns probed at the same subject of each
// left row) made as one, reading each row's patterns in key order with one store iterator.
// Made by MakeIndexJoin when the pattern it is given fits the joins below it.
#pragma once

#include <vector>

#include "engine/query/operators/operator.h"
#include "engine/query/operators/scan_pattern.h"

namespace silk::query {

// Whether `pattern` can be probed per row of `left` together with `arms` (at least one): all
// probe spog by the same subject, a variable `left` binds in every row, with a constant
// predicate; none reads a variable `left` may leave unbound; and none binds a variable another
// binds (each reads only the left row).
bool CanJoinStar(const Operator& left, const std::vector<ScanPattern>& arms,
                 const ScanPattern& pattern);

// `left` joined with each of `arms` (CanJoinStar holds for each against the others): the rows
// of index joins with them one after another, in their order.
OperatorPtr MakeStarJoin(ExecContext& ctx, OperatorPtr left, std::vector<ScanPattern> arms,
                         double estimate);

// When `left` is a StarJoin that `pattern` can join as one more arm: that star with it, made
// from `left` (left empty after); null, `left` untouched, otherwise.
OperatorPtr JoinOntoStar(ExecContext& ctx, OperatorPtr& left, const ScanPattern& pattern,
                         double estimate);

}  // namespace silk::query
