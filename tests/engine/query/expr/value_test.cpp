#include "engine/query/expr/value.h"

#include <gtest/gtest.h>

#include "engine/query/expr/datetime.h"
#include "tests/engine/query/expr/test_values.h"

namespace silk::query::expr {
namespace {

using testing::Show;
using testing::X;

TEST(ValueTest, ClassifiesTerms) {
  EXPECT_EQ(Value::FromTerm(rdf::TermView::Iri("http://x/")).kind(), ValueKind::kIri);
  EXPECT_EQ(Value::FromTerm(rdf::TermView::Blank("b1")).kind(), ValueKind::kBlank);
  EXPECT_EQ(Value::FromTerm(rdf::TermView::Literal("a")).kind(), ValueKind::kString);
  EXPECT_EQ(Value::FromTerm(rdf::TermView::Literal("a", rdf::kXsdString)).kind(),
            ValueKind::kString);
  EXPECT_EQ(Value::FromTerm(rdf::TermView::Literal("a", {}, "en")).kind(),
            ValueKind::kLangString);
  EXPECT_EQ(X("1", "integer").kind(), ValueKind::kInteger);
  EXPECT_EQ(X("1.5", "decimal").kind(), ValueKind::kDecimal);
  EXPECT_EQ(X("1.5e0", "double").kind(), ValueKind::kDouble);
  EXPECT_EQ(X("1.5", "float").kind(), ValueKind::kFloat);
  EXPECT_EQ(X("true", "boolean").kind(), ValueKind::kBoolean);
  EXPECT_EQ(X("2010-06-21T11:28:01Z", "dateTime").kind(), ValueKind::kDateTime);
  EXPECT_EQ(X("2010-06-21", "date").kind(), ValueKind::kDate);
  EXPECT_EQ(X("2010-06", "gYearMonth").kind(), ValueKind::kGYearMonth);
  EXPECT_EQ(X("2010", "gYear").kind(), ValueKind::kGYear);
  EXPECT_EQ(Value::TypedLiteral("x", "http://example/dt").kind(), ValueKind::kOtherLiteral);
}

TEST(ValueTest, DerivedIntegerTypesAreNumericWithinTheirRange) {
  EXPECT_TRUE(X("127", "byte").IsNumeric());
  EXPECT_FALSE(X("128", "byte").IsNumeric());
  EXPECT_TRUE(X("0", "nonNegativeInteger").IsNumeric());
  EXPECT_FALSE(X("-1", "nonNegativeInteger").IsNumeric());
  EXPECT_FALSE(X("0", "positiveInteger").IsNumeric());
  EXPECT_TRUE(X("18446744073709551615", "unsignedLong").IsNumeric());
  EXPECT_TRUE(X("-5", "int").IsNumeric());
  EXPECT_FALSE(X("1.0", "int").IsNumeric());
}

TEST(ValueTest, IllTypedLiteralsAreNotNumeric) {
  const Value v = X("abc", "integer");
  EXPECT_EQ(v.kind(), ValueKind::kOtherLiteral);
  EXPECT_FALSE(v.IsNumeric());
  EXPECT_TRUE(v.IsIllTypedNumericOrBoolean());
  EXPECT_EQ(Show(v), "\"abc\"^^xsd:integer");  // the term itself is kept
  EXPECT_FALSE(X("yes", "boolean").kind() == ValueKind::kBoolean);
  EXPECT_FALSE(X("2010-02-30", "date").kind() == ValueKind::kDate);
  EXPECT_EQ(X("10", "gYear").kind(), ValueKind::kOtherLiteral);
  EXPECT_EQ(X("2010-13", "gYearMonth").kind(), ValueKind::kOtherLiteral);
  EXPECT_FALSE(X("1e3", "decimal").IsNumeric());
}

TEST(ValueTest, ComputedValuesAreCanonical) {
  EXPECT_EQ(Show(Value::Integer(-3)), "\"-3\"^^xsd:integer");
  EXPECT_EQ(Show(Value::FromDecimal(*Decimal::Parse("2.50"))), "\"2.5\"^^xsd:decimal");
  EXPECT_EQ(Show(Value::Double(6)), "\"6.0E0\"^^xsd:double");
  EXPECT_EQ(Show(Value::Float(6)), "\"6.0E0\"^^xsd:float");
  EXPECT_EQ(Show(Value::Boolean(true)), "\"true\"^^xsd:boolean");
  EXPECT_EQ(X("  1", "integer").kind(), ValueKind::kOtherLiteral);
  // Input terms keep their lexical form.
  EXPECT_EQ(Show(X("01", "integer")), "\"01\"^^xsd:integer");
}

TEST(DateTimeTest, ParsesAndPrints) {
  EXPECT_EQ(DateTime::ParseDateTime("2010-12-21T15:38:02-08:00")->ToString(),
            "2010-12-21T15:38:02-08:00");
  EXPECT_EQ(DateTime::ParseDateTime("2011-02-01T01:02:03.500")->ToString(),
            "2011-02-01T01:02:03.5");
  EXPECT_EQ(DateTime::ParseDateTime("2002-10-10T17:00:00Z")->ToString(), "2002-10-10T17:00:00Z");
  EXPECT_EQ(DateTime::ParseDateTime("1999-12-31T24:00:00")->ToString(), "2000-01-01T00:00:00");
  EXPECT_EQ(DateTime::ParseDate("-0044-03-15")->ToString(), "-0044-03-15");
  EXPECT_EQ(DateTime::ParseDateTime("2024-02-29T00:00:00+14:00")->TimezoneString(), "+14:00");
  for (std::string_view bad :
       {"2010-06-21", "2010-6-21T11:28:01", "2010-06-21T11:28", "2010-06-21T25:00:00",
        "2010-02-29T00:00:00", "2010-06-21T11:28:01+15:00", "2010-06-21T11:28:01Zjunk",
        "02010-06-21T00:00:00", "2010-06-21T11:28:60"}) {
    EXPECT_FALSE(DateTime::ParseDateTime(bad)) << bad;
  }
}

TEST(DateTimeTest, FromUnixMicros) {
  EXPECT_EQ(DateTime::FromUnixMicros(0).ToString(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(DateTime::FromUnixMicros(1'277'119'681'250'000).ToString(),
            "2010-06-21T11:28:01.25Z");
  EXPECT_EQ(DateTime::FromUnixMicros(-1).ToString(), "1969-12-31T23:59:59.999999Z");
}

TEST(DateTimeTest, PartialOrderWithFloatingValues) {
  auto cmp = [](std::string_view a, std::string_view b) {
    return CompareDateTimes(*DateTime::ParseDateTime(a), *DateTime::ParseDateTime(b));
  };
  EXPECT_EQ(*cmp("2008-10-01T00:00:00Z", "2008-10-03T00:00:00"), std::partial_ordering::less);
  EXPECT_EQ(*cmp("2008-10-03T00:00:00", "2008-10-01T00:00:00Z"), std::partial_ordering::greater);
  EXPECT_FALSE(cmp("2008-10-01T00:00:00Z", "2008-10-01T00:00:00"));
  EXPECT_EQ(*cmp("2008-10-01T00:00:00-05:00", "2008-10-01T05:00:00Z"),
            std::partial_ordering::equivalent);
}

}  // namespace
}  // namespace silk::query::expr
