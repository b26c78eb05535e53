// ORDER BY on a plain variable ranks the column's distinct values once and sorts rows by rank
// (operators/sort.cpp). It must put rows in exactly the order that evaluating the key on every
// row gives: COALESCE(?x) is the same key, evaluated per row (an unbound ?x is an error there,
// which sorts like unbound). Values of every kind, ties between different terms of equal value,
// and unbound values are mixed, so that ranks, ties and the stable order of equal keys all count.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

class OrderBy : public QueryFixture {};

// One of the kinds of term the total order distinguishes, many of them equal in value.
std::string RandomTerm(std::mt19937& rng) {
  const int n = static_cast<int>(rng() % 6);
  switch (rng() % 12) {
    case 0: return "<http://e/thing" + std::to_string(n) + ">";
    case 1: return "_:b" + std::to_string(n);
    case 2: return "\"" + std::to_string(n) + "\"^^<http://www.w3.org/2001/XMLSchema#integer>";
    case 3: return "\"" + std::to_string(n) + ".0\"^^<http://www.w3.org/2001/XMLSchema#decimal>";
    case 4: return "\"0" + std::to_string(n) + "\"^^<http://www.w3.org/2001/XMLSchema#integer>";
    case 5: return "\"" + std::to_string(n) + "e0\"^^<http://www.w3.org/2001/XMLSchema#double>";
    case 6: return "\"word " + std::to_string(n) + "\"";
    case 7: return "\"word " + std::to_string(n) + "\"@de";
    case 8:
      return "\"20" + std::to_string(10 + n) +
             "-01-02\"^^<http://www.w3.org/2001/XMLSchema#date>";
    case 9: return n % 2 ? "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"
                         : "\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>";
    case 10: return "\"odd " + std::to_string(n) + "\"^^<http://e/unknownType>";
    default: return "\"not a number\"^^<http://www.w3.org/2001/XMLSchema#integer>";
  }
}

TEST_F(OrderBy, RankedVariablesSortAsTheirValuesDo) {
  std::mt19937 rng(7);
  std::string data;
  for (int i = 0; i < 600; ++i) {
    const std::string s = "<http://e/row" + std::to_string(i) + ">";
    // Some rows lack ?x or ?y: unbound values.
    if (rng() % 8 != 0) data += s + " <http://e/x> " + RandomTerm(rng) + " .\n";
    if (rng() % 8 != 0) data += s + " <http://e/y> " + RandomTerm(rng) + " .\n";
    data += s + " <http://e/in> <http://e/set> .\n";
  }
  Load(data);
  const std::string where =
      "WHERE { ?s <http://e/in> <http://e/set> OPTIONAL { ?s <http://e/x> ?x } "
      "OPTIONAL { ?s <http://e/y> ?y } } ";
  const std::vector<std::pair<std::string, std::string>> orders = {
      {"?x", "COALESCE(?x)"},
      {"DESC(?y)", "DESC(COALESCE(?y))"},
      {"?x DESC(?y)", "COALESCE(?x) DESC(COALESCE(?y))"},
      {"DESC(?x) ?y ?s", "DESC(COALESCE(?x)) COALESCE(?y) COALESCE(?s)"},
      {"?y STR(?x)", "COALESCE(?y) STR(?x)"},  // a ranked key beside an evaluated one
      {"?missing ?x", "COALESCE(?missing) COALESCE(?x)"},  // never bound
  };
  for (const auto& [ranked, evaluated] : orders) {
    const std::string select = "SELECT ?s ?x ?y " + where;
    const std::string by_rank = Run(select + "ORDER BY " + ranked);
    const std::string by_value = Run(select + "ORDER BY " + evaluated);
    EXPECT_EQ(by_rank, by_value) << ranked;
    EXPECT_NE(Plan(select + "ORDER BY " + ranked).find("Sort"), std::string::npos);
  }
  // Ties of different terms with equal values keep their input order, as per-row keys do.
  EXPECT_EQ(Run("SELECT ?s ?x " + where + "ORDER BY ?x"),
            Run("SELECT ?s ?x " + where + "ORDER BY COALESCE(?x)"));
}

// A column of IRIs alone is ranked by comparing the IRIs as they are, not as parsed values:
// the order must still be SPARQL's (by code point, unbound first), non-ASCII ones included.
TEST_F(OrderBy, IrisAloneSortByCodePoint) {
  std::mt19937 rng(3);
  const std::vector<std::string> tails = {
      "a",  "B", "z", "\u00e9t\u00e9", "\u00c7ay", "\u0130stanbul", "\U0001F600", "a/b", "a-b",
      "10", "9", ""};
  std::string data;
  for (int i = 0; i < 400; ++i) {
    const std::string s = "<http://e/row" + std::to_string(i) + ">";
    if (rng() % 6 != 0) {
      data += s + " <http://e/link> <http://e/" + tails[rng() % tails.size()] +
              std::to_string(rng() % 3) + "> .\n";
    }
    data += s + " <http://e/in> <http://e/set> .\n";
  }
  Load(data);
  const std::string select =
      "SELECT ?s ?i WHERE { ?s <http://e/in> <http://e/set> OPTIONAL { ?s <http://e/link> ?i } } ";
  EXPECT_EQ(Run(select + "ORDER BY ?i"), Run(select + "ORDER BY COALESCE(?i)"));
  EXPECT_EQ(Run(select + "ORDER BY DESC(?i) ?s"),
            Run(select + "ORDER BY DESC(COALESCE(?i)) COALESCE(?s)"));
}

TEST_F(OrderBy, AnEmptyResultSortsToNothing) {
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s <http://e/none> ?o } ORDER BY ?o ?s"),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace silk::testing
