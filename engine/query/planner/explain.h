// EXPLAIN and EXPLAIN ANALYZE: the plan a query runs as, as text.
#pragma once

#include <string>

#include "engine/query/operators/operator.h"

namespace silk::query {

// One line per operator, children indented under their parent, each with its estimated
// rows and, with `analyze` (after the plan ran), the rows it actually produced.
std::string ExplainPlan(const Operator& root, bool analyze);

}  // namespace silk::query
