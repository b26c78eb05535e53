// Error messages of the SPARQL parser: in words, at the right line and column.
#include <gtest/gtest.h>

#include "grammar/query/query_parser.h"

namespace silk::query {
namespace {

// "LINE:COL: message" for a text that must fail to parse.
std::string QueryError(std::string_view text, QueryParseOptions options = {}) {
  const auto result = ParseQuery(text, options);
  if (result.ok()) {
    return "parsed";
  }
  const ParseError& e = result.error();
  return std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
}

std::string UpdateError(std::string_view text) {
  const auto result = ParseUpdate(text, QueryParseOptions{});
  if (result.ok()) {
    return "parsed";
  }
  const ParseError& e = result.error();
  return std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
}

TEST(QueryErrors, UnclosedGroupNamesWhereItOpened) {
  EXPECT_EQ(QueryError("SELECT *\nWHERE {\n  ?s ?p ?o .\n  OPTIONAL { ?s ?q ?x \n"),
            "5:1: expected '}' to close the group opened at 4:12");
}

TEST(QueryErrors, SelectWithoutProjection) {
  EXPECT_EQ(QueryError("SELECT WHERE { ?s ?p ?o }"),
            "1:8: expected a variable, '(' expression AS ?var ')' or '*' after SELECT");
}

TEST(QueryErrors, MissingObject) {
  EXPECT_EQ(QueryError("SELECT * {\n  ?s ?p\n}"), "3:1: expected an object after the predicate");
}

TEST(QueryErrors, UnknownPrefixSuggestsClosest) {
  QueryParseOptions options;
  options.predeclared_prefixes = {{"schema", "http://schema.org/"}};
  EXPECT_EQ(QueryError("SELECT * { ?s schem:name ?n }", options),
            "1:15: unknown prefix 'schem' (did you mean 'schema'?)");
  // Well-known prefixes are suggested even when not declared.
  EXPECT_EQ(QueryError("SELECT * { ?s rdfs:label ?n . ?s fof:name ?m }"),
            "1:15: unknown prefix 'rdfs' (did you mean 'rdf'?)");
  EXPECT_EQ(QueryError("SELECT * { ?s zzzzz:name ?n }"), "1:15: unknown prefix 'zzzzz'");
}

TEST(QueryErrors, ProjectedVariableNeverBound) {
  EXPECT_EQ(QueryError("SELECT ?s ?nmae { ?s ?p ?name }"),
            "1:11: variable ?nmae is used in SELECT but never bound");
  QueryParseOptions lenient;
  lenient.reject_unbound_projections = false;
  EXPECT_EQ(QueryError("SELECT ?s ?nmae { ?s ?p ?name }", lenient), "parsed");
}

TEST(QueryErrors, GroupingRules) {
  EXPECT_EQ(QueryError("SELECT ?s ?o (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s"),
            "1:11: variable ?o is selected but neither grouped nor aggregated; add it to GROUP "
            "BY or wrap it in an aggregate such as SAMPLE");
  EXPECT_EQ(QueryError("SELECT ((?o + COUNT(*)) AS ?n) { ?s ?p ?o }"),
            "1:10: variable ?o is used outside an aggregate but is not in GROUP BY");
  EXPECT_EQ(QueryError("SELECT * { ?s ?p ?o FILTER(COUNT(?o) > 1) }"),
            "1:28: COUNT is an aggregate; aggregates are only allowed in SELECT, HAVING and "
            "ORDER BY, not in FILTER");
}

TEST(QueryErrors, ScopeOfBindAndAs) {
  EXPECT_EQ(QueryError("SELECT * { ?s ?p ?o BIND(1 AS ?o) }"),
            "1:31: BIND assigns ?o which is already bound earlier in the group; choose a new "
            "variable");
  EXPECT_EQ(QueryError("SELECT (1 AS ?o) { ?s ?p ?o }"),
            "1:14: ?o is already bound in the WHERE clause; choose another name after AS");
  EXPECT_EQ(QueryError("SELECT (1 AS ?a) (2 AS ?a) {}"),
            "1:24: ?a is already defined by an earlier AS");
}

TEST(QueryErrors, BlankNodeLabelInTwoPatterns) {
  EXPECT_EQ(QueryError("SELECT * { _:a ?p ?o OPTIONAL { _:a ?q ?x } }"),
            "1:33: blank node _:a is already used in another basic graph pattern; use a "
            "variable to join them");
}

TEST(QueryErrors, MisspelledKeywordAndTrailingText) {
  EXPECT_EQ(QueryError("SELEC * {}"), "1:1: expected SELECT, CONSTRUCT, DESCRIBE or ASK");
  EXPECT_EQ(QueryError("SELECT * {} LIMIT 1 garbage"),
            "1:21: unexpected text after the end of the query");
  EXPECT_EQ(QueryError("SELECT * { ?s ?p ?o } LIMIT x"), "1:29: expected a non-negative integer");
}

TEST(QueryErrors, ExpressionErrors) {
  EXPECT_EQ(QueryError("SELECT * { ?s ?p ?o FILTER(?o > ) }"),
            "1:33: expected an operand after the comparison");
  EXPECT_EQ(QueryError("SELECT * { ?s ?p ?o FILTER(?o > 1 }"),
            "1:35: expected ')' to close the expression");
  EXPECT_EQ(QueryError("SELECT (?o + 1) { ?s ?p ?o }"),
            "1:15: expected AS ?var after the expression in SELECT (write (expr AS ?var))");
}

TEST(QueryErrors, BadEscapeAndPathsInTemplates) {
  EXPECT_EQ(QueryError("SELECT * { ?s ?p '\\uD800' }"),
            "1:18: this \\u escape does not name a character");
  EXPECT_EQ(QueryError("CONSTRUCT { ?s <p>/<q> ?o } WHERE { ?s ?p ?o }"),
            "1:13: property paths are not allowed in a CONSTRUCT template");
}

TEST(QueryErrors, UnsupportedFeaturesSaySo) {
  EXPECT_EQ(QueryError("SELECT * { SERVICE <http://s/> { ?s ?p ?o } }"),
            "1:12: SERVICE (federated query) is not supported");
}

TEST(UpdateErrors, GraphManagementSaysWhatIsMissing) {
  EXPECT_EQ(UpdateError("DROP"), "1:5: expected GRAPH <iri>, DEFAULT, NAMED or ALL after DROP");
  EXPECT_EQ(UpdateError("DROP GRAPH"), "1:11: expected an IRI after GRAPH");
  EXPECT_EQ(UpdateError("DROP <http://g>"),
            "1:6: expected GRAPH <iri>, DEFAULT, NAMED or ALL after DROP");
  EXPECT_EQ(UpdateError("CREATE DEFAULT"), "1:8: expected GRAPH <iri> after CREATE");
  EXPECT_EQ(UpdateError("LOAD"), "1:5: expected the IRI of the document to LOAD");
  EXPECT_EQ(UpdateError("LOAD <a.ttl> INTO <g>"), "1:19: expected GRAPH <iri> after INTO");
  EXPECT_EQ(UpdateError("ADD <a>"), "1:8: expected TO and the graph to put the quads in");
  EXPECT_EQ(UpdateError("MOVE SILENT"),
            "1:12: expected DEFAULT or a graph's IRI to take the quads from");
  EXPECT_EQ(UpdateError("COPY DEFAULT TO"), "1:16: expected DEFAULT or a graph's IRI after TO");
  EXPECT_EQ(UpdateError("COPY DEFAULT TO NAMED"),
            "1:22: expected DEFAULT or a graph's IRI after TO");
}

TEST(UpdateErrors, ABlankNodeLabelBelongsToOneInsertData) {
  EXPECT_EQ(UpdateError("INSERT DATA { _:b <p> <o> } ; INSERT DATA { _:b <p> <o> }"),
            "1:45: blank node _:b is already used in an earlier INSERT DATA of this update; a "
            "label names one node of one operation");
  EXPECT_EQ(UpdateError("INSERT DATA { _:b <p> <o> . _:b <q> <o> }"), "parsed");
  EXPECT_EQ(UpdateError("INSERT { _:b <p> ?o } WHERE { ?s <p> ?o } ; "
                        "INSERT { _:b <q> ?o } WHERE { ?s <p> ?o }"),
            "parsed");
}

TEST(UpdateErrors, DataMustBeGround) {
  EXPECT_EQ(UpdateError("INSERT DATA { ?s <p> <o> }"),
            "1:15: variables are not allowed in INSERT DATA");
  EXPECT_EQ(UpdateError("DELETE DATA { _:b <p> <o> }"),
            "1:15: blank nodes are not allowed in DELETE DATA");
  EXPECT_EQ(UpdateError("INSERT DATA { <s> <p> <o> } INSERT DATA { <s> <p> <o> }"),
            "1:29: expected ';' between update operations, or the end of the update");
  EXPECT_EQ(UpdateError("INSERT DATA { <s> <p> <o> "),
            "1:27: expected '}' to close the block opened at 1:13");
}

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

constexpr std::string_view kTooDeep =
    "nesting deeper than 1000 levels (of parentheses, function calls, groups, '[ ]' or '( )'); "
    "simplify the query";

// 1,000 levels parse; the 1,001st is refused where it starts, before the stack runs out.
TEST(QueryErrors, NestingLimit) {
  // SELECT ( is 8 columns; the projection's expression is level 1, each '(' one more.
  const auto parens = [](int n) {
    return "SELECT (" + Repeat("(", n) + "1" + Repeat(")", n) + " AS ?x) {}";
  };
  EXPECT_EQ(QueryError(parens(999)), "parsed");
  EXPECT_EQ(QueryError(parens(1000)), "1:1009: " + std::string(kTooDeep));
  const auto groups = [](int n) { return "SELECT * " + Repeat("{", n) + Repeat("}", n); };
  EXPECT_EQ(QueryError(groups(1000)), "parsed");
  EXPECT_EQ(QueryError(groups(1001)), "1:1010: " + std::string(kTooDeep));
  EXPECT_EQ(QueryError("SELECT * { FILTER(" + Repeat("CONCAT(", 5000) + "1" +
                       Repeat(")", 5000) + ") }"),
            "1:7012: " + std::string(kTooDeep));
  EXPECT_EQ(QueryError("SELECT * { ?s " + Repeat("(", 2000) + "<p>" + Repeat(")", 2000) + " ?o }"),
            "1:1014: " + std::string(kTooDeep));
  EXPECT_EQ(UpdateError("INSERT DATA { <s> <p> " + Repeat("[ <p> ", 2000) + "1" +
                        Repeat(" ]", 2000) + " }"),
            "1:6023: " + std::string(kTooDeep));
  EXPECT_EQ(UpdateError("INSERT DATA { <s> <p> " + Repeat("(", 2000) + "1" + Repeat(")", 2000) +
                        " }"),
            "1:1023: " + std::string(kTooDeep));
}

TEST(QueryErrors, ToStringShowsTheLineAndACaret) {
  QueryParseOptions options;
  options.source_name = "q.rq";
  const auto result = ParseQuery("SELECT *\nWHERE { ?s ?p }", options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().ToString(),
            "q.rq:2:15: expected an object after the predicate\n  WHERE { ?s ?p }\n"
            "                ^");
}

}  // namespace
}  // namespace silk::query
