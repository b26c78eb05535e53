#include "engine/query/expr/numeric.h"

#include <gtest/gtest.h>

#include "tests/engine/query/expr/test_values.h"

namespace silk::query::expr {
namespace {

using testing::B;
using testing::I;
using testing::S;
using testing::Show;
using testing::X;

// The operand types of sparql10/expr-ops/*-numbers-cast: "3" of each numeric type.
const char* const kTypes[] = {"integer", "decimal", "float", "double"};

std::string ResultType(int a, int b) {
  const int wider = std::max(a, b);
  return kTypes[wider];
}

TEST(NumericTest, PromotionTableForAllFourOperators) {
  for (int a = 0; a < 4; ++a) {
    for (int b = 0; b < 4; ++b) {
      const Value l = X("3", kTypes[a]);
      const Value r = X("3", kTypes[b]);
      SCOPED_TRACE(std::string(kTypes[a]) + " op " + kTypes[b]);
      const std::string type = ResultType(a, b);
      const bool exact = type == "integer" || type == "decimal";
      EXPECT_EQ(Show(Add(l, r)), exact ? "\"6\"^^xsd:" + type : "\"6.0E0\"^^xsd:" + type);
      EXPECT_EQ(Show(Subtract(l, r)), exact ? "\"0\"^^xsd:" + type : "\"0.0E0\"^^xsd:" + type);
      EXPECT_EQ(Show(Multiply(l, r)), exact ? "\"9\"^^xsd:" + type : "\"9.0E0\"^^xsd:" + type);
      // integer / integer is a decimal.
      const std::string div_type = type == "integer" ? "decimal" : type;
      EXPECT_EQ(Show(Divide(l, r)),
                exact ? "\"1\"^^xsd:" + div_type : "\"1.0E0\"^^xsd:" + div_type);
    }
  }
}

TEST(NumericTest, W3cPlusExamples) {
  // sparql11/functions plus-1: only numerics add.
  EXPECT_EQ(Show(Add(X("1", "integer"), X("2", "integer"))), "\"3\"^^xsd:integer");
  EXPECT_EQ(Show(Add(X("1.0", "decimal"), X("2", "integer"))), "\"3\"^^xsd:decimal");
  EXPECT_EQ(Show(Add(S("1"), S("2"))), "error");
  EXPECT_EQ(Show(Add(S("1"), X("2", "integer"))), "error");
  EXPECT_EQ(Show(Add(S("a"), X("1", "integer"))), "error");
  EXPECT_EQ(Show(Add(B("b0"), S("1"))), "error");
  EXPECT_EQ(Show(Add(I("http://example/a"), S("1"))), "error");
  EXPECT_EQ(Show(Add(X("abc", "integer"), X("1", "integer"))), "error");
  // expr-ops/query-add-literals: +1 + -1 + +2.0 + -2.0 + +3e0 + -3e0 = 0.
  EvalResult sum = Add(X("1", "integer"), X("-1", "integer"));
  sum = Add(*sum, X("2.0", "decimal"));
  sum = Add(*sum, X("-2.0", "decimal"));
  sum = Add(*sum, X("3e0", "double"));
  sum = Add(*sum, X("-3e0", "double"));
  EXPECT_EQ(Show(sum), "\"0.0E0\"^^xsd:double");
}

TEST(NumericTest, DecimalArithmeticIsExact) {
  EXPECT_EQ(Show(Add(X("0.1", "decimal"), X("0.2", "decimal"))), "\"0.3\"^^xsd:decimal");
  EXPECT_EQ(Show(Multiply(X("2.5", "decimal"), X("2", "integer"))), "\"5\"^^xsd:decimal");
  EXPECT_EQ(Show(Multiply(X("2.5", "decimal"), X("2", "double"))), "\"5.0E0\"^^xsd:double");
  EXPECT_EQ(Show(Divide(X("1", "integer"), X("8", "integer"))), "\"0.125\"^^xsd:decimal");
  EXPECT_EQ(Show(Divide(X("11.1", "decimal"), X("5", "integer"))), "\"2.22\"^^xsd:decimal");
}

TEST(NumericTest, DivisionByZero) {
  EXPECT_EQ(Show(Divide(X("1", "integer"), X("0", "integer"))), "error");
  EXPECT_EQ(Show(Divide(X("1.5", "decimal"), X("0.0", "decimal"))), "error");
  EXPECT_EQ(Show(Divide(X("1", "double"), X("0", "integer"))), "\"INF\"^^xsd:double");
  EXPECT_EQ(Show(Divide(X("-1", "float"), X("0", "float"))), "\"-INF\"^^xsd:float");
  EXPECT_EQ(Show(Divide(X("0", "double"), X("0", "double"))), "\"NaN\"^^xsd:double");
}

TEST(NumericTest, IntegerOverflowIsAnError) {
  const Value big = X("99999999999999999999999999999999999999", "integer");
  EXPECT_EQ(Show(Multiply(big, big)), "error");
  EXPECT_EQ(Show(Add(X("9223372036854775807", "integer"), X("1", "integer"))),
            "\"9223372036854775808\"^^xsd:integer");
}

TEST(NumericTest, UnaryOperators) {
  // expr-ops/query-unminus-2 and unplus-2.
  EXPECT_EQ(Show(UnaryMinus(X("3", "integer"))), "\"-3\"^^xsd:integer");
  EXPECT_EQ(Show(UnaryMinus(X("3", "decimal"))), "\"-3\"^^xsd:decimal");
  EXPECT_EQ(Show(UnaryMinus(X("3", "float"))), "\"-3.0E0\"^^xsd:float");
  EXPECT_EQ(Show(UnaryMinus(X("3", "double"))), "\"-3.0E0\"^^xsd:double");
  EXPECT_EQ(Show(UnaryPlus(X("3", "decimal"))), "\"3\"^^xsd:decimal");
  EXPECT_EQ(Show(UnaryPlus(X("03", "integer"))), "\"03\"^^xsd:integer");
  EXPECT_EQ(Show(UnaryMinus(S("3"))), "error");
  EXPECT_EQ(Show(UnaryPlus(S("3"))), "error");
}

TEST(NumericTest, AbsCeilFloorRoundKeepTheType) {
  // sparql11/functions abs01, ceil01, floor01, round01.
  EXPECT_EQ(Show(NumericAbs(X("-2", "integer"))), "\"2\"^^xsd:integer");
  EXPECT_EQ(Show(NumericAbs(X("-1.6", "decimal"))), "\"1.6\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericCeil(X("-1", "integer"))), "\"-1\"^^xsd:integer");
  EXPECT_EQ(Show(NumericCeil(X("2.5", "decimal"))), "\"3\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericCeil(X("1.1", "decimal"))), "\"2\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericCeil(X("-1.6", "decimal"))), "\"-1\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericFloor(X("2.5", "decimal"))), "\"2\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericFloor(X("1.1", "decimal"))), "\"1\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericFloor(X("-1.6", "decimal"))), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericRound(X("2.5", "decimal"))), "\"3\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericRound(X("1.1", "decimal"))), "\"1\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericRound(X("-1.6", "decimal"))), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericRound(X("-2.5", "decimal"))), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(Show(NumericRound(X("-2.5", "double"))), "\"-2.0E0\"^^xsd:double");
  EXPECT_EQ(Show(NumericRound(X("2.4999", "double"))), "\"2.0E0\"^^xsd:double");
  EXPECT_EQ(Show(NumericCeil(X("-0.5", "double"))), "\"-0.0E0\"^^xsd:double");
  EXPECT_EQ(Show(NumericRound(X("NaN", "double"))), "\"NaN\"^^xsd:double");
  EXPECT_EQ(Show(NumericAbs(S("1"))), "error");
}

}  // namespace
}  // namespace silk::query::expr
