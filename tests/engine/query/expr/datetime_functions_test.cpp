// YEAR ... TZ on xsd:gYearMonth and xsd:gYear (the extension; dateTime and date are tested
// with the other built-ins in builtins_test.cpp).
#include <gtest/gtest.h>

#include <vector>

#include "engine/query/expr/builtins.h"
#include "tests/engine/query/expr/test_values.h"

namespace silk::query::expr {
namespace {

using testing::Fn;
using testing::S;
using testing::Show;
using testing::X;

TEST(DateTimeFunctionsTest, GYear) {
  const Value year = X("1992", "gYear");
  EXPECT_EQ(Fn(Builtin::kYear, {year}), "\"1992\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kYear, {X("-0044", "gYear")}), "\"-44\"^^xsd:integer");
  // A gYear has no month or day: no answer, rather than the 1 its start instant holds.
  EXPECT_EQ(Fn(Builtin::kMonth, {year}), "error");
  EXPECT_EQ(Fn(Builtin::kDay, {year}), "error");
  EXPECT_EQ(Fn(Builtin::kHours, {year}), "error");
  EXPECT_EQ(Fn(Builtin::kMinutes, {year}), "error");
  EXPECT_EQ(Fn(Builtin::kSeconds, {year}), "error");
  EXPECT_EQ(Fn(Builtin::kTimezone, {year}), "error");
  EXPECT_EQ(Fn(Builtin::kTz, {year}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kTimezone, {X("1992+09:00", "gYear")}), "\"PT9H\"^^xsd:dayTimeDuration");
  EXPECT_EQ(Fn(Builtin::kTz, {X("1992Z", "gYear")}), "\"Z\"");
}

TEST(DateTimeFunctionsTest, GYearMonth) {
  const Value june = X("2024-06", "gYearMonth");
  EXPECT_EQ(Fn(Builtin::kYear, {june}), "\"2024\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kMonth, {june}), "\"6\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kDay, {june}), "error");
  EXPECT_EQ(Fn(Builtin::kHours, {june}), "error");
  EXPECT_EQ(Fn(Builtin::kTz, {X("2024-06-05:00", "gYearMonth")}), "\"-05:00\"");
}

TEST(DateTimeFunctionsTest, IllTypedOrOtherLiteralsAreErrors) {
  EXPECT_EQ(Fn(Builtin::kYear, {X("92", "gYear")}), "error");
  EXPECT_EQ(Fn(Builtin::kYear, {X("2024-13", "gYearMonth")}), "error");
  EXPECT_EQ(Fn(Builtin::kYear, {X("--06", "gMonth")}), "error");
  EXPECT_EQ(Fn(Builtin::kYear, {S("1992")}), "error");
}

}  // namespace
}  // namespace silk::query::expr
