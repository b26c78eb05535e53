// An index join shares each batch of its probes with a spare thread (TwoEndedProbes): the
// rows, and their order, are those of the same query on one thread, whatever share the spare
// thread took, with OPTIONAL and its FILTER, rows that are not probed, a row whose matches are
// too many for the spare thread to keep, and a consumer that stops early.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "engine/query/operators/spare_threads.h"
#include "tests/engine/query/against_one_thread.h"

namespace silk::testing {
namespace {

class SharedProbes : public AgainstOneThread {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::string data;
    // 4,000 members of h, each with one to three q-values (a few with none). q has 40,000
    // other triples, so that seeking stays cheaper than reading q whole.
    for (int i = 0; i < 4000; ++i) {
      const std::string a = Iri("a" + std::to_string(i));
      data += a + " " + Iri("p") + " " + Iri("h") + " .\n";
      for (int j = 0; j < i % 4; ++j) {
        data += a + " " + Iri("q") + " \"" + std::to_string(i * 3 + j) +
                "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
      }
    }
    for (int i = 0; i < 40000; ++i) {
      data += Iri("x" + std::to_string(i)) + " " + Iri("q") + " " + Iri("y") + " .\n";
    }
    // Two members whose probes find more matches than the spare thread keeps.
    for (const char* hub : {"a1500", "a3700"}) {
      for (int i = 0; i < 70000; ++i) {
        data += Iri(hub) + " " + Iri("q") + " " + Iri("v" + std::to_string(i)) + " .\n";
      }
    }
    Load(data);
  }
};

TEST_F(SharedProbes, GiveTheRowsInTheOrderOfOneThread) {
  const std::string members = "?a " + Iri("p") + " " + Iri("h") + " . ";
  const std::string join = "SELECT * WHERE { " + members + "?a " + Iri("q") + " ?v }";
  ASSERT_NE(Plan(join).find("IndexJoin"), std::string::npos) << Plan(join);
  const bool shared = ExpectSameOutput(join);
  if (query::SpareThreadCount() > 0) {
    EXPECT_TRUE(shared) << Plan("ANALYZE " + join);
  }

  ExpectSameOutput("SELECT * WHERE { " + members + "OPTIONAL { ?a " + Iri("q") + " ?v } }");
  ExpectSameOutput("SELECT * WHERE { " + members + "OPTIONAL { ?a " + Iri("q") +
                   " ?v FILTER(?v > 6000) } }");
  ExpectSameOutput("SELECT ?a (COUNT(?v) AS ?n) WHERE { " + members + "?a " + Iri("q") +
                   " ?v } GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 5");
}

// A hash join whose left side turns out small looks its rows up (IndexLookups): shared too.
TEST_F(SharedProbes, LookUpTheRowsOfASmallLeftSideInOrder) {
  const std::string members = "?a " + Iri("p") + " " + Iri("h");
  const std::string q = "?a " + Iri("q") + " ?v";
  int looked_up = 0;
  for (const std::string& query :
       {"SELECT * WHERE { " + members + " MINUS { " + q + " } }",
        "SELECT * WHERE { " + members + " FILTER EXISTS { " + q + " } }",
        "SELECT * WHERE { " + members + " FILTER NOT EXISTS { " + q + " } }",
        "SELECT * WHERE { { " + members + " } UNION { ?a " + Iri("p") + " " + Iri("nothing") +
            " } " + q + " }"}) {
    const bool shared = ExpectSameOutput(query);
    const std::string plan = Plan("ANALYZE " + query);
    if (plan.find("looked up in the index") == std::string::npos) continue;
    ++looked_up;
    if (query::SpareThreadCount() > 0) {
      EXPECT_TRUE(shared) << plan;
    }
  }
  EXPECT_GT(looked_up, 0);
}

TEST_F(SharedProbes, StopWhenTheConsumerStops) {
  options_.parallel = true;
  for (int limit : {1, 7, 1500, 70001}) {
    const std::string query = "SELECT * WHERE { ?a " + Iri("p") + " " + Iri("h") + " . ?a " +
                              Iri("q") + " ?v } LIMIT " + std::to_string(limit);
    std::string output = Run(query);
    std::size_t lines = 0;
    for (char c : output) lines += c == '\n' ? 1 : 0;
    EXPECT_EQ(lines, static_cast<std::size_t>(limit) + 1) << query;  // the header, then rows
  }
}

TEST_F(SharedProbes, StopAtTheQuerysTimeLimit) {
  options_.parallel = true;
  options_.limits.timeout = std::chrono::milliseconds(1);
  std::string output;
  const Status status = Try("SELECT * WHERE { ?a " + Iri("p") + " " + Iri("h") + " . ?a " +
                                Iri("q") + " ?v . ?a " + Iri("q") + " ?w }",
                            &output);
  EXPECT_EQ(status.code(), StatusCode::kCancelled) << status.message();
}

}  // namespace
}  // namespace silk::testing
