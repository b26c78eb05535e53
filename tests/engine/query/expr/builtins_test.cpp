// Term, numeric, date/time, hash and miscellaneous built-ins through Call().
#include "engine/query/expr/builtins.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/engine/query/expr/test_values.h"

namespace silk::query::expr {
namespace {

using testing::B;
using testing::I;
using testing::L;
using testing::S;
using testing::Show;
using testing::X;

class BuiltinsTest : public ::testing::Test {
 protected:
  BuiltinsTest() : random_(42) {
    context_.now = *DateTime::ParseDateTime("2024-05-06T07:08:09.5Z");
    context_.base_iri = "http://example.org/";
    context_.random = &random_;
    context_.bnodes = &bnodes_;
  }

  std::string Fn(Builtin b, std::vector<Value> args) { return Show(Call(b, args, context_)); }

  RandomSource random_;
  CountingBnodeFactory bnodes_;
  FunctionContext context_;
};

const std::string kTrue = "\"true\"^^xsd:boolean";
const std::string kFalse = "\"false\"^^xsd:boolean";

TEST_F(BuiltinsTest, Lookup) {
  EXPECT_EQ(LookupBuiltin("strstarts"), Builtin::kStrStarts);
  EXPECT_EQ(LookupBuiltin("URI"), Builtin::kIri);
  EXPECT_EQ(LookupBuiltin("isUri"), Builtin::kIsIri);
  EXPECT_EQ(LookupBuiltin("Encode_For_Uri"), Builtin::kEncodeForUri);
  EXPECT_EQ(LookupBuiltin("sameTerm"), Builtin::kSameTerm);
  EXPECT_FALSE(LookupBuiltin("COALESCE"));
  EXPECT_EQ(InfoOf(Builtin::kSubstr).min_args, 2);
  EXPECT_EQ(InfoOf(Builtin::kSubstr).max_args, 3);
  EXPECT_EQ(InfoOf(Builtin::kRegex).name, "REGEX");
  // Wrong arity is an error, not a crash.
  EXPECT_EQ(Fn(Builtin::kStr, {}), "error");
  EXPECT_EQ(Fn(Builtin::kRand, {S("x")}), "error");
}

TEST_F(BuiltinsTest, StrLangDatatype) {
  EXPECT_EQ(Fn(Builtin::kStr, {I("http://a/")}), "\"http://a/\"");
  EXPECT_EQ(Fn(Builtin::kStr, {L("chat", "fr")}), "\"chat\"");
  EXPECT_EQ(Fn(Builtin::kStr, {X("01", "integer")}), "\"01\"");
  EXPECT_EQ(Fn(Builtin::kStr, {B("b")}), "error");
  EXPECT_EQ(Fn(Builtin::kLang, {L("chat", "fr")}), "\"fr\"");
  EXPECT_EQ(Fn(Builtin::kLang, {S("chat")}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kLang, {I("http://a/")}), "error");
  EXPECT_EQ(Fn(Builtin::kDatatype, {S("a")}), "<http://www.w3.org/2001/XMLSchema#string>");
  EXPECT_EQ(Fn(Builtin::kDatatype, {L("a", "en")}),
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>");
  EXPECT_EQ(Fn(Builtin::kDatatype, {X("abc", "integer")}),
            "<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(Fn(Builtin::kDatatype, {I("http://a/")}), "error");
}

TEST_F(BuiltinsTest, LangMatches) {
  EXPECT_EQ(Fn(Builtin::kLangMatches, {S("en"), S("en")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kLangMatches, {S("en-gb"), S("en")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kLangMatches, {S("EN-GB"), S("en-GB")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kLangMatches, {S("en"), S("en-GB")}), kFalse);
  EXPECT_EQ(Fn(Builtin::kLangMatches, {S("eng"), S("en")}), kFalse);
  EXPECT_EQ(Fn(Builtin::kLangMatches, {S("fr"), S("*")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kLangMatches, {S(""), S("*")}), kFalse);
  EXPECT_EQ(Fn(Builtin::kLangMatches, {S("de-DE"), S("de-de")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kLangMatches, {L("en", "en"), S("en")}), "error");
}

TEST_F(BuiltinsTest, IriAndBnode) {
  // iri01: BASE <http://example.org/> URI("uri"), IRI("iri").
  EXPECT_EQ(Fn(Builtin::kIri, {S("uri")}), "<http://example.org/uri>");
  EXPECT_EQ(Fn(Builtin::kIri, {S("http://other/x")}), "<http://other/x>");
  EXPECT_EQ(Fn(Builtin::kIri, {I("http://a/")}), "<http://a/>");
  EXPECT_EQ(Fn(Builtin::kIri, {L("x", "en")}), "error");
  EXPECT_EQ(Fn(Builtin::kIri, {X("1", "integer")}), "error");

  const std::string first = Fn(Builtin::kBnode, {});
  EXPECT_NE(first, Fn(Builtin::kBnode, {}));
  const std::string a = Fn(Builtin::kBnode, {S("a")});
  EXPECT_EQ(a, Fn(Builtin::kBnode, {S("a")}));  // same solution, same string
  EXPECT_NE(a, Fn(Builtin::kBnode, {S("b")}));
  bnodes_.StartSolution();
  EXPECT_NE(a, Fn(Builtin::kBnode, {S("a")}));  // next solution: a new node
  EXPECT_EQ(Fn(Builtin::kBnode, {X("1", "integer")}), "error");
}

TEST_F(BuiltinsTest, TypeTests) {
  EXPECT_EQ(Fn(Builtin::kIsIri, {I("http://a/")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kIsIri, {S("http://a/")}), kFalse);
  EXPECT_EQ(Fn(Builtin::kIsBlank, {B("b")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kIsLiteral, {L("a", "en")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kIsLiteral, {B("b")}), kFalse);
  EXPECT_EQ(Fn(Builtin::kIsNumeric, {X("1", "integer")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kIsNumeric, {X("1", "unsignedByte")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kIsNumeric, {X("1200", "byte")}), kFalse);
  EXPECT_EQ(Fn(Builtin::kIsNumeric, {X("abc", "decimal")}), kFalse);
  EXPECT_EQ(Fn(Builtin::kIsNumeric, {S("1")}), kFalse);
  EXPECT_EQ(Fn(Builtin::kSameTerm, {S("a"), X("a", "string")}), kTrue);
  EXPECT_EQ(Fn(Builtin::kSameTerm, {X("1", "integer"), X("1.0", "decimal")}), kFalse);
}

TEST_F(BuiltinsTest, StrLangAndStrDt) {
  EXPECT_EQ(Fn(Builtin::kStrLang, {S("bar"), S("en-US")}), "\"bar\"@en-US");
  EXPECT_EQ(Fn(Builtin::kStrLang, {X("abc", "string"), S("en")}), "\"abc\"@en");
  EXPECT_EQ(Fn(Builtin::kStrLang, {L("bar", "en"), S("en-US")}), "error");
  EXPECT_EQ(Fn(Builtin::kStrLang, {X("1", "integer"), S("en")}), "error");
  EXPECT_EQ(Fn(Builtin::kStrLang, {S("bar"), S("")}), "error");
  EXPECT_EQ(Fn(Builtin::kStrLang, {S("bar"), S("not a tag")}), "error");
  const Value xsd_string = I("http://www.w3.org/2001/XMLSchema#string");
  EXPECT_EQ(Fn(Builtin::kStrDt, {S("bar"), xsd_string}), "\"bar\"");
  EXPECT_EQ(Fn(Builtin::kStrDt, {S("123"), I("http://www.w3.org/2001/XMLSchema#integer")}),
            "\"123\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kStrDt, {S("x"), I("http://example/t")}), "\"x\"^^<http://example/t>");
  EXPECT_EQ(Fn(Builtin::kStrDt, {L("bar", "en"), xsd_string}), "error");
  EXPECT_EQ(Fn(Builtin::kStrDt, {X("1", "integer"), xsd_string}), "error");
  EXPECT_EQ(Fn(Builtin::kStrDt, {S("x"), S("http://example/t")}), "error");
  EXPECT_EQ(
      Fn(Builtin::kStrDt, {S("x"), I("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")}),
      "error");
}

TEST_F(BuiltinsTest, DateTimeAccessors) {
  // sparql11/functions year-01 ... tz-01 on data.ttl's :d1 ... :d4.
  const Value d1 = X("2010-06-21T11:28:01Z", "dateTime");
  const Value d2 = X("2010-12-21T15:38:02-08:00", "dateTime");
  const Value d3 = X("2008-06-20T23:59:00Z", "dateTime");
  const Value d4 = X("2011-02-01T01:02:03", "dateTime");
  EXPECT_EQ(Fn(Builtin::kYear, {d1}), "\"2010\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kYear, {d3}), "\"2008\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kMonth, {d2}), "\"12\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kMonth, {d4}), "\"2\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kDay, {d3}), "\"20\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kDay, {d4}), "\"1\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kHours, {d2}), "\"15\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kHours, {d4}), "\"1\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kMinutes, {d3}), "\"59\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kMinutes, {d4}), "\"2\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kSeconds, {d1}), "\"1\"^^xsd:decimal");
  EXPECT_EQ(Fn(Builtin::kSeconds, {d3}), "\"0\"^^xsd:decimal");
  EXPECT_EQ(Fn(Builtin::kSeconds, {X("2011-02-01T01:02:03.250", "dateTime")}),
            "\"3.25\"^^xsd:decimal");
  EXPECT_EQ(Fn(Builtin::kTimezone, {d1}), "\"PT0S\"^^xsd:dayTimeDuration");
  EXPECT_EQ(Fn(Builtin::kTimezone, {d2}), "\"-PT8H\"^^xsd:dayTimeDuration");
  EXPECT_EQ(Fn(Builtin::kTimezone, {X("2011-02-01T01:02:03+05:30", "dateTime")}),
            "\"PT5H30M\"^^xsd:dayTimeDuration");
  EXPECT_EQ(Fn(Builtin::kTimezone, {d4}), "error");
  EXPECT_EQ(Fn(Builtin::kTz, {d1}), "\"Z\"");
  EXPECT_EQ(Fn(Builtin::kTz, {d2}), "\"-08:00\"");
  EXPECT_EQ(Fn(Builtin::kTz, {d4}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kYear, {X("2010-06-21", "date")}), "\"2010\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kHours, {X("2010-06-21", "date")}), "error");
  EXPECT_EQ(Fn(Builtin::kYear, {S("2010-06-21T11:28:01Z")}), "error");
  EXPECT_EQ(Fn(Builtin::kYear, {X("2010-13-21T11:28:01Z", "dateTime")}), "error");
}

TEST_F(BuiltinsTest, NowRandUuid) {
  EXPECT_EQ(Fn(Builtin::kNow, {}), "\"2024-05-06T07:08:09.5Z\"^^xsd:dateTime");
  EXPECT_EQ(Fn(Builtin::kNow, {}), Fn(Builtin::kNow, {}));  // constant within a query
  for (int i = 0; i < 100; ++i) {
    EvalResult r = Call(Builtin::kRand, {}, context_);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->kind(), ValueKind::kDouble);
    EXPECT_GE(r->floating(), 0.0);
    EXPECT_LT(r->floating(), 1.0);
  }
  const std::string uuid = Fn(Builtin::kUuid, {});
  // <urn:uuid:xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx>
  ASSERT_EQ(uuid.size(), 47u) << uuid;
  EXPECT_TRUE(uuid.starts_with("<urn:uuid:"));
  EXPECT_EQ(uuid[24], '4');
  EXPECT_NE(std::string("89ab").find(uuid[29]), std::string::npos) << uuid;
  EXPECT_NE(uuid, Fn(Builtin::kUuid, {}));
  const std::string struuid = Fn(Builtin::kStrUuid, {});
  EXPECT_EQ(struuid.size(), 38u) << struuid;
  EXPECT_EQ(struuid.find_first_not_of("\"0123456789abcdef-"), std::string::npos);
  FunctionContext bare;
  EXPECT_FALSE(Call(Builtin::kRand, {}, bare));
  EXPECT_FALSE(Call(Builtin::kBnode, {}, bare));
}

TEST_F(BuiltinsTest, Hashes) {
  // md5-01 ... sha512-02: "foo", and "食べ物" / "食" for the Unicode variants.
  EXPECT_EQ(Fn(Builtin::kMd5, {S("foo")}), "\"acbd18db4cc2f85cedef654fccc4a4d8\"");
  EXPECT_EQ(Fn(Builtin::kMd5, {S("食べ物")}), "\"e7ada485d13b1decf628c9211bc3a97b\"");
  EXPECT_EQ(Fn(Builtin::kSha1, {S("foo")}), "\"0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33\"");
  EXPECT_EQ(Fn(Builtin::kSha1, {S("食")}), "\"d46696735b6a09ff407bfc1a9407e008840db9c9\"");
  EXPECT_EQ(Fn(Builtin::kSha256, {S("foo")}),
            "\"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\"");
  EXPECT_EQ(Fn(Builtin::kSha256, {S("食")}),
            "\"0fbe868d1df356ca9df7ebff346da3a56280e059a7ea81186ef885b140d254ee\"");
  EXPECT_EQ(Fn(Builtin::kSha384, {S("foo")}),
            "\"98c11ffdfdd540676b1a137cb1a22b2a70350c9a44171d6b1180c6be5cbb2ee3f79d532c8a1dd9ef2e"
            "8e08e752a3babb\"");
  EXPECT_EQ(Fn(Builtin::kSha384, {S("食")}),
            "\"adfda7e9ad8789b391855038d0d74dce3efe3af1eefcea35d50b91d6c244a0c546375445b518c9fb61"
            "e03e6a060bc95d\"");
  EXPECT_EQ(Fn(Builtin::kSha512, {S("foo")}),
            "\"f7fbba6e0636f890e56fbbf3283e524c6fa3204ae298382d624741d0dc6638326e282c41be5e4254d8"
            "820772c5518a2c5a8c0c7f7eda19594a7eb539453e1ed7\"");
  EXPECT_EQ(Fn(Builtin::kSha512, {S("食")}),
            "\"b433ed0e60c818bea72d3aa1a43db89b3ed2b624597407b7912bbb7685f2e45ae5500e092da5f93839"
            "1d282b26bc43e4035b12460c93ab5e2e1a05d582331d85\"");
  EXPECT_EQ(Fn(Builtin::kMd5, {X("foo", "string")}), "\"acbd18db4cc2f85cedef654fccc4a4d8\"");
  EXPECT_EQ(Fn(Builtin::kMd5, {L("foo", "en")}), "error");
  EXPECT_EQ(Fn(Builtin::kSha1, {X("1", "integer")}), "error");
}

TEST_F(BuiltinsTest, NumericFunctionsThroughCall) {
  EXPECT_EQ(Fn(Builtin::kAbs, {X("-2", "integer")}), "\"2\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kCeil, {X("2.5", "decimal")}), "\"3\"^^xsd:decimal");
  EXPECT_EQ(Fn(Builtin::kFloor, {X("-1.6", "decimal")}), "\"-2\"^^xsd:decimal");
  EXPECT_EQ(Fn(Builtin::kRound, {X("2.5", "decimal")}), "\"3\"^^xsd:decimal");
  EXPECT_EQ(Fn(Builtin::kRound, {S("2.5")}), "error");
}

}  // namespace
}  // namespace silk::query::expr
