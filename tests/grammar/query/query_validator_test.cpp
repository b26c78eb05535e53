// The static checks of grammar/query/query_validator.cpp, through ParseQuery.
#include "grammar/query/query_validator.h"

#include <gtest/gtest.h>

#include <string>

#include "grammar/query/query_parser.h"

namespace silk::query {
namespace {

QueryParseOptions Options() {
  QueryParseOptions options;
  options.predeclared_prefixes = {{"", "http://e/"}};
  return options;
}

// "ok", or the error message.
std::string Check(std::string_view text) {
  const auto result = ParseQuery(text, Options());
  return result.ok() ? "ok" : result.error().message;
}

// `levels` subqueries `SELECT * { … }` around `innermost`, under an outer `SELECT <outer>`.
std::string NestedSelectAll(int levels, std::string_view outer, std::string_view innermost) {
  std::string text = "SELECT " + std::string(outer) + " WHERE { ";
  for (int i = 0; i < levels; ++i) {
    text += "{ SELECT * WHERE { ?s" + std::to_string(i) + " :p ?o . ";
  }
  text += innermost;
  for (int i = 0; i < levels; ++i) {
    text += " } }";
  }
  return text + " }";
}

// Each level of SELECT * used to walk its whole pattern again, once for checking and once for
// collecting what it projects: 2^n walks for n levels (30 levels took minutes). Now each
// subquery is visited once; 200 levels must validate at once (under the test timeout).
TEST(QueryValidator, NestedSelectAllIsLinear) {
  EXPECT_EQ(Check(NestedSelectAll(30, "*", "?x :q ?y")), "ok");
  EXPECT_EQ(Check(NestedSelectAll(200, "?x ?s0 ?s199", "?x :q ?y")), "ok");
}

TEST(QueryValidator, SelectAllProjectsTheInScopeVariablesOfEveryLevel) {
  // ?y comes from the innermost level, through every SELECT * in between.
  EXPECT_EQ(Check(NestedSelectAll(3, "?y ?s0 ?s2", "?x :q ?y")), "ok");
  // A variable bound nowhere is still reported, however deep the nesting.
  EXPECT_EQ(Check(NestedSelectAll(3, "?y ?nowhere", "?x :q ?y")),
            "variable ?nowhere is used in SELECT but never bound");
  // A subquery that projects a list hides everything else below it.
  EXPECT_EQ(Check("SELECT ?o { { SELECT * { { SELECT ?s { ?s :p ?o } } } } }"),
            "variable ?o is used in SELECT but never bound");
  EXPECT_EQ(Check("SELECT ?s { { SELECT * { { SELECT ?s { ?s :p ?o } } } } }"), "ok");
  // The trailing VALUES of a SELECT * subquery is in its scope.
  EXPECT_EQ(Check("SELECT ?v { { SELECT * { ?s :p ?o } VALUES ?v { 1 } } }"), "ok");
  // BIND in a nested level is in scope above it, and still may not rebind.
  EXPECT_EQ(Check("SELECT ?b { { SELECT * { ?s :p ?o BIND(1 AS ?b) } } }"), "ok");
  EXPECT_EQ(Check("SELECT * { { SELECT * { ?s :p ?o } } BIND(1 AS ?o) }"),
            "BIND assigns ?o which is already bound earlier in the group; choose a new variable");
  // SELECT * with aggregates is refused at any level.
  EXPECT_EQ(Check("SELECT * { { SELECT * { ?s :p ?o } GROUP BY ?s } }"),
            "SELECT * cannot be used with GROUP BY or aggregates; list the grouped variables and "
            "aggregates instead");
}

}  // namespace
}  // namespace silk::query
