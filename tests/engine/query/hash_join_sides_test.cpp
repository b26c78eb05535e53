// Which side of a hash join the planner holds in memory: the smaller, where a plain scan
// counts half (its estimate is the surer, and on the right it is looked up instead of read
// when the other side turns out small).
#include <gtest/gtest.h>

#include <string>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

class HashJoinSides : public AgainstNaive {
 protected:
  void SetUp() override {
    tuning_.ingest_threshold = 0;  // table files: the same estimates in every run
    QueryFixture::SetUp();
    std::string data;
    // 1,000 members of A; c reaches 100 y's, each of which reaches 8 x's: 800 rows, most of
    // them members of A.
    for (int i = 0; i < 1000; ++i) {
      data += Iri("x" + std::to_string(i)) + " <http://e/a> <http://e/A> .\n";
    }
    for (int y = 0; y < 100; ++y) {
      data += "<http://e/c> <http://e/p> " + Iri("y" + std::to_string(y)) + " .\n";
      for (int k = 0; k < 8; ++k) {
        data += Iri("y" + std::to_string(y)) + " <http://e/q> " +
                Iri("x" + std::to_string((y * 8 + k) * 5 % 1200)) + " .\n";
      }
    }
    Load(data);
  }
};

TEST_F(HashJoinSides, AScanWithinTwiceTheOtherSideIsHeldInMemory) {
  const std::string query =
      "SELECT * WHERE { ?x <http://e/a> <http://e/A> . <http://e/c> <http://e/p> ?y . "
      "?y <http://e/q> ?x }";
  const std::string plan = Plan(query);
  const std::size_t join = plan.find("HashJoin");
  ASSERT_NE(join, std::string::npos) << plan;
  // The left side is printed first: the index join of the chain, then the scan.
  const std::size_t chain = plan.find("IndexJoin ?y", join);
  const std::size_t scan = plan.find("IndexScan ?x <http://e/a>", join);
  ASSERT_NE(chain, std::string::npos) << plan;
  ASSERT_NE(scan, std::string::npos) << plan;
  EXPECT_LT(chain, scan) << plan;
  ExpectSameRows(query);
  std::size_t members = 0;  // the chain's x's below 1,000
  for (int n = 0; n < 800; ++n) members += n * 5 % 1200 < 1000 ? 1 : 0;
  EXPECT_EQ(Rows(query).size(), members);
}

}  // namespace
}  // namespace silk::testing
