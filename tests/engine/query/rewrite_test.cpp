// The optimizer's rewrites never change a result: random queries of each rewritten shape,
// run with the rewrites and without them (the algebra as translated: EXISTS row by row, a
// full sort before LIMIT), give the same multiset of rows.
#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <string>
#include <vector>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

class Rewrites : public AgainstNaive {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::mt19937 rng(7);
    std::string data;
    // A skewed graph of 30 nodes over 4 predicates, with a hub (n0) and some literals.
    for (int i = 0; i < 300; ++i) {
      const int s = static_cast<int>(rng() % 30);
      const int o = rng() % 3 == 0 ? 0 : static_cast<int>(rng() % 30);
      data += Iri("n" + std::to_string(s)) + " " + Iri("p" + std::to_string(rng() % 4)) + " " +
              Iri("n" + std::to_string(o)) + " .\n";
    }
    for (int i = 0; i < 30; i += 3) {
      data += Iri("n" + std::to_string(i)) + " " + Iri("v") + " \"" + std::to_string(i % 7) +
              "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
    }
    Load(data);
  }
};

// FILTER EXISTS / NOT EXISTS in random shapes: inner patterns sharing one, two or no
// variables with the outer ones, outer OPTIONALs (shared variables sometimes unbound), inner
// FILTERs over inner variables, constants, and several EXISTS in one filter.
TEST_F(Rewrites, ExistsAsJoinsGiveTheRowByRowResult) {
  std::mt19937 rng(42);
  const std::vector<std::string> outer_vars = {"?a", "?b", "?c"};
  const std::vector<std::string> inner_vars = {"?a", "?b", "?c", "?x", "?y"};
  auto p = [&] { return Iri("p" + std::to_string(rng() % 4)); };
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  int rewritten = 0;
  for (int round = 0; round < 120; ++round) {
    std::string where = "?a " + p() + " ?b . ";
    if (rng() % 2) where += "OPTIONAL { ?b " + p() + " ?c } ";
    std::string inner = pick(inner_vars) + " " + p() + " " + (rng() % 4 ? pick(inner_vars) : Iri("n0"));
    if (rng() % 2) inner += " . " + pick(inner_vars) + " " + p() + " " + pick(inner_vars);
    if (rng() % 3 == 0) {
      const std::string other = rng() % 2 ? pick(inner_vars) : Iri("n" + std::to_string(rng() % 5));
      inner += " FILTER(" + pick(inner_vars) + " != " + other + ")";
    }
    std::string condition = std::string(rng() % 2 ? "NOT " : "") + "EXISTS { " + inner + " }";
    if (rng() % 4 == 0) condition += " && " + std::string(rng() % 2 ? "NOT " : "") + "EXISTS { ?a " + p() + " ?y }";
    const std::string query = "SELECT * WHERE { " + where + "FILTER(" + condition + ") }";
    // A filter over a variable the inner pattern does not bind is left row by row.
    if (Rewritten(query).find("Join") != std::string::npos) ++rewritten;
    ExpectSameRows(query);
  }
  EXPECT_GT(rewritten, 60);
}

// Patterns with two constants come out sorted by their variable: EXISTS, NOT EXISTS and MINUS
// on it merge the two sides. MINUS on one shared, always bound variable is NOT EXISTS.
TEST_F(Rewrites, MergedJoinsGiveTheRowByRowResult) {
  std::mt19937 rng(5);
  int merged = 0;
  for (int round = 0; round < 60; ++round) {
    const std::string outer = "?a <http://e/p" + std::to_string(rng() % 4) + "> <http://e/n" +
                              (rng() % 3 == 0 ? "0" : std::to_string(rng() % 30)) + ">";
    const std::string inner = "?a <http://e/p" + std::to_string(rng() % 4) + "> <http://e/n" +
                              (rng() % 3 == 0 ? "0" : std::to_string(rng() % 30)) + ">";
    const std::string negated = "SELECT ?a WHERE { " + outer + " FILTER NOT EXISTS { " + inner + " } }";
    const std::string exists = "SELECT ?a WHERE { " + outer + " FILTER EXISTS { " + inner + " } }";
    const std::string minus = "SELECT ?a WHERE { " + outer + " MINUS { " + inner + " } }";
    for (const std::string* query : {&negated, &exists, &minus}) {
      if (Plan(*query).find("Merge") != std::string::npos) ++merged;
    }
    ExpectSameRows(negated);
    ExpectSameRows(exists);
    options_.rewrite = false;
    const std::vector<std::string> row_by_row = Rows(negated);
    options_.rewrite = true;
    EXPECT_EQ(Rows(minus), row_by_row) << minus;
  }
  EXPECT_GT(merged, 100);
}

// What the rewrite leaves alone: a pattern that reads a variable it does not bind, that has
// an OPTIONAL, or that sits in GRAPH ?g; all still give the row-by-row result.
TEST_F(Rewrites, ExistsTheRewriteLeavesAlone) {
  const std::vector<std::string> kept = {
      "SELECT * WHERE { ?a <http://e/p0> ?b FILTER NOT EXISTS { ?b <http://e/p1> ?x FILTER(?x != ?a) } }",
      "SELECT * WHERE { ?a <http://e/p0> ?b FILTER EXISTS { ?b <http://e/p1> ?x OPTIONAL { ?x <http://e/p2> ?a } } }",
      "SELECT * WHERE { GRAPH ?g { ?a <http://e/p0> ?b FILTER NOT EXISTS { ?b <http://e/p1> ?a } } }",
  };
  for (const std::string& query : kept) {
    EXPECT_EQ(Rewritten(query).find("AntiJoin"), std::string::npos) << Rewritten(query);
    EXPECT_EQ(Rewritten(query).find("SemiJoin"), std::string::npos) << Rewritten(query);
    ExpectSameRows(query);
  }
  const std::string hub = "SELECT ?a WHERE { ?a <http://e/p0> ?b FILTER NOT EXISTS { ?b <http://e/p1> <http://e/n0> } }";
  EXPECT_NE(Rewritten(hub).find("AntiJoin"), std::string::npos) << Rewritten(hub);
  EXPECT_NE(Plan(hub).find("AntiJoin"), std::string::npos) << Plan(hub);
}

// ORDER BY … LIMIT becomes TopK, also through SELECT's projection and in a subquery; not
// across DISTINCT.
TEST_F(Rewrites, OrderByWithLimitBecomesTopK) {
  EXPECT_NE(Rewritten("SELECT ?a WHERE { ?a <http://e/v> ?v } ORDER BY ?v LIMIT 3 OFFSET 2").find("TopK 5"),
            std::string::npos);
  EXPECT_NE(Rewritten("SELECT * WHERE { { SELECT ?a WHERE { ?a <http://e/v> ?v } ORDER BY DESC(?v) LIMIT 2 } }")
                .find("TopK 2"),
            std::string::npos);
  EXPECT_EQ(Rewritten("SELECT DISTINCT ?v WHERE { ?a <http://e/v> ?v } ORDER BY ?v LIMIT 2").find("TopK"),
            std::string::npos);
  ExpectSameRows("SELECT ?a ?v WHERE { ?a <http://e/v> ?v } ORDER BY ?v ?a LIMIT 4 OFFSET 1");
  ExpectSameRows("SELECT * WHERE { { SELECT ?a WHERE { ?a <http://e/v> ?v } ORDER BY DESC(?v) ?a LIMIT 2 } ?a ?p ?o }");
}

}  // namespace
}  // namespace silk::testing

namespace silk::testing {
namespace {

// EXISTS row by row is SPARQL's substitution (section 18.6): a FILTER inside the pattern
// sees the row's values. (It used to see them unbound, so this EXISTS was always false.)
class ExistsSubstitution : public QueryFixture {};

TEST_F(ExistsSubstitution, FiltersInsideSeeTheRow) {
  Load("<http://e/a> <http://e/p0> <http://e/b> .\n<http://e/b> <http://e/p1> <http://e/a> .\n"
       "<http://e/c> <http://e/p0> <http://e/d> .\n<http://e/d> <http://e/p1> <http://e/e> .\n");
  EXPECT_EQ(Rows("SELECT ?a WHERE { ?a <http://e/p0> ?b "
                 "FILTER EXISTS { ?b <http://e/p1> ?x FILTER(?x != ?a) } }"),
            std::vector<std::string>{"?a=<http://e/c>"});
  EXPECT_EQ(Rows("SELECT ?a WHERE { ?a <http://e/p0> ?b "
                 "FILTER NOT EXISTS { ?b <http://e/p1> ?x FILTER(?x != ?a) } }"),
            std::vector<std::string>{"?a=<http://e/a>"});
}

}  // namespace
}  // namespace silk::testing

namespace silk::testing {
namespace {

// Objects of every kind a range must not lose: inlined integers, decimals, dates and
// dateTimes (with and without timezones), values the dictionary holds (doubles, an integer
// too large to inline, non-canonical forms, other numeric types), and non-numbers.
class FilterRanges : public AgainstNaive {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
    const std::vector<std::string> values = {
        "\"-3\"^^<" + xsd + "integer>", "\"0\"^^<" + xsd + "integer>", "\"5\"^^<" + xsd + "integer>",
        "\"6\"^^<" + xsd + "integer>", "\"10\"^^<" + xsd + "integer>", "\"11\"^^<" + xsd + "integer>",
        "\"99999999999999999999999\"^^<" + xsd + "integer>", "\"007\"^^<" + xsd + "integer>",
        "\"5.5\"^^<" + xsd + "decimal>", "\"10.0\"^^<" + xsd + "decimal>", "\"-0.25\"^^<" + xsd + "decimal>",
        "\"10.00\"^^<" + xsd + "decimal>", "\"1.0e1\"^^<" + xsd + "double>", "\"7\"^^<" + xsd + "int>",
        "\"6.5\"^^<" + xsd + "float>", "\"2019-12-31\"^^<" + xsd + "date>",
        "\"2020-01-01\"^^<" + xsd + "date>", "\"2020-01-01Z\"^^<" + xsd + "date>",
        "\"2020-01-01+13:00\"^^<" + xsd + "date>", "\"2020-06-15-05:00\"^^<" + xsd + "date>",
        "\"2021-01-01\"^^<" + xsd + "date>", "\"2020-12-31T23:30:00\"^^<" + xsd + "dateTime>",
        "\"2020-01-01T00:00:00Z\"^^<" + xsd + "dateTime>",
        "\"2020-01-01T10:00:00+14:00\"^^<" + xsd + "dateTime>",
        "\"2020-01-01T00:00:00.000\"^^<" + xsd + "dateTime>", "\"text\"", "<http://e/iri>",
        "\"true\"^^<" + xsd + "boolean>"};
    std::string data;
    for (std::size_t i = 0; i < values.size(); ++i) {
      data += "<http://e/s" + std::to_string(i) + "> <http://e/v> " + values[i] + " .\n";
      data += "<http://e/s" + std::to_string(i) + "> <http://e/w> " + values[values.size() - 1 - i] + " .\n";
    }
    Load(data);
  }
};

// Every comparison, each constant kind, both sides, combined bounds, and the variable used
// in two patterns or under OPTIONAL: the ranges never change the rows.
TEST_F(FilterRanges, NeverChangeTheRows) {
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  const std::vector<std::string> constants = {
      "5", "10", "-1", "5.5", "10.0", "\"10\"^^<" + xsd + "integer>", "\"2020-01-01\"^^<" + xsd + "date>",
      "\"2020-06-15Z\"^^<" + xsd + "date>", "\"2020-01-01T00:00:00Z\"^^<" + xsd + "dateTime>",
      "\"2020-01-01T05:00:00\"^^<" + xsd + "dateTime>"};
  const std::vector<std::string> ops = {"<", "<=", ">", ">=", "="};
  int ranged = 0;
  for (const std::string& c : constants) {
    for (const std::string& op : ops) {
      for (const std::string& query :
           {"SELECT ?s ?o WHERE { ?s <http://e/v> ?o FILTER(?o " + op + " " + c + ") }",
            "SELECT ?s ?o WHERE { ?s <http://e/v> ?o FILTER(" + c + " " + op + " ?o) }",
            "SELECT ?s ?o WHERE { ?s <http://e/v> ?o . ?s <http://e/w> ?o2 FILTER(?o " + op + " " + c +
                " && ?o2 " + op + " " + c + ") }",
            "SELECT ?s ?o WHERE { ?s <http://e/w> ?x OPTIONAL { ?s <http://e/v> ?o } FILTER(?o " + op +
                " " + c + ") }"}) {
        if (Plan(query).find("key range") != std::string::npos) ++ranged;
        ExpectSameRows(query);
      }
    }
  }
  EXPECT_GT(ranged, 100);
  // Two bounds on one variable intersect; a contradiction leaves nothing.
  ExpectSameRows("SELECT ?s WHERE { ?s <http://e/v> ?o FILTER(?o >= 0 && ?o < 10) }");
  ExpectSameRows("SELECT ?s WHERE { ?s <http://e/v> ?o FILTER(?o > 10 && ?o < 0) }");
  ExpectSameRows(
      "SELECT ?s WHERE { ?s <http://e/v> ?o FILTER(?o >= \"2020-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> && "
      "?o < \"2021-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>) }");
}

// Where a range would be wrong it is not made: in a nested group joined to the filter's
// patterns, or an OPTIONAL's right side, the filter of the outer group does not mark the
// pattern.
TEST_F(FilterRanges, OnlyWhereEveryRowPassesTheFilter) {
  const std::string query =
      "SELECT ?s WHERE { ?s <http://e/w> ?x { ?s <http://e/v> ?o } UNION { ?s <http://e/v> ?p } FILTER(?o > 5) }";
  EXPECT_EQ(Plan(query).find("key range"), std::string::npos) << Plan(query);
  ExpectSameRows(query);
  const std::string optional = "SELECT ?s WHERE { ?s <http://e/w> ?x OPTIONAL { ?s <http://e/v> ?o } FILTER(!BOUND(?o) || ?o > 5) }";
  EXPECT_EQ(Plan(optional).find("key range"), std::string::npos) << Plan(optional);
  ExpectSameRows(optional);
}

// A hash join, OPTIONAL, MINUS or (NOT) EXISTS whose right side is one index scan looks up
// the rows of a left side that turns out small instead of reading the right side whole: the
// same rows, in random shapes, with the join variable in each position, repeated variables
// and OPTIONALs that leave it unbound; also where repeated lookups are answered from memory
// (ProbeMemo).
TEST_F(Rewrites, LookupsOfASmallLeftSideGiveTheHashTablesRows) {
  std::mt19937 rng(11);
  auto var_or_node = [&](const std::string& var) {
    return rng() % 4 == 0 ? Iri("n" + std::to_string(rng() % 30)) : var;
  };
  int looked_up = 0;
  int remembered = 0;  // queries whose lookups or probes were answered from memory (ProbeMemo)
  for (int i = 0; i < 120; ++i) {
    const std::string p = Iri("p" + std::to_string(rng() % 4));
    std::string right;
    switch (rng() % 4) {
      case 0: right = "?s " + p + " " + var_or_node("?o"); break;
      case 1: right = var_or_node("?o") + " " + p + " ?s"; break;
      case 2: right = "?s " + p + " ?s"; break;
      default: right = "?s ?q " + var_or_node("?o"); break;
    }
    const std::string left = rng() % 2 ? "?s " + Iri("v") + " ?val"
                                       : "?s " + Iri("v") + " ?val OPTIONAL { ?s " + p + " ?w }";
    std::string query;
    switch (rng() % 5) {
      case 0: query = "SELECT * WHERE { " + left + " OPTIONAL { " + right + " } }"; break;
      case 1: query = "SELECT * WHERE { " + left + " MINUS { " + right + " } }"; break;
      case 2: query = "SELECT * WHERE { " + left + " FILTER EXISTS { " + right + " } }"; break;
      case 3: query = "SELECT * WHERE { " + left + " FILTER NOT EXISTS { " + right + " } }"; break;
      default:
        query = "SELECT * WHERE { { " + left + " } UNION { ?s " + Iri("v") + " 3 } " + right + " }";
        break;
    }
    const std::string plan = Plan("ANALYZE " + query);
    if (plan.find("looked up") != std::string::npos) ++looked_up;
    if (plan.find("answered by an earlier") != std::string::npos) ++remembered;
    ExpectSameRows(query);
  }
  EXPECT_GE(looked_up, 10);   // 16 with this seed
  EXPECT_GE(remembered, 15);  // 32 with this seed
}

// A chain the planner underestimates: each ?b of `?a p ?b` is a hub h<i>, whose 40 q-edges
// the average over q's thousands of subjects hides. The index join onto r, chosen for a left
// side of about 290 rows, probes 10,400 different ?c (so that no probe repeats another); after
// as many seeks as reading r costs it reads r into a hash table, and the rows stay those of the
// plan as written.
class UnderestimatedChain : public AgainstNaive {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::string data;
    for (int i = 0; i < 260; ++i) {
      const std::string hub = Iri("h" + std::to_string(i));
      data += Iri("a" + std::to_string(i)) + " " + Iri("p") + " " + hub + " .\n";
      for (int j = 0; j < 40; ++j) {
        data += hub + " " + Iri("q") + " " + Iri("c" + std::to_string(i * 40 + j)) + " .\n";
      }
    }
    for (int i = 0; i < 100000; ++i) {
      data += Iri("x" + std::to_string(i)) + " " + Iri("q") + " " + Iri("y" + std::to_string(i)) + " .\n";
    }
    for (int i = 0; i < 10400; ++i) {
      for (int j = 0; j < 2; ++j) {
        data += Iri("c" + std::to_string(i)) + " " + Iri("r") + " \"" + std::to_string(i * 2 + j) +
                "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
      }
    }
    for (int i = 0; i < 2000; ++i) data += Iri("z" + std::to_string(i)) + " " + Iri("r") + " " + Iri("c0") + " .\n";
    // A second pattern at each ?c, for a star with r.
    for (int i = 0; i < 10400; i += 2) data += Iri("c" + std::to_string(i)) + " " + Iri("r2") + " " + Iri("h0") + " .\n";
    for (int i = 0; i < 2000; ++i) data += Iri("z" + std::to_string(i)) + " " + Iri("r2") + " " + Iri("c0") + " .\n";
    // A pattern cheaper to read whole than seeking one batch of the chain's rows.
    for (int i = 0; i < 2000; ++i) {
      data += Iri("c" + std::to_string(i * 5)) + " " + Iri("r3") + " \"" + std::to_string(i) + "\" .\n";
    }
    Load(data);
  }
};

TEST_F(UnderestimatedChain, IndexJoinsReadThePatternWholeOnceSeeksCostMore) {
  const std::string chain = "?a " + Iri("p") + " ?b . ?b " + Iri("q") + " ?c . ";
  for (const std::string& query :
       {"SELECT * WHERE { " + chain + "?c " + Iri("r") + " ?d }",
        "SELECT * WHERE { " + chain + "OPTIONAL { ?c " + Iri("r") + " ?d FILTER(?d < 41) } }"}) {
    const std::string plan = Plan("ANALYZE " + query);
    EXPECT_NE(plan.find("read whole into a hash table after"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("after 0 seeks"), std::string::npos) << plan;  // the fifth batch's
    ExpectSameRows(query);
  }
  ExpectSameRows("SELECT * WHERE { " + chain + "?c " + Iri("r") + " ?d FILTER(?d > 30) }");
  // The same for the patterns of a star, read whole into hash tables together.
  const std::string star = "SELECT * WHERE { " + chain + "?c " + Iri("r") + " ?d . ?c " + Iri("r2") + " ?e }";
  const std::string plan = Plan("ANALYZE " + star);
  EXPECT_NE(plan.find("StarJoin"), std::string::npos) << plan;
  EXPECT_NE(plan.find("read whole into hash tables"), std::string::npos) << plan;
  ExpectSameRows(star);
  ExpectSameRows("SELECT ?a ?c ?d WHERE { " + chain + "?c " + Iri("r") + " ?d } ORDER BY ?a ?c ?d LIMIT 5");
}

// A batch of left rows in hand that would seek more than reading the pattern costs is joined
// through the pattern's table from its first row: no seek is made (the first batch, 1,024 of
// the chain's 10,400 rows, is worth more than the 2,000 rows of r3, or twice that in a star).
TEST_F(UnderestimatedChain, ABatchWorthMoreSeeksThanThePatternIsJoinedThroughItsTable) {
  const std::string chain = "?a " + Iri("p") + " ?b . ?b " + Iri("q") + " ?c . ";
  for (const std::string& query :
       {"SELECT * WHERE { " + chain + "?c " + Iri("r3") + " ?f }",
        "SELECT * WHERE { " + chain + "OPTIONAL { ?c " + Iri("r3") + " ?f FILTER(?f != \"7\") } }",
        "SELECT * WHERE { " + chain + "?c " + Iri("r3") + " ?f . ?c " + Iri("r3") + " ?g }"}) {
    const std::string plan = Plan("ANALYZE " + query);
    EXPECT_NE(plan.find("after 0 seeks"), std::string::npos) << plan;
    ExpectSameRows(query);
  }
  ExpectSameRows("SELECT ?a ?c ?f WHERE { " + chain + "?c " + Iri("r3") +
                 " ?f } ORDER BY ?a ?c ?f LIMIT 5");
}

// A FILTER over a UNION reaches into each branch: a row comes through one branch, whose own
// patterns bound the variable. A branch that leaves it unbound is not ranged.
TEST_F(FilterRanges, ReachEachUnionBranch) {
  const std::string both =
      "SELECT ?s ?o WHERE { { ?s <http://e/v> ?o } UNION { ?s <http://e/w> ?o } FILTER(?o > 5) }";
  const std::string plan = Plan(both);
  const std::size_t first = plan.find("key range");
  ASSERT_NE(first, std::string::npos) << plan;
  EXPECT_NE(plan.find("key range", first + 1), std::string::npos) << plan;
  ExpectSameRows(both);
  for (const std::string op : {"<", "<=", ">", ">=", "="}) {
    ExpectSameRows("SELECT ?s ?o WHERE { { ?s <http://e/v> ?o . ?s <http://e/w> ?x } UNION { ?s <http://e/w> ?o } "
                   "UNION { ?s <http://e/v> ?p } FILTER(?o " + op + " \"2020-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>) }");
  }
}

// OPTIONAL { B OPTIONAL { C } } planned onto the rows before it, in random shapes: C joined
// to B's variables or to the outer ones through B, inner FILTERs, constants, and OPTIONALs
// that match nothing.
TEST_F(Rewrites, NestedOptionalsGiveTheHashPlansRows) {
  std::mt19937 rng(17);
  auto p = [&] { return Iri("p" + std::to_string(rng() % 4)); };
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  int nested = 0;
  for (int round = 0; round < 150; ++round) {
    const std::string outer = "?a " + p() + " " + pick({"?b", Iri("n0"), Iri("n3")});
    const std::string b = pick({"?a", "?b"}) + " " + p() + " " + pick({"?x", "?y", Iri("n0")});
    std::string c = pick({"?x", "?y", "?b", "?a"}) + " " + p() + " " + pick({"?z", "?x", Iri("n1")});
    if (rng() % 3 == 0) c += " FILTER(" + pick({"?z", "?x"}) + " != " + Iri("n2") + ")";
    const std::string query =
        "SELECT * WHERE { " + outer + " OPTIONAL { " + b + " OPTIONAL { " + c + " } } }";
    if (Plan(query).find("where bound") != std::string::npos) ++nested;
    ExpectSameRows(query);
  }
  EXPECT_GT(nested, 20);
}

// COUNT over one pattern, or per value of one of its variables, with or without a second
// pattern that only says which values count, is read from the store's keys and statistics
// (CountScan). The data has triples in several graphs at once, which the union graph counts
// once, blank nodes and literals (which have no pair statistics), and a second load that
// moves the statistics.
class CountsFromKeys : public AgainstNaive {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::mt19937 rng(11);
    const std::vector<std::string> graphs = {"", Iri("g1"), Iri("g2")};
    auto node = [&](int n) {
      return n % 7 == 6 ? "_:b" + std::to_string(n) : Iri("n" + std::to_string(n));
    };
    for (int load = 0; load < 2; ++load) {
      std::string data;
      for (int i = 0; i < 250; ++i) {
        const std::string s = node(static_cast<int>(rng() % 25));
        const std::string p = Iri("p" + std::to_string(rng() % 3));
        const std::string o = rng() % 5 == 0 ? "\"" + std::to_string(rng() % 4) + "\""
                                             : node(rng() % 3 == 0 ? 0 : static_cast<int>(rng() % 25));
        // The same triple in one, two or three graphs.
        const std::size_t copies = 1 + rng() % 3;
        for (std::size_t g = 0; g < copies; ++g) {
          data += s + " " + p + " " + o + " " + graphs[(g + i) % 3] + " .\n";
        }
      }
      for (int i = 0; i < 25; i += 2) {
        data += node(i) + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " +
                Iri(i % 4 == 0 ? "A" : "B") + " .\n";
      }
      Load(data);
    }
  }
};

TEST_F(CountsFromKeys, GiveTheRowsOfGroup) {
  std::mt19937 rng(3);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  const std::vector<std::string> predicates = {Iri("p0"), Iri("p1"), Iri("p2"), "?p"};
  const std::vector<std::string> nodes = {"?s", "?o", Iri("n0"), Iri("n3"), "\"1\"", Iri("nX")};
  const std::vector<std::string> scopes = {"", "GRAPH " + Iri("g1"), "GRAPH " + Iri("nope")};
  int counted = 0;
  for (int round = 0; round < 300; ++round) {
    const std::string triple = pick({"?s", Iri("n3")}) + " " + pick(predicates) + " " + pick(nodes);
    std::string where = triple;
    if (rng() % 3 == 0) {
      // Only the values of ?o (or ?s) that are things of class A or B.
      where += " . " + pick({"?o", "?s"}) + " a " + pick({Iri("A"), Iri("B")});
    }
    const std::string scope = rng() % 4 == 0 ? pick(scopes) : "";
    if (!scope.empty()) where = scope + " { " + where + " }";
    const std::string key = pick({"", "?s", "?p", "?o"});
    const std::string count = pick({"COUNT(*)", "COUNT(?s)", "COUNT(?o)", "COUNT(DISTINCT ?o)"});
    std::string query = "SELECT " + key + " (" + count + " AS ?n) WHERE { " + where + " }";
    if (!key.empty()) query += " GROUP BY " + key;
    if (rng() % 4 == 0) query += " HAVING (" + count + " > 2)";
    if (Plan(query).find("CountScan") != std::string::npos) ++counted;
    ExpectSameRows(query);
  }
  EXPECT_GT(counted, 30);
}

// In a store without named graphs, counts per predicate and per object of a predicate whose
// objects all have pair records come from the statistics alone; a predicate with literal
// objects (v) is counted from its keys.
TEST_F(Rewrites, CountsComeFromTheStatistics) {
  for (const std::string query :
       {"SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
        "SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s <http://e/p1> ?o } GROUP BY ?o",
        "SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s <http://e/v> ?o } GROUP BY ?o HAVING (COUNT(*) > 1)",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://e/p2> <http://e/n0> }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}) {
    EXPECT_NE(Plan(query).find("CountScan"), std::string::npos) << Plan(query);
    ExpectSameRows(query);
  }
  Load("<http://e/n1> <http://e/p1> <http://e/n2> .\n<http://e/n1> <http://e/p1> \"x\" .\n");
  ExpectSameRows("SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s <http://e/p1> ?o } GROUP BY ?o");
}

// The groups a count holds are charged to the query's memory, as Group's are; a cancelled
// query stops counting.
TEST_F(CountsFromKeys, KeepWithinTheQuerysLimits) {
  const std::string query = "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s";
  ASSERT_NE(Plan(query).find("CountScan"), std::string::npos);
  options_.limits.memory_limit = 64;
  Status status = Try(query);
  EXPECT_NE(status.message().find("memory limit"), std::string::npos) << status.message();
  options_.limits.memory_limit = std::uint64_t{1} << 30;
  std::atomic<bool> cancel{true};
  options_.limits.cancel = &cancel;
  status = Try(query);
  EXPECT_EQ(status.code(), StatusCode::kCancelled) << status.message();
}

// Two patterns that each come out sorted by the variable they share are merged: runs of one
// key on either side (a triple in several graphs, GRAPH ?g), keys on one side only.
TEST_F(CountsFromKeys, MergeJoinsGiveTheHashJoinsRows) {
  std::mt19937 rng(23);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  const std::vector<std::string> predicates = {Iri("p0"), Iri("p1"), Iri("p2"), "a"};
  const std::vector<std::string> objects = {Iri("n0"), Iri("n3"), Iri("n5"), Iri("A"), Iri("B")};
  int merged = 0;
  for (int round = 0; round < 120; ++round) {
    auto pattern = [&](const std::string& graph) {
      const std::string triple = "?a " + pick(predicates) + " " + pick(objects);
      return rng() % 2 ? "GRAPH " + graph + " { " + triple + " }" : triple;
    };
    const std::string query = "SELECT * WHERE { " + pattern("?g") + " . " + pattern("?h") + " }";
    if (Plan(query).find("MergeJoin") != std::string::npos) ++merged;
    ExpectSameRows(query);
  }
  EXPECT_GT(merged, 60);
}

// A merge join (and a merge semi-join) whose right side ends before its left stops there: the
// left side's rest, which no right row can join, is never read. An anti-join reads it all.
TEST_F(AgainstNaive, MergeJoinsStopWhenTheRightSideEnds) {
  // Made in this order, so that the ids of e0..e5999 are below those of f0..f4999: p1 holds
  // the e's, p0 a hundred e's and then the f's.
  auto triple = [](const std::string& s, const std::string& p, const std::string& o) {
    return Iri(s) + " " + Iri(p) + " " + Iri(o) + " .\n";
  };
  std::string data;
  for (int i = 0; i < 6000; ++i) data += triple("e" + std::to_string(i), "p1", "n1");
  for (int i = 0; i < 100; ++i) data += triple("e" + std::to_string(i * 7), "p0", "n0");
  for (int i = 0; i < 5000; ++i) data += triple("f" + std::to_string(i), "p0", "n0");
  Load(data);
  const std::string left = "?a " + Iri("p0") + " " + Iri("n0");
  const std::string right = "?a " + Iri("p1") + " " + Iri("n1");
  const std::string join = "SELECT ?a WHERE { " + left + " . " + right + " }";
  const std::string exists = "SELECT ?a WHERE { " + left + " FILTER EXISTS { " + right + " } }";
  const std::string not_exists =
      "SELECT ?a WHERE { " + left + " FILTER NOT EXISTS { " + right + " } }";
  for (const std::string& query : {join, exists, not_exists}) ExpectSameRows(query);
  EXPECT_EQ(Rows(join).size(), 100u);
  EXPECT_EQ(Rows(not_exists).size(), 5000u);
  // The left scan (p0's 5,100 keys) reads one batch, not all.
  for (const std::string& query : {join, exists}) {
    const std::string analyzed = Run("EXPLAIN ANALYZE " + query);
    ASSERT_NE(analyzed.find("Merge"), std::string::npos) << analyzed;
    const std::size_t scan = analyzed.find("IndexScan ?a " + Iri("p0"));
    ASSERT_NE(scan, std::string::npos) << analyzed;
    const std::size_t actual = analyzed.find("actual ", scan);
    EXPECT_LT(std::stoul(analyzed.substr(actual + 7)), 5100u) << analyzed;
  }
}

// With the store's default graph alone (no union), quads in named graphs are not counted.
TEST_F(CountsFromKeys, CountTheStoredDefaultGraphAlone) {
  options_.union_default_graph = false;
  for (const std::string& query :
       {"SELECT (COUNT(*) AS ?n) WHERE { ?s " + Iri("p1") + " ?o }",
        "SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s " + Iri("p0") + " ?o } GROUP BY ?o",
        "SELECT ?o (COUNT(*) AS ?n) WHERE { ?s " + Iri("p2") + " ?o . ?o a " + Iri("A") +
            " } GROUP BY ?o"}) {
    EXPECT_NE(Plan(query).find("CountScan"), std::string::npos) << Plan(query);
    ExpectSameRows(query);
  }
}

}  // namespace
}  // namespace silk::testing
