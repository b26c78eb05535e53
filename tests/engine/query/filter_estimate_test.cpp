// The planner's row estimate for a FILTER comparison read as object key ranges: the ranges
// read every literal the dictionary holds (values not inlined, such as "7.50"), and the filter
// is taken to keep as large a share of those as of the inlined values in range.
#include <gtest/gtest.h>

#include <string>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

class FilterEstimates : public QueryFixture {
 protected:
  void SetUp() override {
    tuning_.ingest_threshold = 0;  // table files: the same estimates in every run
    QueryFixture::SetUp();
    // 20,000 decimals from 0.5 to 999.5; three in ten written with a trailing zero ("7.50"),
    // which is not the canonical form, so the dictionary holds them.
    std::string data;
    for (int i = 0; i < 20000; ++i) {
      const std::string value = std::to_string(i % 1000) + (i % 10 < 3 ? ".50" : ".5");
      data += "<http://e/s" + std::to_string(i) + "> <http://e/v> \"" + value +
              "\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n";
    }
    Load(data);
  }
};

TEST_F(FilterEstimates, TheDictionarysLiteralsPassAsTheInlinedValuesDo) {
  const std::string query = "SELECT ?s WHERE { ?s <http://e/v> ?v FILTER(?v > 950.0) }";
  ASSERT_NE(Plan(query).find("key ranges"), std::string::npos) << Plan(query);
  const auto [estimated, actual] = EstimatedAndActual(query, "Filter");
  EXPECT_EQ(actual, 50 * 20);  // 950.5 to 999.5
  // The ranges read the 6,000 literals in the dictionary and the 700 or so inlined values
  // in range: taking all of them to pass is 6.8 times too many.
  EXPECT_GE(estimated, actual / 3) << Run("EXPLAIN ANALYZE " + query);
  EXPECT_LE(estimated, actual * 3) << Run("EXPLAIN ANALYZE " + query);
}

}  // namespace
}  // namespace silk::testing
