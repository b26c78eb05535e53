// A new default store starts with the shipped graph, and says so once. $SILK_DB points the
// default store into a temporary directory: tests never touch the user's own.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

class DefaultStoreSeed : public ::testing::Test {
 protected:
  void SetUp() override { setenv("SILK_DB", dir_.Sub("default").c_str(), 1); }
  void TearDown() override { unsetenv("SILK_DB"); }
  TempDir dir_;
};

TEST_F(DefaultStoreSeed, FirstStartLoadsTheShippedGraphOnce) {
  ProcessResult first = RunSilk({"query", "ASK { ?p skos:altLabel \"Dschaparow\"@de }", "--format", "tsv"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "true\n");
  EXPECT_NE(first.err.find("Created the default store at " + dir_.Sub("default") +
                           " with the Korea \u2013 Central Asia graph ("),
            std::string::npos)
      << first.err;
  EXPECT_EQ(std::count(first.err.begin(), first.err.end(), '\n'), 1) << first.err;

  ProcessResult again = RunSilk({"find", "Dschaparow"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "");
}

TEST_F(DefaultStoreSeed, AStoreNamedWithDbStartsEmpty) {
  // A read never creates a store: a load (of nothing) does, unseeded.
  ASSERT_EQ(RunSilk({"--db", dir_.Sub("named"), "load", "-"}).exit_code, 0);
  ProcessResult stats = RunSilk({"--db", dir_.Sub("named"), "query", "ASK { ?s ?p ?o }", "--format", "tsv"});
  EXPECT_EQ(stats.out, "false\n");
  EXPECT_EQ(stats.err, "");
}

}  // namespace
}  // namespace silk::testing
