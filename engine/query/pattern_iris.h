// The constant IRIs a request's graph patterns look for in the store, for warnings about
// names the store does not hold (a typo makes a pattern match nothing, silently).
#pragma once

#include <vector>

#include "engine/query/query_engine.h"
#include "grammar/query/ast.h"

namespace silk::query {

// Each IRI once, in the order written: subjects, predicates (path steps too), objects
// (kClass after rdf:type), GRAPH names; inside WHERE, subqueries, OPTIONAL, UNION, MINUS and
// EXISTS; DESCRIBE's IRIs. Not templates, FILTER or BIND expressions, VALUES, FROM.
std::vector<PatternIri> PatternIrisOf(const ast::Query& query);
// The patterns of DELETE/INSERT … WHERE and DELETE WHERE; never data an update inserts.
std::vector<PatternIri> PatternIrisOf(const ast::Update& update);

}  // namespace silk::query
