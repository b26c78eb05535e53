#include "engine/query/expr/cast.h"

#include <gtest/gtest.h>

#include "tests/engine/query/expr/test_values.h"

namespace silk::query::expr {
namespace {

using testing::B;
using testing::I;
using testing::L;
using testing::S;
using testing::Show;
using testing::X;

std::string To(const Value& v, std::string_view local) {
  return Show(Cast(v, std::string(rdf::kXsd) + std::string(local)));
}

// sparql10/cast: the data's simple literals cast to each type; the expected rows are the
// subjects whose cast succeeds.
TEST(CastTest, W3cCastTable) {
  const Value iri = I("http://example.org/z");
  const Value str = S("string");
  const Value fltdbl = S("-10.2E3");
  const Value decimal = S("+33.3300");
  const Value integer = S("13");
  const Value dt = S("2002-10-10T17:00:00Z");
  const Value boolean = S("true");

  EXPECT_EQ(To(iri, "string"), "\"http://example.org/z\"");
  EXPECT_EQ(To(str, "string"), "\"string\"");
  EXPECT_EQ(To(dt, "string"), "\"2002-10-10T17:00:00Z\"");

  EXPECT_EQ(To(boolean, "boolean"), "\"true\"^^xsd:boolean");
  for (const Value& v : {iri, str, fltdbl, decimal, integer, dt}) {
    EXPECT_EQ(To(v, "boolean"), "error") << Show(v);
  }
  EXPECT_EQ(To(dt, "dateTime"), "\"2002-10-10T17:00:00Z\"^^xsd:dateTime");
  for (const Value& v : {iri, str, fltdbl, decimal, integer, boolean}) {
    EXPECT_EQ(To(v, "dateTime"), "error") << Show(v);
  }
  EXPECT_EQ(To(fltdbl, "double"), "\"-1.02E4\"^^xsd:double");
  EXPECT_EQ(To(decimal, "double"), "\"3.333E1\"^^xsd:double");
  EXPECT_EQ(To(integer, "double"), "\"1.3E1\"^^xsd:double");
  EXPECT_EQ(To(fltdbl, "float"), "\"-1.02E4\"^^xsd:float");
  EXPECT_EQ(To(decimal, "float"), "\"3.333E1\"^^xsd:float");
  EXPECT_EQ(To(integer, "float"), "\"1.3E1\"^^xsd:float");
  for (const Value& v : {iri, str, dt, boolean}) {
    EXPECT_EQ(To(v, "double"), "error") << Show(v);
    EXPECT_EQ(To(v, "float"), "error") << Show(v);
  }
  EXPECT_EQ(To(decimal, "decimal"), "\"33.33\"^^xsd:decimal");
  EXPECT_EQ(To(integer, "decimal"), "\"13\"^^xsd:decimal");
  for (const Value& v : {iri, str, fltdbl, dt, boolean}) {
    EXPECT_EQ(To(v, "decimal"), "error") << Show(v);
  }
  EXPECT_EQ(To(integer, "integer"), "\"13\"^^xsd:integer");
  for (const Value& v : {iri, str, fltdbl, decimal, dt, boolean}) {
    EXPECT_EQ(To(v, "integer"), "error") << Show(v);
  }
}

TEST(CastTest, BetweenTypedValues) {
  EXPECT_EQ(To(X("-1.6", "decimal"), "integer"), "\"-1\"^^xsd:integer");
  EXPECT_EQ(To(X("2.9e0", "double"), "integer"), "\"2\"^^xsd:integer");
  EXPECT_EQ(To(X("INF", "double"), "integer"), "error");
  EXPECT_EQ(To(X("NaN", "double"), "decimal"), "error");
  EXPECT_EQ(To(X("0.1e0", "double"), "decimal"), "\"0.1\"^^xsd:decimal");
  EXPECT_EQ(To(X("3", "integer"), "decimal"), "\"3\"^^xsd:decimal");
  EXPECT_EQ(To(X("5", "byte"), "integer"), "\"5\"^^xsd:integer");
  EXPECT_EQ(To(X("0", "integer"), "boolean"), "\"false\"^^xsd:boolean");
  EXPECT_EQ(To(X("NaN", "double"), "boolean"), "\"false\"^^xsd:boolean");
  EXPECT_EQ(To(X("-0.5", "decimal"), "boolean"), "\"true\"^^xsd:boolean");
  EXPECT_EQ(To(X("true", "boolean"), "integer"), "\"1\"^^xsd:integer");
  EXPECT_EQ(To(X("false", "boolean"), "double"), "\"0.0E0\"^^xsd:double");
  EXPECT_EQ(To(X("1", "boolean"), "boolean"), "\"true\"^^xsd:boolean");  // canonical
  EXPECT_EQ(To(X("2010-06-21T11:28:01Z", "dateTime"), "date"), "\"2010-06-21Z\"^^xsd:date");
  EXPECT_EQ(To(X("2010-06-21", "date"), "dateTime"), "\"2010-06-21T00:00:00\"^^xsd:dateTime");
  EXPECT_EQ(To(X("2010-06-21T11:28:01Z", "dateTime"), "integer"), "error");
  EXPECT_EQ(To(X("1", "integer"), "dateTime"), "error");
  EXPECT_EQ(To(X("1.5", "decimal"), "string"), "\"1.5\"");
}

// XPath's casts to xs:string, which the W3C tests (sparql11/cast) follow: the canonical form
// of booleans and numbers, doubles and floats within [1E-6, 1E6) written as decimals.
TEST(CastTest, ToStringGivesTheCanonicalForm) {
  EXPECT_EQ(To(X("01", "integer"), "string"), "\"1\"");
  EXPECT_EQ(To(X("0", "boolean"), "string"), "\"false\"");
  EXPECT_EQ(To(X("1", "boolean"), "string"), "\"true\"");
  EXPECT_EQ(To(X("1.50", "decimal"), "string"), "\"1.5\"");
  EXPECT_EQ(To(X("1E0", "double"), "string"), "\"1\"");
  EXPECT_EQ(To(X("0E1", "double"), "string"), "\"0\"");
  EXPECT_EQ(To(X("-7.875", "float"), "string"), "\"-7.875\"");
  EXPECT_EQ(To(X("0.1", "float"), "string"), "\"0.1\"");
  EXPECT_EQ(To(X("1E6", "double"), "string"), "\"1.0E6\"");
  EXPECT_EQ(To(X("1.5E-7", "double"), "string"), "\"1.5E-7\"");
  EXPECT_EQ(To(X("INF", "double"), "string"), "\"INF\"");
  EXPECT_EQ(To(X("NaN", "float"), "string"), "\"NaN\"");
  EXPECT_EQ(To(X("2010-06-21", "date"), "string"), "\"2010-06-21\"");
}

TEST(CastTest, StringsAreTrimmedAndValidated) {
  EXPECT_EQ(To(S(" 42 "), "integer"), "\"42\"^^xsd:integer");
  EXPECT_EQ(To(S("007"), "integer"), "\"7\"^^xsd:integer");
  EXPECT_EQ(To(X("1", "string"), "integer"), "\"1\"^^xsd:integer");
  EXPECT_EQ(To(S("1"), "boolean"), "\"true\"^^xsd:boolean");
  EXPECT_EQ(To(S("INF"), "double"), "\"INF\"^^xsd:double");
  EXPECT_EQ(To(S("1.0"), "integer"), "error");
  EXPECT_EQ(To(S("2010-06-21"), "date"), "\"2010-06-21\"^^xsd:date");
}

TEST(CastTest, Errors) {
  EXPECT_EQ(To(B("b"), "string"), "error");
  EXPECT_EQ(To(L("1", "en"), "integer"), "error");
  EXPECT_EQ(To(L("1", "en"), "string"), "error");
  EXPECT_EQ(To(X("abc", "integer"), "integer"), "error");
  EXPECT_EQ(To(X("abc", "integer"), "string"), "\"abc\"");
  EXPECT_EQ(To(Value::TypedLiteral("1", "http://example/t"), "integer"), "error");
  EXPECT_EQ(To(S("1"), "gYear"), "error");
  EXPECT_FALSE(IsCastTarget("http://www.w3.org/2001/XMLSchema#gYear"));
  EXPECT_TRUE(IsCastTarget("http://www.w3.org/2001/XMLSchema#date"));
}

}  // namespace
}  // namespace silk::query::expr
