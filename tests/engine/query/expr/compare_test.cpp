#include "engine/query/expr/compare.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "engine/query/expr/logic.h"
#include "tests/engine/query/expr/test_values.h"

namespace silk::query::expr {
namespace {

using testing::B;
using testing::I;
using testing::L;
using testing::S;
using testing::Show;
using testing::X;

// `values` sorted by OrderCompare, each shown.
std::vector<std::string> SortedForOrderBy(std::vector<Value> values) {
  std::stable_sort(values.begin(), values.end(),
                   [](const Value& a, const Value& b) { return OrderCompare(a, b) < 0; });
  std::vector<std::string> shown;
  for (const Value& v : values) {
    shown.push_back(Show(v));
  }
  return shown;
}

TEST(EffectiveBooleanValueTest, Rules) {
  EXPECT_EQ(Show(EffectiveBooleanValue(X("true", "boolean"))), "true");
  EXPECT_EQ(Show(EffectiveBooleanValue(X("0", "boolean"))), "false");
  EXPECT_EQ(Show(EffectiveBooleanValue(S(""))), "false");
  EXPECT_EQ(Show(EffectiveBooleanValue(S("false"))), "true");
  EXPECT_EQ(Show(EffectiveBooleanValue(L("x", "en"))), "true");
  EXPECT_EQ(Show(EffectiveBooleanValue(X("0", "integer"))), "false");
  EXPECT_EQ(Show(EffectiveBooleanValue(X("0.0", "decimal"))), "false");
  EXPECT_EQ(Show(EffectiveBooleanValue(X("-0.0e0", "double"))), "false");
  EXPECT_EQ(Show(EffectiveBooleanValue(X("NaN", "float"))), "false");
  EXPECT_EQ(Show(EffectiveBooleanValue(X("0.1", "decimal"))), "true");
  // Ill-typed numerics and booleans are false, not errors.
  EXPECT_EQ(Show(EffectiveBooleanValue(X("abc", "integer"))), "false");
  EXPECT_EQ(Show(EffectiveBooleanValue(X("yes", "boolean"))), "false");
  EXPECT_EQ(Show(EffectiveBooleanValue(I("http://x/"))), "error");
  EXPECT_EQ(Show(EffectiveBooleanValue(B("b"))), "error");
  EXPECT_EQ(Show(EffectiveBooleanValue(X("2010-06-21", "date"))), "error");
  EXPECT_EQ(Show(EffectiveBooleanValue(Value::TypedLiteral("1", "http://example/t"))), "error");
}

TEST(EqualsTest, NumericsByValueAcrossTypes) {
  EXPECT_EQ(Show(Equals(X("1", "integer"), X("1.0", "decimal"))), "true");
  EXPECT_EQ(Show(Equals(X("1", "integer"), X("1.0e0", "double"))), "true");
  EXPECT_EQ(Show(Equals(X("01", "integer"), X("1", "int"))), "true");
  EXPECT_EQ(Show(Equals(X("1.5", "float"), X("1.5", "decimal"))), "true");
  EXPECT_EQ(Show(Equals(X("1", "integer"), X("2", "integer"))), "false");
  EXPECT_EQ(Show(Equals(X("NaN", "double"), X("NaN", "double"))), "false");
  EXPECT_EQ(Show(NotEquals(X("1", "integer"), X("2", "integer"))), "true");
}

TEST(EqualsTest, StringsAndTags) {
  EXPECT_EQ(Show(Equals(S("abc"), X("abc", "string"))), "true");
  EXPECT_EQ(Show(Equals(S("abc"), S("abd"))), "false");
  EXPECT_EQ(Show(Equals(L("abc", "en"), L("abc", "EN"))), "true");  // tags ignore case
  EXPECT_EQ(Show(Equals(L("abc", "en"), L("abc", "fr"))), "false");
  EXPECT_EQ(Show(Equals(L("abc", "en"), S("abc"))), "error");
  EXPECT_EQ(Show(NotEquals(L("abc", "en"), S("abc"))), "error");
}

TEST(EqualsTest, RdfTermEqualAndTypeErrors) {
  EXPECT_EQ(Show(Equals(I("http://a/"), I("http://a/"))), "true");
  EXPECT_EQ(Show(Equals(I("http://a/"), I("http://b/"))), "false");
  EXPECT_EQ(Show(Equals(I("http://a/"), S("http://a/"))), "false");
  EXPECT_EQ(Show(Equals(B("x"), B("x"))), "true");
  EXPECT_EQ(Show(Equals(S("1"), X("1", "integer"))), "error");
  EXPECT_EQ(Show(Equals(X("true", "boolean"), X("1", "integer"))), "error");
  const Value odd = Value::TypedLiteral("a", "http://example/t");
  EXPECT_EQ(Show(Equals(odd, odd)), "true");
  EXPECT_EQ(Show(Equals(odd, Value::TypedLiteral("b", "http://example/t"))), "error");
  // An ill-typed literal equals only itself.
  EXPECT_EQ(Show(Equals(X("abc", "integer"), X("abc", "integer"))), "true");
  EXPECT_EQ(Show(Equals(X("abc", "integer"), X("1", "integer"))), "error");
  EXPECT_EQ(Show(Equals(X("true", "boolean"), X("1", "boolean"))), "true");
}

TEST(EqualsTest, DateTimes) {
  EXPECT_EQ(Show(Equals(X("2008-10-01T00:00:00-05:00", "dateTime"),
                        X("2008-10-01T05:00:00Z", "dateTime"))),
            "true");
  EXPECT_EQ(Show(Equals(X("2008-10-01T00:00:00Z", "dateTime"),
                        X("2008-10-01T00:00:00", "dateTime"))),
            "error");
  EXPECT_EQ(Show(Equals(X("2008-10-01T00:00:00", "dateTime"),
                        X("2008-10-01T00:00:00.0", "dateTime"))),
            "true");
}

TEST(CompareTest, Numerics) {
  EXPECT_EQ(Show(Compare(CompareOp::kLess, X("1", "integer"), X("1.5", "decimal"))), "true");
  EXPECT_EQ(Show(Compare(CompareOp::kGreaterEqual, X("3", "integer"), X("3e0", "double"))),
            "true");
  EXPECT_EQ(Show(Compare(CompareOp::kLessEqual, X("2", "float"), X("1", "byte"))), "false");
  EXPECT_EQ(Show(Compare(CompareOp::kLess, X("NaN", "double"), X("1", "integer"))), "false");
  EXPECT_EQ(Show(Compare(CompareOp::kGreaterEqual, X("NaN", "double"), X("1", "integer"))),
            "false");
}

TEST(CompareTest, StringsBooleansDates) {
  EXPECT_EQ(Show(Compare(CompareOp::kLess, S("abc"), X("abd", "string"))), "true");
  EXPECT_EQ(Show(Compare(CompareOp::kLess, S("Z"), S("a"))), "true");       // code points
  EXPECT_EQ(Show(Compare(CompareOp::kLess, S("z"), S("\u00e9"))), "true");  // not bytes-vs-locale
  EXPECT_EQ(Show(Compare(CompareOp::kLess, L("a", "en"), L("b", "en"))), "error");
  EXPECT_EQ(Show(Compare(CompareOp::kLess, S("a"), X("1", "integer"))), "error");
  EXPECT_EQ(Show(Compare(CompareOp::kLess, X("false", "boolean"), X("true", "boolean"))),
            "true");
  EXPECT_EQ(Show(Compare(CompareOp::kLess, I("http://a/"), I("http://b/"))), "error");
  // sparql10/expr-ops dateTime-*-2: a floating value against a zoned one two days apart.
  EXPECT_EQ(Show(Compare(CompareOp::kLess, X("2008-10-01T00:00:00Z", "dateTime"),
                         X("2008-10-03T00:00:00", "dateTime"))),
            "true");
  EXPECT_EQ(Show(Compare(CompareOp::kGreater, X("2008-10-03T00:00:00", "dateTime"),
                         X("2008-10-01T00:00:00Z", "dateTime"))),
            "true");
  EXPECT_EQ(Show(Compare(CompareOp::kLessEqual, X("2008-10-01T00:00:00Z", "dateTime"),
                         X("2008-10-01T00:00:00", "dateTime"))),
            "error");
  EXPECT_EQ(Show(Compare(CompareOp::kLess, X("2008-10-01", "date"), X("2008-10-02", "date"))),
            "true");
}

TEST(SameTermTest, Identity) {
  EXPECT_TRUE(SameTerm(S("a"), X("a", "string")));
  EXPECT_FALSE(SameTerm(X("1", "integer"), X("1.0", "decimal")));
  EXPECT_FALSE(SameTerm(X("1", "integer"), X("01", "integer")));
  EXPECT_TRUE(SameTerm(L("a", "en-GB"), L("a", "en-gb")));
  EXPECT_FALSE(SameTerm(L("a", "en"), S("a")));
  EXPECT_FALSE(SameTerm(I("x"), S("x")));
  EXPECT_FALSE(SameTerm(I("x"), B("x")));
}

TEST(OrderCompareTest, KindsThenValues) {
  std::vector<Value> values = {
      X("10", "integer"), S("b"), I("http://b/"), X("2.5", "decimal"), B("z"),
      L("a", "en"), X("true", "boolean"), I("http://a/"), X("-1e0", "double"), S("a"),
      X("2008-10-01T00:00:00Z", "dateTime"), Value::TypedLiteral("x", "http://example/t"),
      B("a"), X("false", "boolean"), X("abc", "integer"), X("3", "float")};
  EXPECT_EQ(SortedForOrderBy(std::move(values)),
            (std::vector<std::string>{
                "_:a", "_:z", "<http://a/>", "<http://b/>", "\"-1e0\"^^xsd:double",
                "\"2.5\"^^xsd:decimal", "\"3\"^^xsd:float", "\"10\"^^xsd:integer", "\"a\"",
                "\"b\"", "\"a\"@en", "\"false\"^^xsd:boolean", "\"true\"^^xsd:boolean",
                "\"2008-10-01T00:00:00Z\"^^xsd:dateTime", "\"x\"^^<http://example/t>",
                "\"abc\"^^xsd:integer"}));
}

TEST(OrderCompareTest, UnboundFirstAndTotal) {
  const Value one = X("1", "integer");
  EXPECT_LT(OrderCompare(nullptr, &one), 0);
  EXPECT_GT(OrderCompare(&one, nullptr), 0);
  EXPECT_EQ(OrderCompare(nullptr, nullptr), 0);
  // Equal values, different terms: not 0, and consistent both ways.
  const Value one_dec = X("1.0", "decimal");
  EXPECT_NE(OrderCompare(one, one_dec), 0);
  EXPECT_EQ(OrderCompare(one, one_dec), -OrderCompare(one_dec, one));
  EXPECT_EQ(OrderCompare(S("a"), X("a", "string")), 0);
  // NaN sorts before the other numbers.
  EXPECT_LT(OrderCompare(X("NaN", "double"), X("-INF", "double")), 0);
  // sparql10/sort: integers by value, not lexically.
  EXPECT_LT(OrderCompare(X("9", "integer"), X("10", "integer")), 0);
}

TEST(OrderCompareTest, DatesOfEveryPrecisionShareOneTimeline) {
  std::vector<Value> values = {
      X("2024-01-01T00:00:00Z", "dateTime"), X("2024-06", "gYearMonth"), X("2024", "gYear"),
      X("2023-12-31", "date"), X("2024-01-01", "date"), X("2024-01", "gYearMonth"),
      X("1992", "gYear"), X("2024-01-01T00:00:00-05:00", "dateTime"), X("2025", "gYear"),
      X("2024-06-15", "date"), X("2024-01-01T12:00:00", "dateTime")};
  EXPECT_EQ(SortedForOrderBy(std::move(values)),
            (std::vector<std::string>{
                "\"1992\"^^xsd:gYear", "\"2023-12-31\"^^xsd:date",
                // One instant, 2024-01-01T00:00Z: the coarser value first.
                "\"2024\"^^xsd:gYear", "\"2024-01\"^^xsd:gYearMonth", "\"2024-01-01\"^^xsd:date",
                "\"2024-01-01T00:00:00Z\"^^xsd:dateTime",
                "\"2024-01-01T00:00:00-05:00\"^^xsd:dateTime",
                "\"2024-01-01T12:00:00\"^^xsd:dateTime", "\"2024-06\"^^xsd:gYearMonth",
                "\"2024-06-15\"^^xsd:date", "\"2025\"^^xsd:gYear"}));
}

TEST(OrderCompareTest, DateTimelineIsTotalAndAfterBooleans) {
  const Value year = X("2024", "gYear");
  const Value month = X("2024-01", "gYearMonth");
  EXPECT_LT(OrderCompare(year, month), 0);
  EXPECT_GT(OrderCompare(month, year), 0);
  EXPECT_EQ(OrderCompare(year, X("2024", "gYear")), 0);
  // The same instant in two timezones: equal values, different terms, ordered by the term.
  const Value utc = X("2024Z", "gYear");
  const Value seoul = X("2024+09:00", "gYear");
  EXPECT_NE(OrderCompare(utc, X("2023-12-31T15:00:00Z", "dateTime")), 0);
  EXPECT_EQ(OrderCompare(seoul, X("2023-12-31T15:00:00Z", "dateTime")), -1);
  EXPECT_NE(OrderCompare(year, utc), 0);
  EXPECT_EQ(OrderCompare(year, utc), -OrderCompare(utc, year));
  EXPECT_LT(OrderCompare(X("true", "boolean"), X("1000", "gYear")), 0);
  // Ill-typed years are other literals, after every date.
  EXPECT_LT(OrderCompare(X("9999", "gYear"), X("92", "gYear")), 0);
}

TEST(CompareTest, OperatorsOnYearsAndMonthsAreUnchanged) {
  // '=' and '<' keep SPARQL's semantics: gYear and gYearMonth have no operator mapping, so
  // the values compare only as RDF terms, and mixing date kinds stays an error.
  EXPECT_EQ(Show(Equals(X("2024", "gYear"), X("2024", "gYear"))), "true");
  EXPECT_EQ(Show(Equals(X("2024", "gYear"), X("2025", "gYear"))), "error");
  EXPECT_EQ(Show(Equals(X("2024", "gYear"), X("2024-01-01", "date"))), "error");
  EXPECT_EQ(Show(Compare(CompareOp::kLess, X("2024", "gYear"), X("2025", "gYear"))), "error");
  EXPECT_EQ(Show(Compare(CompareOp::kLess, X("2024-01", "gYearMonth"), X("2024-02", "gYearMonth"))),
            "error");
  EXPECT_EQ(Show(Compare(CompareOp::kLess, X("2024-01-01", "date"),
                         X("2024-01-02T00:00:00Z", "dateTime"))),
            "error");
  EXPECT_EQ(Show(EffectiveBooleanValue(X("2024", "gYear"))), "error");
}

TEST(LogicTest, ThreeValued) {
  const BoolResult t = true;
  const BoolResult f = false;
  const BoolResult e = std::nullopt;
  EXPECT_EQ(Show(LogicalAnd(t, t)), "true");
  EXPECT_EQ(Show(LogicalAnd(t, e)), "error");
  EXPECT_EQ(Show(LogicalAnd(e, f)), "false");
  EXPECT_EQ(Show(LogicalAnd(e, e)), "error");
  EXPECT_EQ(Show(LogicalOr(e, t)), "true");
  EXPECT_EQ(Show(LogicalOr(f, e)), "error");
  EXPECT_EQ(Show(LogicalOr(f, f)), "false");
  EXPECT_EQ(Show(LogicalNot(e)), "error");
  EXPECT_EQ(Show(LogicalNot(f)), "true");
  // 2 IN (1, "x", 2): error from "x" is absorbed by the later match.
  BoolResult in = false;
  in = InStep(in, Equals(X("2", "integer"), X("1", "integer")));
  in = InStep(in, Equals(X("2", "integer"), S("x")));
  EXPECT_EQ(Show(in), "error");
  in = InStep(in, Equals(X("2", "integer"), X("2", "integer")));
  EXPECT_EQ(Show(in), "true");
}

}  // namespace
}  // namespace silk::query::expr
