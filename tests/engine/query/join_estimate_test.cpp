// The planner's row estimates for a join onto a small first scan: the values that scan gives
// are read while planning, and the join's rows counted for each, where the average over the
// predicate would misjudge them (the people one person met meet far more people than most).
#include <gtest/gtest.h>

#include <string>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

class JoinEstimates : public QueryFixture {
 protected:
  void SetUp() override {
    tuning_.ingest_threshold = 0;  // table files: the same estimates in every run
    QueryFixture::SetUp();
    std::string data;
    auto met = [&](const std::string& a, const std::string& b) {
      data += Iri(a) + " " + Iri("metWith") + " " + Iri(b) + " .\n";
    };
    // p0 met 5 hubs, who met 100 people each; 2,000 others met one person each: a person
    // meets about 1.3 people on average, a hub 100.
    for (int h = 0; h < 5; ++h) {
      met("p0", "hub" + std::to_string(h));
      for (int i = 0; i < 100; ++i) met("hub" + std::to_string(h), "q" + std::to_string(i));
    }
    for (int i = 0; i < 2000; ++i) met("r" + std::to_string(i), "q" + std::to_string(i % 7));
    Load(data);
  }
};

TEST_F(JoinEstimates, AJoinOntoASmallScanCountsItsValuesAsSubjectsOrObjects) {
  // The hubs as subjects: 500 rows.
  auto [estimated, actual] = EstimatedAndActual(
      "SELECT * WHERE { " + Iri("p0") + " " + Iri("metWith") + " ?h . ?h " + Iri("metWith") +
          " ?x }",
      "IndexJoin ?h");
  EXPECT_EQ(actual, 500);
  EXPECT_GE(estimated, 250);
  EXPECT_LE(estimated, 1000);
  // The q's as objects, met by the hubs and the others: 2,000 + 500 rows.
  std::tie(estimated, actual) = EstimatedAndActual(
      "SELECT * WHERE { " + Iri("hub0") + " " + Iri("metWith") + " ?q . ?x " +
          Iri("metWith") + " ?q }",
      "IndexJoin ?x");
  EXPECT_EQ(actual, 2500);
  EXPECT_GE(estimated, 1250);
  EXPECT_LE(estimated, 5000);
}

}  // namespace
}  // namespace silk::testing
