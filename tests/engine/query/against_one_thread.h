// Queries run with the spare threads against the same queries on one thread.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "tests/support/query_fixture.h"

namespace silk::testing {

class AgainstOneThread : public QueryFixture {
 protected:
  // The output of `query` on one thread and with the spare threads, which must be the same;
  // true when the plan says a spare thread did some of the work (tried up to 100 times:
  // whether the spare thread wakes in time is up to the scheduler, and on a busy machine with
  // two cores it once missed 20 runs in a row).
  bool ExpectSameOutput(const std::string& query) {
    options_.parallel = false;
    const std::string alone = Run(query);
    options_.parallel = true;
    bool shared = false;
    for (int attempt = 0; attempt < 100 && !shared; ++attempt) {
      EXPECT_EQ(Run(query), alone) << query;
      shared = Plan("ANALYZE " + query).find("on a spare thread") != std::string::npos;
    }
    return shared;
  }
};

}  // namespace silk::testing
