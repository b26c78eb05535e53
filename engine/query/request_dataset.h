// The dataset a request names beside its text (QueryOptions::dataset), as the FROM / FROM NAMED
// clauses it stands for.
#pragma once

#include <vector>

#include "engine/query/query_engine.h"
#include "grammar/query/ast.h"

namespace silk::query {

// The clauses `dataset` stands for: its default graphs, then its named graphs. An empty
// dataset gives no clause, which leaves the store's default dataset in place.
std::vector<ast::DatasetClause> DatasetClauses(const RequestDataset& dataset);

}  // namespace silk::query
