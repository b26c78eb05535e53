// SPARQL's three-valued logic for '&&', '||' and '!' (17.2, 17.4.1.x), where std::nullopt is
// an error. The evaluator evaluates operands lazily; these say how to combine the outcomes.
#pragma once

#include "engine/query/expr/value.h"

namespace silk::query::expr {

// false && error = false; true && error = error; error && error = error.
inline BoolResult LogicalAnd(BoolResult a, BoolResult b) {
  if ((a && !*a) || (b && !*b)) {
    return false;
  }
  if (a && b) {
    return true;
  }
  return std::nullopt;
}

// true || error = true; false || error = error.
inline BoolResult LogicalOr(BoolResult a, BoolResult b) {
  if ((a && *a) || (b && *b)) {
    return true;
  }
  if (a && b) {
    return false;
  }
  return std::nullopt;
}

inline BoolResult LogicalNot(BoolResult a) {
  if (!a) {
    return std::nullopt;
  }
  return !*a;
}

// IN (17.4.1.9) folded one list member at a time: start with `false`, fold in
// Equals(lhs, member) for each member; stop early once the result is true.
// false + error = error; error + true = true.
inline BoolResult InStep(BoolResult so_far, BoolResult member_equal) {
  return LogicalOr(so_far, member_equal);
}

}  // namespace silk::query::expr
