// The rows of a text pattern (`?lit silk:matches "words"`): the literals the store's text index
// matches, with their scores.
#pragma once

#include <optional>
#include <string>

#include "engine/query/operators/operator.h"

namespace silk::query {

// One row per matching literal, ascending by literal id (so that it merge-joins with scans by
// object): the literal in `literal`'s column and, when `score` is given, its BM25 score as an
// xsd:decimal in that column. Reads the matches on the first pull; a query without words or a
// store without a text index stops the query with the store's error.
OperatorPtr MakeTextScan(ExecContext& ctx, std::string query, VarId literal,
                         std::optional<VarId> score, double estimate);

}  // namespace silk::query
