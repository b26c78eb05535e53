// The static checks SPARQL 1.1 places on a syntactically valid query (sections 18.2.1 and
// 18.2.4.1 and the notes of section 19.8), run on the AST after parsing:
//   - a variable introduced by BIND or (expr AS ?v) must not already be in scope;
//   - with GROUP BY or aggregates, SELECT * is not allowed and every selected variable must be
//     grouped, or used only inside aggregates;
//   - aggregates appear only in SELECT, HAVING and ORDER BY;
//   - a blank-node label names one node in one basic graph pattern only;
//   - optionally (QueryParseOptions::reject_unbound_projections), a selected variable must be
//     bound somewhere in the WHERE clause.
#pragma once

#include <optional>
#include <string>

#include "grammar/query/ast.h"
#include "grammar/query/query_parser.h"

namespace silk::query {

struct ValidationError {
  std::string message;
  ast::Position pos;  // of the offending construct
};

// Returns the first violation found, in source order, or nothing if the query is valid.
std::optional<ValidationError> ValidateQuery(const ast::Query& query,
                                             const QueryParseOptions& options);
std::optional<ValidationError> ValidateUpdate(const ast::Update& update,
                                              const QueryParseOptions& options);

}  // namespace silk::query
