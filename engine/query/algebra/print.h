// The algebra as text, for EXPLAIN: one node per line, its children indented below it, in
// the style of SPARQL's algebra (section 18), with terms as the query wrote them.
#pragma once

#include <string>

#include "engine/query/algebra/algebra.h"

namespace silk::query::algebra {

std::string Print(const Node& root);

// An expression in SPARQL syntax, fully parenthesised ("(?o > 5)", "STRLEN(?name)").
std::string ExpressionText(const ast::Expression& expression);

}  // namespace silk::query::algebra
