// String built-ins, with the expected outputs of the W3C sparql11/functions tests.
#include <gtest/gtest.h>

#include <vector>

#include "engine/query/expr/builtins.h"
#include "tests/engine/query/expr/test_values.h"

namespace silk::query::expr {
namespace {

using testing::Fn;
using testing::I;
using testing::L;
using testing::S;
using testing::Show;
using testing::X;

const std::string kFamily = "\U0001F46A";
// One grapheme of seven code points: MAN ZWJ WOMAN ZWJ GIRL ZWJ BOY.
const std::string kFamily7 = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";

TEST(StrlenTest, CountsCodePoints) {
  EXPECT_EQ(Fn(Builtin::kStrlen, {S("foo")}), "\"3\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kStrlen, {S("食べ物")}), "\"3\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kStrlen, {L("bar", "en")}), "\"3\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kStrlen, {S(kFamily)}), "\"1\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kStrlen, {S(kFamily7)}), "\"7\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kStrlen, {S("")}), "\"0\"^^xsd:integer");
  EXPECT_EQ(Fn(Builtin::kStrlen, {X("7", "integer")}), "error");
  EXPECT_EQ(Fn(Builtin::kStrlen, {I("http://x/")}), "error");
}

TEST(SubstrTest, W3cExamples) {
  const Value one = X("1", "integer");
  const Value two = X("2", "integer");
  EXPECT_EQ(Fn(Builtin::kSubstr, {L("bar", "en"), one, one}), "\"b\"@en");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("食べ物"), one, one}), "\"食\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {X("abc", "string"), one, one}), "\"a\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {L("bar", "en"), two}), "\"ar\"@en");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("食べ物"), two}), "\"べ物\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("100%"), two}), "\"00%\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S(kFamily), one, one}), "\"" + kFamily + "\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S(kFamily7), one, one}), "\"\U0001F468\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S(kFamily), two}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S(kFamily7), two}),
            "\"\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466\"");
}

TEST(SubstrTest, XPathEdgeCases) {
  // fn:substring("12345", 1.5, 2.6) = "234"; ("12345", 0, 3) = "12"; (-3, 5) = "1".
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("12345"), X("1.5", "decimal"), X("2.6", "decimal")}),
            "\"234\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("12345"), X("0", "integer"), X("3", "integer")}), "\"12\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("12345"), X("-3", "integer"), X("5", "integer")}),
            "\"1\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("12345"), X("NaN", "double"), X("3", "integer")}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("12345"), X("-INF", "double"), X("INF", "double")}),
            "\"\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("12345"), X("3", "integer"), X("INF", "double")}),
            "\"345\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("12345"), X("9", "integer")}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kSubstr, {S("12345"), S("1")}), "error");
  EXPECT_EQ(Fn(Builtin::kSubstr, {X("12345", "integer"), X("1", "integer")}), "error");
}

TEST(CaseTest, FullUnicodeCaseMapping) {
  EXPECT_EQ(Fn(Builtin::kUcase, {S("foo")}), "\"FOO\"");
  EXPECT_EQ(Fn(Builtin::kUcase, {L("bar", "en")}), "\"BAR\"@en");
  EXPECT_EQ(Fn(Builtin::kUcase, {S("食べ物")}), "\"食べ物\"");
  EXPECT_EQ(Fn(Builtin::kUcase, {S("straße")}), "\"STRASSE\"");
  EXPECT_EQ(Fn(Builtin::kUcase, {S("ı")}), "\"I\"");  // Turkish dotless i
  EXPECT_EQ(Fn(Builtin::kLcase, {S("I")}), "\"i\"");  // language-neutral, not Turkish
  EXPECT_EQ(Fn(Builtin::kLcase, {S("İ")}), "\"i\u0307\"");
  EXPECT_EQ(Fn(Builtin::kUcase, {S("привет")}), "\"ПРИВЕТ\"");
  EXPECT_EQ(Fn(Builtin::kLcase, {S("ПРИВЕТ")}), "\"привет\"");
  EXPECT_EQ(Fn(Builtin::kLcase, {X("DEF", "string")}), "\"def\"");
  EXPECT_EQ(Fn(Builtin::kUcase, {S(kFamily7)}), "\"" + kFamily7 + "\"");
  EXPECT_EQ(Fn(Builtin::kUcase, {X("1", "integer")}), "error");
}

TEST(EncodeForUriTest, W3cExamples) {
  EXPECT_EQ(Fn(Builtin::kEncodeForUri, {S("foo")}), "\"foo\"");
  EXPECT_EQ(Fn(Builtin::kEncodeForUri, {L("bar", "en")}), "\"bar\"");
  EXPECT_EQ(Fn(Builtin::kEncodeForUri, {S("食べ物")}), "\"%E9%A3%9F%E3%81%B9%E7%89%A9\"");
  EXPECT_EQ(Fn(Builtin::kEncodeForUri, {S("100%")}), "\"100%25\"");
  EXPECT_EQ(Fn(Builtin::kEncodeForUri, {S(kFamily)}), "\"%F0%9F%91%AA\"");
  EXPECT_EQ(Fn(Builtin::kEncodeForUri, {S("Los Angeles~_.-/")}), "\"Los%20Angeles~_.-%2F\"");
}

TEST(ConcatTest, LanguageTags) {
  EXPECT_EQ(Fn(Builtin::kConcat, {X("abc", "string"), X("DEF", "string")}), "\"abcDEF\"");
  EXPECT_EQ(Fn(Builtin::kConcat, {L("english", "en"), L("english", "en")}),
            "\"englishenglish\"@en");
  EXPECT_EQ(Fn(Builtin::kConcat, {L("english", "en"), L("français", "fr")}),
            "\"englishfrançais\"");
  EXPECT_EQ(Fn(Builtin::kConcat, {S("123"), L("english", "en")}), "\"123english\"");
  EXPECT_EQ(Fn(Builtin::kConcat, {}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kConcat, {L("x", "en")}), "\"x\"@en");
  EXPECT_EQ(Fn(Builtin::kConcat, {S("a"), X("7", "integer")}), "error");
}

TEST(ContainsStartsEndsTest, ArgumentCompatibility) {
  EXPECT_EQ(Fn(Builtin::kContains, {L("bar", "en"), S("a")}), "\"true\"^^xsd:boolean");
  EXPECT_EQ(Fn(Builtin::kContains, {S("foo"), S("a")}), "\"false\"^^xsd:boolean");
  EXPECT_EQ(Fn(Builtin::kContains, {S("foo"), S("")}), "\"true\"^^xsd:boolean");
  EXPECT_EQ(Fn(Builtin::kContains, {L("abc", "en"), L("b", "en")}), "\"true\"^^xsd:boolean");
  EXPECT_EQ(Fn(Builtin::kContains, {L("abc", "en"), L("b", "fr")}), "error");
  EXPECT_EQ(Fn(Builtin::kContains, {S("abc"), L("b", "en")}), "error");
  EXPECT_EQ(Fn(Builtin::kStrStarts, {S("123"), S("1")}), "\"true\"^^xsd:boolean");
  EXPECT_EQ(Fn(Builtin::kStrStarts, {X("7", "integer"), S("7")}), "error");
  EXPECT_EQ(Fn(Builtin::kStrEnds, {X("abc", "string"), S("bc")}), "\"true\"^^xsd:boolean");
  EXPECT_EQ(Fn(Builtin::kStrEnds, {L("abc", "en"), S("bc")}), "\"true\"^^xsd:boolean");
}

TEST(StrBeforeAfterTest, W3cStrbefore02AndStrafter02) {
  for (const Value& str : {S("abc"), X("abc", "string")}) {
    EXPECT_EQ(Fn(Builtin::kStrBefore, {str, S("b")}), "\"a\"");
    EXPECT_EQ(Fn(Builtin::kStrBefore, {str, S("bc")}), "\"a\"");
    EXPECT_EQ(Fn(Builtin::kStrBefore, {str, L("b", "cy")}), "error");
    EXPECT_EQ(Fn(Builtin::kStrBefore, {str, S("")}), "\"\"");
    EXPECT_EQ(Fn(Builtin::kStrBefore, {str, L("", "en")}), "error");
    EXPECT_EQ(Fn(Builtin::kStrBefore, {str, X("b", "string")}), "\"a\"");
    EXPECT_EQ(Fn(Builtin::kStrBefore, {str, X("xyz", "string")}), "\"\"");
    EXPECT_EQ(Fn(Builtin::kStrAfter, {str, S("b")}), "\"c\"");
    EXPECT_EQ(Fn(Builtin::kStrAfter, {str, S("ab")}), "\"c\"");
    EXPECT_EQ(Fn(Builtin::kStrAfter, {str, L("b", "cy")}), "error");
    EXPECT_EQ(Fn(Builtin::kStrAfter, {str, S("")}), "\"abc\"");
    EXPECT_EQ(Fn(Builtin::kStrAfter, {str, L("", "en")}), "error");
    EXPECT_EQ(Fn(Builtin::kStrAfter, {str, X("xyz", "string")}), "\"\"");
  }
  const Value en = L("abc", "en");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {en, S("b")}), "\"a\"@en");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {en, L("b", "cy")}), "error");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {en, S("")}), "\"\"@en");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {en, L("", "en")}), "\"\"@en");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {en, X("b", "string")}), "\"a\"@en");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {en, X("xyz", "string")}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kStrAfter, {en, S("b")}), "\"c\"@en");
  EXPECT_EQ(Fn(Builtin::kStrAfter, {en, S("")}), "\"abc\"@en");
  EXPECT_EQ(Fn(Builtin::kStrAfter, {en, L("", "en")}), "\"abc\"@en");
  EXPECT_EQ(Fn(Builtin::kStrAfter, {en, X("xyz", "string")}), "\"\"");
}

TEST(StrBeforeAfterTest, W3cStrbefore01a) {
  EXPECT_EQ(Fn(Builtin::kStrBefore, {S("123"), S("s")}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {L("日本語", "ja"), S("s")}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {L("english", "en"), S("s")}), "\"engli\"@en");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {L("français", "fr"), S("s")}), "\"françai\"@fr");
  EXPECT_EQ(Fn(Builtin::kStrBefore, {X("7", "integer"), S("s")}), "error");
  EXPECT_EQ(Fn(Builtin::kStrAfter, {L("english", "en"), S("e")}), "\"nglish\"@en");
  EXPECT_EQ(Fn(Builtin::kStrAfter, {L("français", "fr"), S("e")}), "\"\"");
  EXPECT_EQ(Fn(Builtin::kStrAfter, {X("def", "string"), S("e")}), "\"f\"");
}

TEST(ReplaceTest, W3cExamples) {
  const Value pattern = S("[^a-z0-9]");
  const Value dash = S("-");
  EXPECT_EQ(Fn(Builtin::kReplace, {S("123"), pattern, dash}), "\"123\"");
  EXPECT_EQ(Fn(Builtin::kReplace, {L("日本語", "ja"), pattern, dash}), "\"---\"@ja");
  EXPECT_EQ(Fn(Builtin::kReplace, {L("English", "en"), pattern, dash}), "\"-nglish\"@en");
  EXPECT_EQ(Fn(Builtin::kReplace, {L("Français", "fr"), pattern, dash}), "\"-ran-ais\"@fr");
  EXPECT_EQ(Fn(Builtin::kReplace, {X("7", "integer"), pattern, dash}), "error");
  // replace03: unmatched groups are empty.
  EXPECT_EQ(Fn(Builtin::kReplace, {S("abcd"), S("(ab)|(a)"), S("[1=$1][2=$2]")}),
            "\"[1=ab][2=]cd\"");
  EXPECT_EQ(Fn(Builtin::kReplace, {S("aAbBaC"), S("a"), S("~/"), S("i")}), "\"~/~/bB~/C\"");
  EXPECT_EQ(Fn(Builtin::kReplace, {S("banana"), S("ana"), S("*")}), "\"b*na\"");
}

TEST(ReplaceTest, FlagsEscapesAndErrors) {
  EXPECT_EQ(Fn(Builtin::kReplace, {S("a.b.c"), S("."), S("$"), S("q")}), "\"a$b$c\"");
  EXPECT_EQ(Fn(Builtin::kReplace, {S("a.b"), S("\\."), S("\\$")}), "\"a$b\"");
  EXPECT_EQ(Fn(Builtin::kReplace, {S("abc"), S("x*"), S("-")}), "error");  // matches ""
  EXPECT_EQ(Fn(Builtin::kReplace, {S("abc"), S("("), S("-")}), "error");
  EXPECT_EQ(Fn(Builtin::kReplace, {S("abc"), S("b"), S("$x")}), "error");
  EXPECT_EQ(Fn(Builtin::kReplace, {S("abc"), S("b"), S("-"), S("z")}), "error");
  EXPECT_EQ(Fn(Builtin::kReplace, {S("abc"), L("b", "en"), S("-")}), "error");
}

TEST(RegexTest, MatchesWithFlags) {
  const std::string yes = "\"true\"^^xsd:boolean";
  const std::string no = "\"false\"^^xsd:boolean";
  EXPECT_EQ(Fn(Builtin::kRegex, {S("Alice"), S("^ali")}), no);
  EXPECT_EQ(Fn(Builtin::kRegex, {S("Alice"), S("^ali"), S("i")}), yes);
  EXPECT_EQ(Fn(Builtin::kRegex, {L("Alice", "en"), S("lic")}), yes);
  EXPECT_EQ(Fn(Builtin::kRegex, {S("a\nb"), S("a.b")}), no);
  EXPECT_EQ(Fn(Builtin::kRegex, {S("a\nb"), S("a.b"), S("s")}), yes);
  EXPECT_EQ(Fn(Builtin::kRegex, {S("a\nb"), S("^b$")}), no);
  EXPECT_EQ(Fn(Builtin::kRegex, {S("a\nb"), S("^b$"), S("m")}), yes);
  EXPECT_EQ(Fn(Builtin::kRegex, {S("abc"), S("a b c"), S("x")}), yes);
  EXPECT_EQ(Fn(Builtin::kRegex, {S("a+b"), S("a+b"), S("q")}), yes);
  EXPECT_EQ(Fn(Builtin::kRegex, {S("aab"), S("a+b"), S("q")}), no);
  EXPECT_EQ(Fn(Builtin::kRegex, {S("食べ物"), S("^.べ.$")}), yes);  // dot is a code point
  EXPECT_EQ(Fn(Builtin::kRegex, {S(kFamily), S("^.$")}), yes);
  EXPECT_EQ(Fn(Builtin::kRegex, {I("http://x/"), S("x")}), "error");
  EXPECT_EQ(Fn(Builtin::kRegex, {S("x"), S("[")}), "error");
  EXPECT_EQ(Fn(Builtin::kRegex, {S("x"), S("x"), S("g")}), "error");
}

}  // namespace
}  // namespace silk::query::expr
