// The planner's row estimates for property paths, from the per-predicate statistics: a walk
// over a relation whose steps reach more than one node spreads over every node it can end
// at; one whose steps reach fewer dies out; a known end narrows the estimate to a share.
#include <gtest/gtest.h>

#include <string>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

std::string Node(int i) { return Iri("n" + std::to_string(i)); }

class PathEstimates : public QueryFixture {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::string data;
    // `next`: a cycle through 200 nodes, each step reaching one node, so any node reaches all.
    for (int i = 0; i < 200; ++i) {
      data += Node(i) + " " + Iri("next") + " " + Node((i + 1) % 200) + " .\n";
    }
    // `up`: a tree, 100 leaves under 10 parents under 1 root: walked down from the root, a
    // step reaches 10 nodes; walked up, one.
    auto up = [&](const std::string& child, const std::string& parent) {
      data += Iri(child) + " " + Iri("up") + " " + Iri(parent) + " .\n";
    };
    for (int i = 0; i < 100; ++i) up("leaf" + std::to_string(i), "mid" + std::to_string(i % 10));
    for (int i = 0; i < 10; ++i) up("mid" + std::to_string(i), "root");
    Load(data);
  }

  std::pair<double, double> PathRows(const std::string& query) {
    return EstimatedAndActual(query, "PropertyPath");
  }
};

TEST_F(PathEstimates, AClosureOverACycleReachesEveryNode) {
  for (const std::string& query :
       {"SELECT ?x WHERE { " + Node(0) + " " + Iri("next") + "+ ?x }",
        "SELECT ?x WHERE { ?x " + Iri("next") + "* " + Node(5) + " }",
        "SELECT ?x WHERE { " + Node(0) + " (" + Iri("next") + "/" + Iri("next") + ")+ ?x }"}) {
    const auto [estimated, actual] = PathRows(query);
    EXPECT_GE(actual, 100) << query;
    EXPECT_GE(estimated, actual / 2) << query;
    EXPECT_LE(estimated, actual * 2) << query;
  }
}

TEST_F(PathEstimates, WalksFollowTheirDirectionsFanOut) {
  // Up from a leaf: one parent a step, so the walk may spread over the 11 nodes a walk up
  // can end at (it reaches two: its parent and the root).
  auto [estimated, actual] =
      PathRows("SELECT ?x WHERE { " + Iri("leaf3") + " " + Iri("up") + "+ ?x }");
  EXPECT_EQ(actual, 2);
  EXPECT_LE(estimated, 11);  // at most the nodes a walk up can end at
  // Down from the root (the inverse): 10 children a step, the closure covers the tree.
  std::tie(estimated, actual) =
      PathRows("SELECT ?x WHERE { " + Iri("root") + " ^" + Iri("up") + "+ ?x }");
  EXPECT_EQ(actual, 110);
  EXPECT_GE(estimated, 55);
  EXPECT_LE(estimated, 220);
  // A sequence multiplies its steps: down two steps from the root, 10 children a step.
  std::tie(estimated, actual) = PathRows(
      "SELECT ?x WHERE { " + Iri("root") + " ^" + Iri("up") + "/^" + Iri("up") + " ?x }");
  EXPECT_EQ(actual, 100);
  EXPECT_GE(estimated, 20);
  EXPECT_LE(estimated, 500);
}

TEST_F(PathEstimates, AbsentPredicatesReachNothingAndKnownEndsAShare) {
  auto [estimated, actual] =
      PathRows("SELECT ?x WHERE { " + Node(0) + " " + Iri("absent") + "+ ?x }");
  EXPECT_EQ(actual, 0);
  EXPECT_LT(estimated, 1);
  // Both ends known: whether one node reaches the other, at most once per input row.
  std::tie(estimated, actual) = PathRows(
      "SELECT * WHERE { ?a " + Iri("up") + " " + Iri("root") + " . ?a " + Iri("up") + "* " +
      Iri("root") + " }");
  EXPECT_EQ(actual, 10);
  EXPECT_LE(estimated, 10.5);
}

}  // namespace
}  // namespace silk::testing
