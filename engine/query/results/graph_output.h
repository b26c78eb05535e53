// CONSTRUCT and DESCRIBE: queries whose result is a graph.
#pragma once

#include "engine/query/operators/operator.h"
#include "engine/query/planner/planner.h"
#include "engine/query/results/result_writer.h"
#include "grammar/query/ast.h"

namespace silk::query {

// The template instantiated for every solution of `root`: triples with an unbound variable
// or an impossible term (a literal subject) are left out, blank nodes are fresh per
// solution, and each triple is written once.
void WriteConstruct(ExecContext& ctx, Operator& root, const ast::Query& query,
                    ResultWriter& writer);

// The triples whose subject is a described resource (the IRIs named, and the values of the
// variables named in every solution), read from the query's default graph.
void WriteDescribe(ExecContext& ctx, Operator& root, const ast::Query& query,
                   const Dataset& dataset, ResultWriter& writer);

}  // namespace silk::query
