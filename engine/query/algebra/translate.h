// From the parser's AST to the algebra, as SPARQL 1.1 section 18.2 defines it.
#pragma once

#include <string>
#include <vector>

#include "engine/query/algebra/algebra.h"
#include "grammar/query/ast.h"

namespace silk::query::algebra {

// A query (or a subquery): its WHERE, then Group (with HAVING), the trailing VALUES, Extend
// (SELECT's expressions), OrderBy, Project and Distinct/Reduced (SELECT only), and Slice;
// ASK keeps one row.
NodePtr TranslateQuery(const ast::Query& query);

// A group graph pattern: its elements joined in order, left-deep, under one Filter of all its
// FILTERs' conjuncts (none with `with_filters` false: OPTIONAL makes them its condition).
NodePtr TranslateGroup(const ast::GroupPattern& group, bool with_filters = true);

// The visible variables of a pattern in order of first appearance (what SELECT * projects).
std::vector<std::string> VisibleVariables(const ast::GroupPattern& pattern);

// Adds the variables `triple` binds (its subject, its predicate unless it is a path, its
// object) to `names`, each name once.
void AddTripleVariables(const ast::TriplePattern& triple, std::vector<std::string>& names);

// The conjuncts of a condition: FILTER(A && B) keeps a row exactly when FILTER(A) FILTER(B)
// does (an error or false in either drops it).
void AddConjuncts(const ast::Expression& condition, std::vector<const ast::Expression*>& out);

}  // namespace silk::query::algebra
