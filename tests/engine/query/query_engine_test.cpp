// SPARQL through the engine's façade on small inline data: every operator by a query.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

using Strings = std::vector<std::string>;

constexpr char kData[] = R"(
<http://e/japarov> <http://e/name> "Sadyr Japarov"@en <http://e/a1> .
<http://e/japarov> <http://e/name> "Dschaparow"@de <http://e/a0> .
<http://e/japarov> <http://e/visited> <http://e/korea> <http://e/a0> .
<http://e/japarov> <http://e/visited> <http://e/korea> <http://e/a1> .
<http://e/yoon> <http://e/name> "Yoon Suk Yeol"@en <http://e/a1> .
<http://e/yoon> <http://e/visited> <http://e/kazakhstan> <http://e/a2> .
<http://e/tokayev> <http://e/name> "Tokayev"@en <http://e/a2> .
<http://e/korea> <http://e/population> "51700000"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://e/kazakhstan> <http://e/population> "19000000"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://e/kyrgyzstan> <http://e/population> "7000000"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://e/japarov> <http://e/leads> <http://e/kyrgyzstan> .
<http://e/a> <http://e/next> <http://e/b> .
<http://e/b> <http://e/next> <http://e/c> .
<http://e/c> <http://e/next> <http://e/a> .
)";

class QueryEngine : public QueryFixture {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    Load(kData);
  }
};

TEST_F(QueryEngine, BasicGraphPatternJoins) {
  EXPECT_EQ(Rows("SELECT ?who ?pop WHERE { ?who <http://e/visited> ?c . ?c <http://e/population> ?pop }"),
            (Strings{R"(?who=<http://e/japarov> ?pop="51700000"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                     R"(?who=<http://e/yoon> ?pop="19000000"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

TEST_F(QueryEngine, UnionDefaultGraphMergesTriplesAcrossGraphs) {
  // The visit is stated in two articles; the union default graph holds it once.
  EXPECT_EQ(Rows("SELECT ?c WHERE { <http://e/japarov> <http://e/visited> ?c }"),
            (Strings{"?c=<http://e/korea>"}));
  options_.union_default_graph = false;
  EXPECT_EQ(Rows("SELECT ?c WHERE { <http://e/japarov> <http://e/visited> ?c }"), Strings{});
  EXPECT_EQ(Rows("SELECT ?c WHERE { <http://e/japarov> <http://e/leads> ?c }"),
            (Strings{"?c=<http://e/kyrgyzstan>"}));
}

TEST_F(QueryEngine, GraphBindsTheArticle) {
  EXPECT_EQ(Rows("SELECT ?g WHERE { GRAPH ?g { <http://e/japarov> <http://e/visited> ?c } }"),
            (Strings{"?g=<http://e/a0>", "?g=<http://e/a1>"}));
  EXPECT_EQ(Rows("SELECT ?n WHERE { GRAPH <http://e/a0> { <http://e/japarov> <http://e/name> ?n } }"),
            (Strings{R"(?n="Dschaparow"@de)"}));
}

TEST_F(QueryEngine, GraphReachesSubqueriesExistsAndMinus) {
  options_.union_default_graph = false;
  // A subquery inside GRAPH reads that graph, and aggregates once per graph.
  EXPECT_EQ(Rows("SELECT ?g ?n WHERE { GRAPH ?g { SELECT (COUNT(*) AS ?n) "
                 "WHERE { ?s <http://e/name> ?o } } }"),
            (Strings{R"(?g=<http://e/a0> ?n="1"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                     R"(?g=<http://e/a1> ?n="2"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                     R"(?g=<http://e/a2> ?n="1"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
  // EXISTS inside GRAPH matches in that graph, not in the default graph.
  EXPECT_EQ(Rows("SELECT ?s WHERE { GRAPH <http://e/a2> { ?s <http://e/name> ?n "
                 "FILTER EXISTS { ?s <http://e/visited> ?c } } }"),
            Strings{});
  EXPECT_EQ(Rows("SELECT ?s WHERE { GRAPH <http://e/a2> { ?s <http://e/visited> ?c "
                 "FILTER EXISTS { ?c ?p ?o } } }"),
            Strings{});
  // GRAPH ?g {} gives each named graph; an unknown graph gives nothing.
  EXPECT_EQ(Rows("SELECT ?g WHERE { GRAPH ?g {} }"),
            (Strings{"?g=<http://e/a0>", "?g=<http://e/a1>", "?g=<http://e/a2>"}));
  EXPECT_EQ(Rows("SELECT * WHERE { GRAPH <http://e/none> {} }"), Strings{});
  // MINUS inside GRAPH ?g shares no variable with its left side, so it removes nothing.
  EXPECT_EQ(Rows("SELECT ?s WHERE { GRAPH ?g { ?s <http://e/visited> <http://e/korea> "
                 "MINUS { ?x <http://e/visited> <http://e/korea> } } }"),
            (Strings{"?s=<http://e/japarov>", "?s=<http://e/japarov>"}));
}

TEST_F(QueryEngine, PathSequencesKeepDuplicates) {
  Load("<http://e/p0> <http://e/to> <http://e/m1> .\n"
       "<http://e/p0> <http://e/to> <http://e/m2> .\n"
       "<http://e/m1> <http://e/to> <http://e/end> .\n"
       "<http://e/m2> <http://e/to> <http://e/end> .\n");
  options_.union_default_graph = false;
  // A sequence is a join over the middle node: two routes, two solutions.
  EXPECT_EQ(Rows("SELECT ?x WHERE { <http://e/p0> <http://e/to>/<http://e/to> ?x }"),
            (Strings{"?x=<http://e/end>", "?x=<http://e/end>"}));
  // `+` gives each end once.
  EXPECT_EQ(Rows("SELECT ?x WHERE { <http://e/p0> <http://e/to>+ ?x FILTER(?x = <http://e/end>) }"),
            (Strings{"?x=<http://e/end>"}));
  // A zero-length path from a node that VALUES supplies matches only nodes of the graph.
  EXPECT_EQ(Rows("SELECT * WHERE { VALUES ?v { 1 } ?v <http://e/to>? ?v }"), Strings{});
  EXPECT_EQ(Rows("SELECT * WHERE { VALUES ?v { <http://e/m1> } ?v <http://e/to>? ?v }"),
            (Strings{"?v=<http://e/m1>"}));
}

TEST_F(QueryEngine, FromAndFromNamedSetTheDataset) {
  EXPECT_EQ(Rows("SELECT ?n FROM <http://e/a2> WHERE { ?s <http://e/name> ?n }"),
            (Strings{R"(?n="Tokayev"@en)"}));
  EXPECT_EQ(Rows("SELECT ?g FROM NAMED <http://e/a2> WHERE { GRAPH ?g { ?s ?p ?o } }"),
            (Strings{"?g=<http://e/a2>", "?g=<http://e/a2>"}));
}

TEST_F(QueryEngine, OptionalFilterUnionMinus) {
  EXPECT_EQ(Rows("SELECT ?c ?who WHERE { ?c <http://e/population> ?p "
                 "OPTIONAL { ?who <http://e/visited> ?c } }"),
            (Strings{"?c=<http://e/kazakhstan> ?who=<http://e/yoon>",
                     "?c=<http://e/korea> ?who=<http://e/japarov>", "?c=<http://e/kyrgyzstan>"}));
  EXPECT_EQ(Rows("SELECT ?c WHERE { ?c <http://e/population> ?p FILTER(?p > 10000000) }"),
            (Strings{"?c=<http://e/kazakhstan>", "?c=<http://e/korea>"}));
  EXPECT_EQ(Rows("SELECT ?x WHERE { { ?x <http://e/leads> ?y } UNION { ?x <http://e/next> <http://e/b> } }"),
            (Strings{"?x=<http://e/a>", "?x=<http://e/japarov>"}));
  EXPECT_EQ(Rows("SELECT ?c WHERE { ?c <http://e/population> ?p MINUS { ?who <http://e/visited> ?c } }"),
            (Strings{"?c=<http://e/kyrgyzstan>"}));
  // OPTIONAL's own filter sees the outer row.
  EXPECT_EQ(Rows("SELECT ?c ?who WHERE { ?c <http://e/population> ?p "
                 "OPTIONAL { ?who <http://e/visited> ?c FILTER(?p > 20000000) } }"),
            (Strings{"?c=<http://e/kazakhstan>", "?c=<http://e/korea> ?who=<http://e/japarov>",
                     "?c=<http://e/kyrgyzstan>"}));
}

TEST_F(QueryEngine, BindValuesAndFunctions) {
  EXPECT_EQ(Rows("SELECT ?u WHERE { <http://e/tokayev> <http://e/name> ?n BIND(UCASE(?n) AS ?u) }"),
            (Strings{R"(?u="TOKAYEV"@en)"}));
  EXPECT_EQ(Rows("SELECT ?c ?p WHERE { VALUES ?c { <http://e/korea> <http://e/nowhere> } "
                 "?c <http://e/population> ?p }"),
            (Strings{R"(?c=<http://e/korea> ?p="51700000"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
  EXPECT_EQ(Rows("SELECT ?n WHERE { ?s <http://e/name> ?n FILTER(LANG(?n) = \"de\") }"),
            (Strings{R"(?n="Dschaparow"@de)"}));
  EXPECT_EQ(Rows("SELECT (?p * 2 AS ?d) WHERE { <http://e/kyrgyzstan> <http://e/population> ?p }"),
            (Strings{R"(?d="14000000"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

TEST_F(QueryEngine, GroupByAggregatesOrderAndSlice) {
  EXPECT_EQ(Run("SELECT ?who (COUNT(?n) AS ?names) WHERE { ?who <http://e/name> ?n } "
                "GROUP BY ?who ORDER BY DESC(?names) ?who LIMIT 2"),
            "?who\t?names\n<http://e/japarov>\t2\n<http://e/tokayev>\t1\n");
  EXPECT_EQ(Run("SELECT (SUM(?p) AS ?total) WHERE { ?c <http://e/population> ?p }"),
            "?total\n77700000\n");
  EXPECT_EQ(Run("SELECT (COUNT(*) AS ?n) WHERE { ?c <http://e/nothing> ?p }"), "?n\n0\n");
  EXPECT_EQ(Run("SELECT ?c WHERE { ?c <http://e/population> ?p } ORDER BY ?p OFFSET 1"),
            "?c\n<http://e/kazakhstan>\n<http://e/korea>\n");
  EXPECT_EQ(Rows("SELECT DISTINCT ?who WHERE { ?who <http://e/name> ?n }"),
            (Strings{"?who=<http://e/japarov>", "?who=<http://e/tokayev>", "?who=<http://e/yoon>"}));
  EXPECT_EQ(Rows("SELECT ?who WHERE { ?who <http://e/name> ?n } GROUP BY ?who HAVING (COUNT(?n) > 1)"),
            (Strings{"?who=<http://e/japarov>"}));
}

TEST_F(QueryEngine, PropertyPathsEndOnCycles) {
  EXPECT_EQ(Rows("SELECT ?x WHERE { <http://e/a> <http://e/next>+ ?x }"),
            (Strings{"?x=<http://e/a>", "?x=<http://e/b>", "?x=<http://e/c>"}));
  EXPECT_EQ(Rows("SELECT ?x WHERE { <http://e/a> <http://e/next>/<http://e/next> ?x }"),
            (Strings{"?x=<http://e/c>"}));
  EXPECT_EQ(Rows("SELECT ?x WHERE { ?x ^<http://e/next> <http://e/a> }"), (Strings{"?x=<http://e/b>"}));
  EXPECT_EQ(Rows("SELECT ?x WHERE { <http://e/z> <http://e/next>* ?x }"), (Strings{"?x=<http://e/z>"}));
  EXPECT_EQ(Rows("SELECT ?c WHERE { <http://e/japarov> (<http://e/visited>|<http://e/leads>) ?c }"),
            (Strings{"?c=<http://e/korea>", "?c=<http://e/kyrgyzstan>"}));
}

TEST_F(QueryEngine, ExistsAndSubqueries) {
  EXPECT_EQ(Rows("SELECT ?c WHERE { ?c <http://e/population> ?p "
                 "FILTER NOT EXISTS { ?who <http://e/visited> ?c } }"),
            (Strings{"?c=<http://e/kyrgyzstan>"}));
  EXPECT_EQ(Rows("SELECT ?who WHERE { ?who <http://e/name> ?n "
                 "FILTER EXISTS { ?who <http://e/leads> ?x } }"),
            (Strings{"?who=<http://e/japarov>", "?who=<http://e/japarov>"}));
  EXPECT_EQ(Rows("SELECT ?c WHERE { { SELECT ?c WHERE { ?c <http://e/population> ?p } "
                 "ORDER BY DESC(?p) LIMIT 1 } }"),
            (Strings{"?c=<http://e/korea>"}));
}

TEST_F(QueryEngine, BnodeIsOneNodePerSolution) {
  // Within a solution BNODE("x") is one node across expressions; each solution gets its own.
  const std::string out = Run("SELECT (BNODE(\"x\") AS ?a) (BNODE(\"x\") AS ?b) "
                              "WHERE { ?c <http://e/population> ?p }");
  std::istringstream lines(out);
  std::string line;
  std::getline(lines, line);  // the header
  std::set<std::string> nodes;
  while (std::getline(lines, line)) {
    const std::size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << out;
    EXPECT_EQ(line.substr(0, tab), line.substr(tab + 1)) << out;
    nodes.insert(line.substr(0, tab));
  }
  EXPECT_EQ(nodes.size(), 3u) << out;
}

TEST_F(QueryEngine, AskConstructDescribe) {
  EXPECT_EQ(Run("ASK { <http://e/yoon> <http://e/visited> <http://e/kazakhstan> }"), "true\n");
  EXPECT_EQ(Run("ASK { <http://e/yoon> <http://e/visited> <http://e/korea> }"), "false\n");
  EXPECT_EQ(Run("CONSTRUCT { ?c <http://e/visitedBy> ?who } WHERE { ?who <http://e/visited> ?c }",
                query::ResultFormat::kNTriples),
            "<http://e/korea> <http://e/visitedBy> <http://e/japarov> .\n"
            "<http://e/kazakhstan> <http://e/visitedBy> <http://e/yoon> .\n");
  EXPECT_EQ(Run("DESCRIBE <http://e/kyrgyzstan>", query::ResultFormat::kNTriples),
            "<http://e/kyrgyzstan> <http://e/population> \"7000000\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
}

TEST_F(QueryEngine, ResultFormats) {
  const std::string q = "SELECT ?n WHERE { <http://e/tokayev> <http://e/name> ?n }";
  EXPECT_EQ(Run(q, query::ResultFormat::kCsv), "n\r\nTokayev\r\n");
  EXPECT_EQ(Run(q, query::ResultFormat::kJson),
            "{\"head\":{\"vars\":[\"n\"]},\"results\":{\"bindings\":[\n"
            "{\"n\":{\"type\":\"literal\",\"value\":\"Tokayev\",\"xml:lang\":\"en\"}}\n]}}\n");
  EXPECT_NE(Run(q, query::ResultFormat::kXml).find("<literal xml:lang=\"en\">Tokayev</literal>"),
            std::string::npos);
}

TEST_F(QueryEngine, ExplainShowsEstimatesAndAnalyzeActualRows) {
  const std::string plan = Plan("SELECT * WHERE { ?s <http://e/name> ?n }");
  EXPECT_NE(plan.find("IndexScan ?s <http://e/name> ?n"), std::string::npos) << plan;
  EXPECT_NE(plan.find("estimated 4 rows"), std::string::npos) << plan;
  const std::string analyzed = Run("EXPLAIN ANALYZE SELECT * WHERE { ?s <http://e/name> ?n }");
  EXPECT_NE(analyzed.find("actual 4"), std::string::npos) << analyzed;
  // An operator nobody asked for rows says so, rather than claiming it found none.
  const std::string unread =
      Run("EXPLAIN ANALYZE SELECT * WHERE { ?s <http://e/name> ?n } LIMIT 0");
  EXPECT_NE(unread.find("Slice limit 0  (estimated 0 rows, actual 0)"), std::string::npos)
      << unread;
  EXPECT_NE(unread.find("IndexScan ?s <http://e/name> ?n  (estimated 4 rows, not read)"),
            std::string::npos)
      << unread;
}

TEST_F(QueryEngine, UnknownConstantsMatchNothing) {
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s <http://e/unknown> ?o }"), Strings{});
  EXPECT_EQ(Run("ASK { <http://e/nobody> ?p ?o }"), "false\n");
}

TEST_F(QueryEngine, SyntaxErrorsSayWhere) {
  const Status status = Try("SELECT ?x WHERE {\n  ?x ?p ?o .\n");
  ASSERT_FALSE(status.ok());
  ASSERT_TRUE(status.parse_error().has_value());
  EXPECT_EQ(status.parse_error()->line, 3u);
  EXPECT_NE(status.message().find("'}'"), std::string::npos) << status.message();
}

// Text that fails at its first word could have been a query or an update: the message
// names both kinds, never only the query forms.
TEST_F(QueryEngine, AnUnknownFirstWordNamesQueriesAndUpdates) {
  const Status status = Try("PREFIX : <http://e/>\nREMOVE ALL");
  ASSERT_TRUE(status.parse_error().has_value());
  EXPECT_EQ(status.parse_error()->message,
            "expected a query (SELECT, CONSTRUCT, DESCRIBE, ASK) or an update (INSERT, DELETE, "
            "LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY)");
  EXPECT_EQ(status.parse_error()->line, 2u);
  const Status drop = Try("DROP EVERYTHING");
  ASSERT_TRUE(drop.parse_error().has_value());
  EXPECT_EQ(drop.parse_error()->message, "expected GRAPH <iri>, DEFAULT, NAMED or ALL after DROP");
}

// EXPLAIN of an update would have to run it: it is refused, and nothing changes.
TEST_F(QueryEngine, ExplainOfAnUpdateIsRefused) {
  const Strings before = Rows("SELECT ?s ?p ?o WHERE { ?s ?p ?o }");
  for (const char* update : {"EXPLAIN DROP ALL", "EXPLAIN ANALYZE INSERT DATA { <http://e/b> <http://e/p> 1 }"}) {
    const Status status = Try(update);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << update;
    EXPECT_NE(status.message().find("not run"), std::string::npos) << status.message();
  }
  EXPECT_EQ(Rows("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"), before);
}

TEST_F(QueryEngine, CancelledQueryStops) {
  std::atomic<bool> cancel{true};
  options_.limits.cancel = &cancel;
  const Status status = Try("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
  EXPECT_EQ(status.code(), StatusCode::kCancelled);
}

TEST_F(QueryEngine, TimeoutStopsACrossProduct) {
  options_.limits.timeout = std::chrono::milliseconds(1);
  const Status status =
      Try("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }");
  EXPECT_EQ(status.code(), StatusCode::kCancelled);
  EXPECT_NE(status.message().find("time limit"), std::string::npos) << status.message();
}

TEST_F(QueryEngine, MemoryCapStopsMaterialisingOperators) {
  options_.limits.memory_limit = 1024;
  const Status status = Try("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a");
  EXPECT_EQ(status.code(), StatusCode::kCancelled);
  EXPECT_NE(status.message().find("memory limit"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace silk::testing

namespace silk::testing {
namespace {

// 5,000 rows with many ties (7 values of ?a, 50 of ?b) and some unbound ?b, so that top-k
// compacts its rows several times and must break ties by input order.
class TopSortTest : public QueryFixture {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::string data;
    for (int i = 0; i < 5000; ++i) {
      const std::string s = "<http://e/r" + std::to_string(i) + ">";
      data += s + " <http://e/a> \"" + std::to_string(i % 7) +
              "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
      if (i % 11 != 0) data += s + " <http://e/b> \"b" + std::to_string((i * 31) % 50) + "\" .\n";
    }
    Load(data);
  }

  static std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
};

// ORDER BY with LIMIT (and OFFSET) gives exactly the rows of the full sort at those places,
// in the same order, for every key shape; the plan shows the top-k sort.
TEST_F(TopSortTest, EqualsTheFullSortCutToTheLimit) {
  const std::vector<std::string> orders = {"?a", "DESC(?a)", "?b", "DESC(?b) ?a", "?a DESC(?b) ?s",
                                           "STR(?b)", "(?a * -1)"};
  const std::vector<std::pair<int, int>> slices = {{0, 1}, {0, 10}, {3, 7}, {0, 1500}, {100, 2000},
                                                   {4990, 50}, {0, 0}, {0, 9000}};
  for (const std::string& order : orders) {
    const std::string query = "SELECT ?s ?a ?b WHERE { ?s <http://e/a> ?a OPTIONAL { ?s <http://e/b> ?b } } ORDER BY " + order;
    const std::vector<std::string> all = Lines(Run(query));
    ASSERT_EQ(all.size(), 5001u) << query;  // the header and every row
    for (const auto& [offset, limit] : slices) {
      const std::string cut = query + " OFFSET " + std::to_string(offset) + " LIMIT " + std::to_string(limit);
      std::vector<std::string> expected{all[0]};
      for (int i = offset; i < std::min<int>(offset + limit, 5000); ++i) expected.push_back(all[i + 1]);
      EXPECT_EQ(Lines(Run(cut)), expected) << cut;
    }
  }
  EXPECT_NE(Plan("SELECT ?s WHERE { ?s <http://e/a> ?a } ORDER BY ?a LIMIT 5").find("TopSort 5"), std::string::npos);
  // DISTINCT drops rows after the sort: there every row is sorted.
  EXPECT_EQ(Plan("SELECT DISTINCT ?a WHERE { ?s <http://e/a> ?a } ORDER BY ?a LIMIT 5").find("TopSort"), std::string::npos);
  EXPECT_EQ(Lines(Run("SELECT DISTINCT ?a WHERE { ?s <http://e/a> ?a } ORDER BY DESC(?a) LIMIT 2")).size(), 3u);
}

}  // namespace
}  // namespace silk::testing

namespace silk::testing {
namespace {

class FuzzFindings : public QueryFixture {};

// query_fuzz: CONSTRUCT WHERE { } has an empty triples block, which planned to no operator
// at all (a null dereference) once the algebra came between the AST and the planner.
TEST_F(FuzzFindings, ConstructWhereEmpty) {
  Load("<http://e/a> <http://e/p> <http://e/b> .\n");
  EXPECT_EQ(Run("CONSTRUCT WHERE { }", query::ResultFormat::kNTriples), "");
  EXPECT_EQ(Run("CONSTRUCT { <http://e/x> <http://e/y> <http://e/z> } WHERE { }",
                query::ResultFormat::kNTriples),
            "<http://e/x> <http://e/y> <http://e/z> .\n");
  EXPECT_EQ(Rows("SELECT * WHERE { { } FILTER(true) }").size(), 1u);
}

}  // namespace
}  // namespace silk::testing
