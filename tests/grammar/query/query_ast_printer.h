// A compact S-expression rendering of the query AST, so tests can state a whole expected tree
// in one line: (select (?x) (group (bgp (?x rdf:type ?t)))).
#pragma once

#include <string>

#include "grammar/query/ast.h"

namespace silk::query::testing {

// Terms: ?v, <iri> (rdf:, rdfs:, xsd: abbreviated), _:label, "lex"@lang, "lex"^^xsd:type.
std::string Print(const ast::Term& term);
std::string Print(const ast::Expression& expression);
std::string Print(const ast::Path& path);
std::string Print(const ast::GroupPattern& group);
std::string Print(const ast::Query& query);
std::string Print(const ast::Update& update);

}  // namespace silk::query::testing
