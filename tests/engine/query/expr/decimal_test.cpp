#include "engine/query/expr/decimal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "engine/query/expr/lexical.h"

namespace silk::query::expr {
namespace {

std::string Dec(std::string_view text) {
  std::optional<Decimal> d = Decimal::Parse(text);
  return d ? d->ToString() : "invalid";
}

Decimal D(std::string_view text) { return *Decimal::Parse(text); }

TEST(DecimalTest, ParsesAndPrintsCanonically) {
  EXPECT_EQ(Dec("1.0"), "1");
  EXPECT_EQ(Dec("+33.3300"), "33.33");
  EXPECT_EQ(Dec("-1.6"), "-1.6");
  EXPECT_EQ(Dec(".5"), "0.5");
  EXPECT_EQ(Dec("5."), "5");
  EXPECT_EQ(Dec("-0.0"), "0");
  EXPECT_EQ(Dec("0.000001"), "0.000001");
  EXPECT_EQ(Dec("123456789012345678901234567890.12345678"),
            "123456789012345678901234567890.12345678");
  EXPECT_EQ(Dec("1.0000000000000000000000000000000000000000000"), "1");
}

TEST(DecimalTest, RejectsInvalidLexicalForms) {
  for (std::string_view bad : {"", "+", ".", "1e3", "1.2.3", "abc", " 1", "1 ", "--1", "0x1",
                               "INF", "NaN"}) {
    EXPECT_EQ(Dec(bad), "invalid") << bad;
  }
  EXPECT_FALSE(Decimal::ParseInteger("1.0"));
  EXPECT_TRUE(Decimal::ParseInteger("-007"));
  // More digits than 128 bits hold.
  EXPECT_EQ(Dec("1234567890123456789012345678901234567890123"), "invalid");
}

TEST(DecimalTest, ExactArithmetic) {
  EXPECT_EQ(D("0.1").Add(D("0.2"))->ToString(), "0.3");
  EXPECT_EQ(D("1.1").Subtract(D("3.3"))->ToString(), "-2.2");
  EXPECT_EQ(D("2.5").Multiply(D("2"))->ToString(), "5");
  EXPECT_EQ(D("-1.5").Multiply(D("0.25"))->ToString(), "-0.375");
  EXPECT_EQ(D("3").Divide(D("3"))->ToString(), "1");
  EXPECT_EQ(D("1").Divide(D("4"))->ToString(), "0.25");
  EXPECT_EQ(D("1").Divide(D("3"))->ToString(), "0.333333333333333333333333");
  EXPECT_EQ(D("-2").Divide(D("3"))->ToString(), "-0.666666666666666666666666");
  EXPECT_EQ(D("10").Divide(D("0.5"))->ToString(), "20");
  EXPECT_EQ(D("11.1").Divide(D("5"))->ToString(), "2.22");
  EXPECT_FALSE(D("1").Divide(D("0")));
  EXPECT_FALSE(D("0").Divide(D("0.0")));
}

TEST(DecimalTest, OverflowIsReportedNotWrapped) {
  const Decimal big = D("99999999999999999999999999999999999999");
  EXPECT_FALSE(big.Add(big));
  EXPECT_FALSE(big.Multiply(D("10")));
  EXPECT_TRUE(big.Subtract(big));
}

TEST(DecimalTest, Rounding) {
  EXPECT_EQ(D("2.5").Ceil().ToString(), "3");
  EXPECT_EQ(D("1.1").Ceil().ToString(), "2");
  EXPECT_EQ(D("-1.6").Ceil().ToString(), "-1");
  EXPECT_EQ(D("2.5").Floor().ToString(), "2");
  EXPECT_EQ(D("-1.6").Floor().ToString(), "-2");
  EXPECT_EQ(D("2.5").Round().ToString(), "3");
  EXPECT_EQ(D("1.1").Round().ToString(), "1");
  EXPECT_EQ(D("-1.6").Round().ToString(), "-2");
  EXPECT_EQ(D("-2.5").Round().ToString(), "-2");  // halves go towards positive infinity
  EXPECT_EQ(D("-1.6").Truncate().ToString(), "-1");
}

TEST(DecimalTest, ComparesByValue) {
  EXPECT_EQ(D("1.0"), D("1"));
  EXPECT_LT(D("-1.6"), D("-1"));
  EXPECT_LT(D("0.999999999999999999"), D("1"));
  EXPECT_GT(D("99999999999999999999999999999999999999"), D("0.00000000000000000000000000001"));
}

TEST(DecimalTest, FromDoubleUsesShortestRepresentation) {
  EXPECT_EQ(Decimal::FromDouble(0.1)->ToString(), "0.1");
  EXPECT_EQ(Decimal::FromDouble(-10200.0)->ToString(), "-10200");
  EXPECT_FALSE(Decimal::FromDouble(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(Decimal::FromDouble(std::nan("")));
  EXPECT_FALSE(Decimal::FromDouble(1e300));
}

TEST(LexicalTest, DoubleCanonicalForms) {
  EXPECT_EQ(FormatXsdDouble(32100), "3.21E4");
  EXPECT_EQ(FormatXsdDouble(0.2), "2.0E-1");
  EXPECT_EQ(FormatXsdDouble(2.5), "2.5E0");
  EXPECT_EQ(FormatXsdDouble(30000), "3.0E4");
  EXPECT_EQ(FormatXsdDouble(0), "0.0E0");
  EXPECT_EQ(FormatXsdDouble(-0.0), "-0.0E0");
  EXPECT_EQ(FormatXsdDouble(std::numeric_limits<double>::infinity()), "INF");
  EXPECT_EQ(FormatXsdDouble(-std::numeric_limits<double>::infinity()), "-INF");
  EXPECT_EQ(FormatXsdDouble(std::nan("")), "NaN");
  EXPECT_EQ(FormatXsdFloat(0.1f), "1.0E-1");
  EXPECT_EQ(FormatXsdDouble(1e300), "1.0E300");
}

TEST(LexicalTest, DoubleLexicalSpace) {
  EXPECT_EQ(*ParseXsdDouble("-10.2E3"), -10200);
  EXPECT_EQ(*ParseXsdDouble("+33.3300"), 33.33);
  EXPECT_EQ(*ParseXsdDouble(".5e1"), 5);
  EXPECT_EQ(*ParseXsdDouble("1e999"), std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(*ParseXsdDouble("NaN")));
  EXPECT_TRUE(ParseXsdDouble("+INF"));
  for (std::string_view bad : {"", "inf", "nan", "1e", "e1", "0x10", "1.2.3", "1,5", " 1"}) {
    EXPECT_FALSE(ParseXsdDouble(bad)) << bad;
  }
}

TEST(LexicalTest, Booleans) {
  EXPECT_EQ(ParseXsdBoolean("1"), true);
  EXPECT_EQ(ParseXsdBoolean("false"), false);
  EXPECT_FALSE(ParseXsdBoolean("TRUE"));
  EXPECT_FALSE(ParseXsdBoolean("yes"));
}

}  // namespace
}  // namespace silk::query::expr
