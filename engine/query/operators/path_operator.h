// Property paths: the rows of `subject PATH object`, joined to an input.
#pragma once

#include <optional>
#include <vector>

#include "engine/query/operators/operators.h"
#include "grammar/query/ast.h"

namespace silk::query {

struct PathEnds {
  ast::Term subject;  // a constant, or a variable (then subject_var is set)
  ast::Term object;
  std::optional<VarId> subject_var;
  std::optional<VarId> object_var;
};

// For each input row, every pair (x, y) connected by `path` that agrees with the row and the
// ends, with SPARQL 1.1's multiplicities: sequences and alternatives keep duplicates; `*`,
// `+`, `?` and negated property sets give each pair once.
// `graph` says which graphs the path walks: its s, p, o slots are empty; a graph variable
// there walks each of `graphs` separately and binds the variable.
// `estimate`: the rows the planner expects.
// REQUIRES: `path` outlives the operator.
OperatorPtr MakePathOperator(ExecContext& ctx, OperatorPtr input, const ast::Path& path,
                             PathEnds ends, ScanPattern graph, std::vector<TermId> graphs,
                             double estimate);

}  // namespace silk::query
