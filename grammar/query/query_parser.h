// Parsing SPARQL 1.1 queries and updates into the AST of grammar/query/ast.h.
//
// The parser checks the syntax, expands prefixed names, resolves relative IRIs, decodes
// literals, and then runs the static checks of query_validator.h (scoping of BIND and AS,
// grouping rules, blank-node label reuse…), so a successful result is a query the algebra
// translation can take as it is.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/parse_result.h"
#include "grammar/query/ast.h"

namespace silk::query {

struct QueryParseOptions {
  std::string source_name = "<query>";  // the name errors are reported under
  std::string base_iri;                 // resolves relative IRIs until a BASE says otherwise
  // Prefixes in scope before the text's own PREFIX declarations (which override them). The shell
  // passes the well-known ones and the dataset's; the W3C tests pass none.
  std::vector<std::pair<std::string, std::string>> predeclared_prefixes;
  // Report a projected variable that the WHERE clause never mentions. SPARQL allows it (the
  // variable is simply unbound), but in an interactive shell it is nearly always a typo.
  bool reject_unbound_projections = true;
};

// The well-known prefixes of the shell (rdf, rdfs, xsd, owl, skos, schema, prov, dct, foaf).
const std::vector<std::pair<std::string, std::string>>& WellKnownPrefixes();

// Parses one query (SELECT, CONSTRUCT, ASK or DESCRIBE, with its prologue).
// Never throws; errors are reported in words with the line and column they were found at.
ParseResult<ast::Query> ParseQuery(std::string_view text, const QueryParseOptions& options);

// Parses an update request: zero or more operations separated by ';'.
ParseResult<ast::Update> ParseUpdate(std::string_view text, const QueryParseOptions& options);

}  // namespace silk::query
