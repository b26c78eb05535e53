// StarJoin: patterns probed at the same subject of each left row, inner or OPTIONAL, read in
// key order by one store iterator. Random stars give the rows of the plan as written (index
// joins one after another, or hash joins), whether the rows are probed here or on a spare
// thread.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

// 400 selected subjects among 12,000 with the star's predicates: a left side small enough for
// seeks. Each subject has 0 to 2 values of p1, one of p2, 0 or 1 of p3, and three of p4 now
// and then; some p2 triples are also in a named graph g (the default graph merges them), and
// 20 selected subjects have a star of their own in g.
class Stars : public AgainstNaive {
 protected:
  void SetUp() override {
    tuning_.ingest_threshold = 0;  // the plans these tests expect rest on stable estimates
    QueryFixture::SetUp();
    std::mt19937 rng(11);
    std::string data;
    for (int i = 0; i < 12000; ++i) {
      const std::string s = Iri("s" + std::to_string(i));
      if (i % 30 == 0) data += s + " " + Iri("sel") + " " + Iri("K") + " .\n";
      for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
        data += s + " " + Iri("p1") + " " + Iri("n" + std::to_string(rng() % 20)) + " .\n";
      }
      const std::string p2 = s + " " + Iri("p2") + " \"" + std::to_string(rng() % 9) +
                             "\"^^<http://www.w3.org/2001/XMLSchema#integer>";
      data += p2 + " .\n";
      if (rng() % 4 == 0) data += p2 + " " + Iri("g") + " .\n";
      if (rng() % 2 == 0) data += s + " " + Iri("p3") + " " + s + " .\n";
      if (i % 7 == 0) {
        for (int k = 0; k < 3; ++k) data += s + " " + Iri("p4") + " \"v" + std::to_string(k) + "\" .\n";
      }
      if (rng() % 3 == 0) {
        data += s + " " + Iri("p0") + " " + Iri("s" + std::to_string(rng() % 12000)) + " .\n";
      }
      // A few selected subjects' stars are in graph g too, for FROM.
      if (i % 600 == 0) {
        data += s + " " + Iri("sel") + " " + Iri("K") + " " + Iri("g") + " .\n";
        data += s + " " + Iri("p1") + " " + Iri("n1") + " " + Iri("g") + " .\n";
        data += s + " " + Iri("p2") + " \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> " + Iri("g") + " .\n";
      }
    }
    Load(data);
  }
};

TEST_F(Stars, RandomStarsGiveThePlanAsWritten) {
  std::mt19937 rng(5);
  const std::vector<std::string> lefts = {
      "?x " + Iri("sel") + " " + Iri("K") + " . ",
      "?x " + Iri("sel") + " ?k . ?x " + Iri("p0") + " ?y . ",
      "?y " + Iri("sel") + " " + Iri("K") + " . ?y " + Iri("p0") + " ?x . ",
  };
  const std::vector<std::string> objects = {"?a", "?b", "?c", "?x", "?y", Iri("n3"), "4", "?a"};
  // OPTIONAL arms' conditions: on the arm's own variables, the left side's, or another arm's
  // (which keeps the arm out of the star).
  const std::vector<std::string> conditions = {
      "", "", "FILTER(?a != " + Iri("n3") + ")", "FILTER(?b > 2)", "FILTER(?x != " + Iri("s60") + ")",
      "FILTER(!BOUND(?a))", "FILTER(LANG(?c) = \"\")", "FILTER(?a = ?b)"};
  int stars = 0;
  int optional_stars = 0;
  for (int round = 0; round < 250; ++round) {
    std::string where = lefts[rng() % lefts.size()];
    const int arms = 2 + static_cast<int>(rng() % 3);
    for (int i = 0; i < arms; ++i) {
      const std::string arm = "?x " + Iri("p" + std::to_string(1 + rng() % 4)) + " " +
                              objects[rng() % objects.size()];
      if (rng() % 2 == 0) {
        where += arm + " . ";
      } else {
        where += "OPTIONAL { " + arm + " " + conditions[rng() % conditions.size()] + " } ";
      }
    }
    if (rng() % 4 == 0) where += "FILTER(?x != " + Iri("s30") + ") ";
    const std::string query = "SELECT * WHERE { " + where + "}";
    const std::string plan = Plan(query);
    if (plan.find("StarJoin") != std::string::npos) ++stars;
    if (plan.find("StarJoin OPTIONAL") != std::string::npos) ++optional_stars;
    ExpectSameRows(query);
  }
  EXPECT_GT(stars, 120);          // 165 with this seed
  EXPECT_GT(optional_stars, 40);  // 64: stars whose first arm is OPTIONAL
}

// 400 left rows: batches worth sharing with a spare thread (when the machine has one). The
// rows come out in the left side's order, each with every combination of its matches.
TEST_F(Stars, RowsComeOutInTheLeftSidesOrder) {
  const std::string query = "SELECT ?x ?a ?b ?c WHERE { ?x " + Iri("sel") + " " + Iri("K") +
                            " . ?x " + Iri("p1") + " ?a . ?x " + Iri("p2") + " ?b . ?x " +
                            Iri("p4") + " ?c }";
  const std::string plan = Plan("ANALYZE " + query);
  EXPECT_NE(plan.find("StarJoin"), std::string::npos) << plan;
  ExpectSameRows(query);
  // Each left row's rows come out together: no subject comes back after another's.
  const std::string tsv = Run(query);
  std::vector<std::string> subjects;
  for (std::size_t at = tsv.find('\n'); at != std::string::npos && at + 1 < tsv.size();) {
    const std::size_t end = tsv.find('\n', at + 1);
    const std::string line = tsv.substr(at + 1, end - at - 1);
    subjects.push_back(line.substr(0, line.find('\t')));
    at = end;
  }
  ASSERT_GT(subjects.size(), 100u);
  std::vector<std::string> runs;
  for (const std::string& s : subjects) {
    if (runs.empty() || runs.back() != s) runs.push_back(s);
  }
  std::vector<std::string> distinct = runs;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  EXPECT_EQ(runs.size(), distinct.size()) << "a subject's rows came out apart";
}

// An arm that nothing matches drops the row; an arm matched through two graphs counts once.
// Stars inside GRAPH and under FROM / FROM NAMED: each arm reads the graphs its pattern may
// match (one named graph, a set, or the default graph's merge of all).
TEST_F(Stars, ReadTheGraphsEachPatternMayMatch) {
  const std::string star = "?x " + Iri("sel") + " " + Iri("K") + " . ?x " + Iri("p2") + " ?b . ?x " +
                           Iri("p1") + " ?a . OPTIONAL { ?x " + Iri("p4") + " ?c }";
  const std::string from_g = "SELECT * FROM " + Iri("g") + " WHERE { " + star + " }";
  EXPECT_GE(Rows(from_g).size(), 20u);  // the 20 subjects in g, some with two p2 there
  EXPECT_NE(Plan(from_g).find("StarJoin"), std::string::npos) << Plan(from_g);
  for (const std::string& query :
       {"SELECT * WHERE { " + star + " }", from_g,
        "SELECT * FROM " + Iri("g") + " FROM " + Iri("nowhere") + " WHERE { " + star + " }",
        "SELECT * WHERE { ?x " + Iri("sel") + " " + Iri("K") + " GRAPH " + Iri("g") + " { ?x " +
            Iri("p2") + " ?b } ?x " + Iri("p1") + " ?a . ?x " + Iri("p3") + " ?d }",
        "SELECT * FROM NAMED " + Iri("g") + " WHERE { ?x " + Iri("sel") + " " + Iri("K") +
            " GRAPH ?g { ?x " + Iri("p2") + " ?b } ?x " + Iri("p1") + " ?a }"}) {
    ExpectSameRows(query);
  }
}

TEST_F(Stars, AnArmWithoutMatchesDropsTheRow) {
  for (const std::string& query :
       {"SELECT * WHERE { ?x " + Iri("sel") + " " + Iri("K") + " . ?x " + Iri("p2") + " ?b . ?x " +
            Iri("p3") + " ?x }",
        "SELECT * WHERE { ?x " + Iri("sel") + " " + Iri("K") + " . ?x " + Iri("p2") + " ?b . ?x " +
            Iri("p1") + " " + Iri("nowhere") + " }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?x " + Iri("sel") + " " + Iri("K") + " . ?x " +
            Iri("p2") + " ?b . ?x " + Iri("p1") + " ?a }"}) {
    ExpectSameRows(query);
  }
}

// (A OPTIONAL X) OPTIONAL Y, Y one pattern: Y goes first, into A's star, only where X and Y
// share no variable A may leave unbound (conditions included); the rows stay the plan's as
// written either way.
TEST_F(Stars, AnOptionalPatternGoesBeforeAnOptionalGroupOnlyWhereIndependent) {
  const std::string a = "?x " + Iri("sel") + " " + Iri("K") + " . OPTIONAL { ?x " + Iri("p3") + " ?m } ";
  const std::vector<std::string> xs = {
      "OPTIONAL { ?x " + Iri("p0") + " ?y . ?y " + Iri("p2") + " ?b } ",
      "OPTIONAL { ?x " + Iri("p0") + " ?y OPTIONAL { ?y " + Iri("p1") + " ?c } } ",
      "OPTIONAL { ?x " + Iri("p0") + " ?y . ?y " + Iri("p4") + " ?d FILTER(?d != \"v1\") } ",
      "OPTIONAL { ?x " + Iri("p0") + " ?y . ?y " + Iri("p1") + " ?a } ",  // shares ?a with Y 0
      "OPTIONAL { ?x " + Iri("p0") + " ?y . ?y " + Iri("p3") + " ?m } ",  // ?m: A may lack it
  };
  // Each Y's pattern as EXPLAIN shows it, and its OPTIONAL.
  const std::vector<std::pair<std::string, std::string>> ys = {
      {"?x " + Iri("p1") + " ?a", ""},
      {"?x " + Iri("p2") + " ?e", "FILTER(?e > 3)"},
      {"?x " + Iri("p1") + " ?a", "FILTER(!BOUND(?y))"},  // reads X's ?y
      {"?x " + Iri("p4") + " ?m", ""},                    // reads ?m, which A may leave unbound
  };
  for (std::size_t i = 0; i < xs.size(); ++i) {
    for (std::size_t j = 0; j < ys.size(); ++j) {
      const std::string query = "SELECT * WHERE { " + a + xs[i] + "OPTIONAL { " + ys[j].first +
                                " " + ys[j].second + " } }";
      const std::string plan = Plan(query);
      const std::size_t star = plan.find("StarJoin");
      const std::string star_line =
          star == std::string::npos ? "" : plan.substr(star, plan.find('\n', star) - star);
      const bool independent = (j == 0 && i != 3) || j == 1;
      EXPECT_EQ(star_line.find(ys[j].first) != std::string::npos, independent)
          << query << "\n" << plan;
      ExpectSameRows(query);
    }
  }
}

// A subject with more matches than a spare thread may hold: the spare thread hands its row
// back, and this thread reads it, charged to the query.
class HubStar : public AgainstNaive {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::string data;
    for (int i = 0; i < 300; ++i) {
      const std::string s = Iri("s" + std::to_string(i));
      data += s + " " + Iri("sel") + " " + Iri("K") + " .\n";
      data += s + " " + Iri("p1") + " " + Iri("a" + std::to_string(i)) + " .\n";
      data += s + " " + Iri("p2") + " " + Iri("b" + std::to_string(i)) + " .\n";
    }
    // Others with p1, so that seeking it is cheaper than reading it.
    for (int i = 300; i < 5000; ++i) {
      data += Iri("s" + std::to_string(i)) + " " + Iri("p1") + " " + Iri("a0") + " .\n";
    }
    // The last selected subject, which the spare thread probes first.
    for (int i = 0; i < 70000; ++i) {
      data += Iri("s299") + " " + Iri("p2") + " \"" + std::to_string(i) + "\" .\n";
    }
    Load(data);
  }
};

TEST_F(HubStar, ARowWithTooManyMatchesForTheSpareThreadIsReadHere) {
  const std::string query = "SELECT * WHERE { ?x " + Iri("sel") + " " + Iri("K") + " . ?x " +
                            Iri("p1") + " ?a . ?x " + Iri("p2") + " ?b }";
  EXPECT_NE(Plan(query).find("StarJoin"), std::string::npos) << Plan(query);
  EXPECT_EQ(Rows(query).size(), 299u + 70001u);
  ExpectSameRows(query);
}

}  // namespace
}  // namespace silk::testing
