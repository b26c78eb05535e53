#include "engine/query/expr/aggregates.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/engine/query/expr/test_values.h"

namespace silk::query::expr {
namespace {

using testing::I;
using testing::L;
using testing::S;
using testing::Show;
using testing::X;

std::string Aggregate(AggregateFunction f, const std::vector<EvalResult>& values, bool distinct = false,
                std::string separator = " ") {
  std::unique_ptr<Aggregator> agg = Aggregator::Create({f, distinct, std::move(separator)});
  for (const EvalResult& v : values) {
    agg->Add(v);
  }
  return Show(agg->Finish());
}

TEST(AggregatesTest, Count) {
  EXPECT_EQ(Aggregate(AggregateFunction::kCount, {}), "\"0\"^^xsd:integer");
  EXPECT_EQ(Aggregate(AggregateFunction::kCount, {S("a"), std::nullopt, S("a")}), "\"2\"^^xsd:integer");
  EXPECT_EQ(Aggregate(AggregateFunction::kCount, {S("a"), X("a", "string"), S("b")}, true),
            "\"2\"^^xsd:integer");
  EXPECT_EQ(Aggregate(AggregateFunction::kCount, {X("1", "integer"), X("1.0", "decimal")}, true),
            "\"2\"^^xsd:integer");  // distinct terms, equal values
}

TEST(AggregatesTest, SumAndAvgW3c) {
  // agg-sum-01 / agg-avg-01: :dec values 1.0 2.2 3.5 ... (sum 11.1 over 5 values).
  const std::vector<EvalResult> decimals = {X("1.0", "decimal"), X("2.2", "decimal"),
                                            X("2.2", "decimal"), X("2.2", "decimal"),
                                            X("3.5", "decimal")};
  EXPECT_EQ(Aggregate(AggregateFunction::kSum, decimals), "\"11.1\"^^xsd:decimal");
  EXPECT_EQ(Aggregate(AggregateFunction::kAvg, decimals), "\"2.22\"^^xsd:decimal");
  EXPECT_EQ(Aggregate(AggregateFunction::kSum, decimals, true), "\"6.7\"^^xsd:decimal");
  const std::vector<EvalResult> ints = {X("1", "integer"), X("2", "integer"), X("3", "integer")};
  EXPECT_EQ(Aggregate(AggregateFunction::kSum, ints), "\"6\"^^xsd:integer");
  EXPECT_EQ(Aggregate(AggregateFunction::kAvg, ints), "\"2\"^^xsd:decimal");
  const std::vector<EvalResult> doubles = {X("1000", "double"), X("1100", "double"),
                                           X("30000", "double")};
  EXPECT_EQ(Aggregate(AggregateFunction::kSum, doubles), "\"3.21E4\"^^xsd:double");
  const std::vector<EvalResult> mixed = {X("0.2", "float"), X("0.2", "double")};
  EXPECT_EQ(Aggregate(AggregateFunction::kAvg, {X("0.2", "double"), X("0.2", "decimal")}),
            "\"2.0E-1\"^^xsd:double");
  EXPECT_EQ(Aggregate(AggregateFunction::kSum, {X("2", "integer"), X("1.2", "decimal")}),
            "\"3.2\"^^xsd:decimal");
  (void)mixed;
}

TEST(AggregatesTest, SumErrorsAndEmptyGroups) {
  EXPECT_EQ(Aggregate(AggregateFunction::kSum, {}), "\"0\"^^xsd:integer");
  EXPECT_EQ(Aggregate(AggregateFunction::kAvg, {}), "\"0\"^^xsd:integer");
  // agg-err-01: a non-numeric member makes the group's AVG an error.
  EXPECT_EQ(Aggregate(AggregateFunction::kAvg, {X("1", "integer"), S("x"), X("2", "integer")}),
            "error");
  EXPECT_EQ(Aggregate(AggregateFunction::kSum, {X("1", "integer"), std::nullopt}), "error");
  EXPECT_EQ(Aggregate(AggregateFunction::kSum, {X("abc", "integer")}), "error");
}

TEST(AggregatesTest, MinMaxUseOrderByOrder) {
  const std::vector<EvalResult> values = {X("3", "integer"), X("1.0", "decimal"),
                                          X("3.0E4", "double"), std::nullopt};
  EXPECT_EQ(Aggregate(AggregateFunction::kMin, values), "\"1.0\"^^xsd:decimal");
  EXPECT_EQ(Aggregate(AggregateFunction::kMax, values), "\"3.0E4\"^^xsd:double");
  // Mixed kinds: IRIs before literals, numerics before strings.
  EXPECT_EQ(Aggregate(AggregateFunction::kMin, {S("a"), I("http://z/"), X("1", "integer")}),
            "<http://z/>");
  EXPECT_EQ(Aggregate(AggregateFunction::kMax, {S("a"), I("http://z/"), X("1", "integer")}), "\"a\"");
  // Dates of any precision on one timeline.
  const std::vector<EvalResult> dates = {X("2024-06", "gYearMonth"), X("2016-11-15", "date"),
                                         X("2013", "gYear")};
  EXPECT_EQ(Aggregate(AggregateFunction::kMin, dates), "\"2013\"^^xsd:gYear");
  EXPECT_EQ(Aggregate(AggregateFunction::kMax, dates), "\"2024-06\"^^xsd:gYearMonth");
  EXPECT_EQ(Aggregate(AggregateFunction::kMin, {}), "error");
  EXPECT_EQ(Aggregate(AggregateFunction::kMax, {std::nullopt}), "error");
}

TEST(AggregatesTest, Sample) {
  EXPECT_EQ(Aggregate(AggregateFunction::kSample, {std::nullopt, S("x"), S("y")}), "\"x\"");
  EXPECT_EQ(Aggregate(AggregateFunction::kSample, {}), "error");
}

TEST(AggregatesTest, GroupConcat) {
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {S("1"), S("22")}), "\"1 22\"");
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {S("1"), S("22")}, false, ":"), "\"1:22\"");
  // agg-groupconcat-4/5/6: the result is a simple literal whatever the tags.
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {L("1", "en"), L("2", "en")}), "\"1 2\"");
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {L("1", "en"), L("2", "fr")}), "\"1 2\"");
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {L("1", "en")}), "\"1\"");
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {}), "\"\"");
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {S("a"), S("a"), S("b")}, true), "\"a b\"");
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {S("a"), X("1", "integer")}), "\"a 1\"");
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {S("a"), testing::B("b")}), "error");
  EXPECT_EQ(Aggregate(AggregateFunction::kGroupConcat, {S("a"), std::nullopt}), "error");
}

}  // namespace
}  // namespace silk::query::expr
