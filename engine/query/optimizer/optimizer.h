// The rewrites between the algebra a query translates to and the physical plan. Each is a
// pass over the whole tree (subqueries included) that keeps the query's meaning; the planner
// then chooses operators, join orders and index ranges for what they leave.
#pragma once

#include "engine/query/algebra/algebra.h"

namespace silk::query::optimizer {

// Runs every pass, in order:
// 1. ExistsToJoin: FILTER EXISTS / NOT EXISTS whose pattern can be evaluated once become a
//    semi-join / anti-join, instead of the pattern run again for every row.
// 2. FilterRanges: FILTER comparisons with constant numbers and dates become key ranges of
//    the scans that bind the compared variable (the filter stays).
// 3. TopK: ORDER BY followed by LIMIT keeps only the rows it can output.
void Optimize(algebra::NodePtr& root);

// The passes, for tests.
void ExistsToJoin(algebra::NodePtr& root);
void FilterRanges(algebra::NodePtr& root);
void TopK(algebra::NodePtr& root);

}  // namespace silk::query::optimizer
