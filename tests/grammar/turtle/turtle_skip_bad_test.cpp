// Skip mode for Turtle and TriG (ParseOptions::on_bad_statement): a malformed statement is
// reported and left out whole, and parsing goes on after it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/rdf/rdf_parser.h"
#include "grammar/rdf/turtle_parser.h"

namespace silk::rdf {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// "s p o" or "s p o g", with IRIs shortened to what follows http://e/, so that expectations
// read like the data.
std::string Show(const TermView& t) {
  constexpr std::string_view kNs = "http://e/";
  switch (t.kind) {
    case TermKind::kIri:
      return t.value.starts_with(kNs) ? std::string(t.value.substr(kNs.size()))
                                      : "<" + std::string(t.value) + ">";
    case TermKind::kBlank:
      return "_:" + std::string(t.value);
    case TermKind::kLiteral:
      return "\"" + std::string(t.value) + "\"";
    case TermKind::kDefaultGraph:
      break;
  }
  return "";
}

class CollectingSink : public QuadSink {
 public:
  bool Accept(const QuadView& quad) override {
    std::string line = Show(quad.subject) + " " + Show(quad.predicate) + " " + Show(quad.object);
    if (!quad.graph.IsDefaultGraph()) {
      line += " " + Show(quad.graph);
    }
    lines.push_back(std::move(line));
    return true;
  }
  std::vector<std::string> lines;
};

struct Skipped {
  std::vector<std::string> lines;
  std::vector<ParseError> errors;    // as reported, in order
  std::optional<ParseError> result;  // what the parse returned
};

Skipped ParseSkipping(std::string_view text, RdfFormat format = RdfFormat::kTurtle) {
  std::istringstream in{std::string(text)};
  ParseOptions options;
  options.format = format;
  options.source_name = "bad.ttl";
  Skipped skipped;
  options.on_bad_statement = [&](const ParseError& e) { skipped.errors.push_back(e); };
  CollectingSink sink;
  skipped.result = ParseRdf(in, options, sink);
  skipped.lines = std::move(sink.lines);
  return skipped;
}

// Where each reported error was, as "LINE:COLUMN".
std::vector<std::string> Places(const Skipped& skipped) {
  std::vector<std::string> places;
  for (const ParseError& e : skipped.errors) {
    places.push_back(std::to_string(e.line) + ":" + std::to_string(e.column));
  }
  return places;
}

TEST(TurtleSkipBadTest, ABadStatementInTheMiddleIsReportedAndTheRestDelivered) {
  const Skipped s = ParseSkipping(
      "@prefix : <http://e/> .\n"
      ":a :b :c .\n"
      ":d :e :f :g .\n"
      ":h :i :j .\n");
  ASSERT_FALSE(s.result) << s.result->ToString();
  EXPECT_THAT(s.lines, ElementsAre("a b c", "h i j"));
  ASSERT_EQ(s.errors.size(), 1u);
  const ParseError& e = s.errors[0];
  EXPECT_EQ(e.source, "bad.ttl");
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.column, 10u);
  EXPECT_EQ(e.message, "expected '.' after the triple");
  EXPECT_EQ(e.line_text, ":d :e :f :g .");
}

TEST(TurtleSkipBadTest, TriplesOfABadStatementAreNeverDelivered) {
  // Each statement has produced triples before its error shows.
  const Skipped s = ParseSkipping(
      "@prefix : <http://e/> .\n"
      ":a :b :c ; :d \"unterminated .\n"
      ":a :b :c, <bad iri> .\n"
      ":a :b [ :c :d ], ( 1 2 ) ; :e ( 3 ] .\n"
      ":x :y :z .\n");
  ASSERT_FALSE(s.result) << s.result->ToString();
  EXPECT_THAT(s.lines, ElementsAre("x y z"));
  EXPECT_THAT(Places(s), ElementsAre("2:30", "3:15", "4:35"));
  EXPECT_THAT(s.errors[0].message, HasSubstr("expected '\"' to close the string"));
  EXPECT_THAT(s.errors[1].message, HasSubstr("expected '>' to close the IRI"));
  EXPECT_EQ(s.errors[2].message, "expected ')' to close the collection opened at 4:31");
  EXPECT_EQ(s.errors[1].line_text, ":a :b :c, <bad iri> .");
}

TEST(TurtleSkipBadTest, LongStringsCommentsAndIrisDoNotEndTheSkippedStatement) {
  // Each bad statement holds a " . " that is not its end: in a long string across lines, in
  // a comment, in a short string; and "#" in an IRI, which starts no comment.
  const Skipped s = ParseSkipping(
      "@prefix : <http://e/> .\n"
      ":a :b \"\"\"one .\n"
      "two . \\q three\n"
      "four .\"\"\" .\n"
      ":c :d :e .\n"
      ":f :g :h :i # a comment . with dots .\n"
      "  ; :j '''x . ''' .\n"
      ":k \"x . y\" :l .\n"
      ":m , <http://e/x.#y> :o .\n"
      ":p :q :r .\n");
  ASSERT_FALSE(s.result) << s.result->ToString();
  EXPECT_THAT(s.lines, ElementsAre("c d e", "p q r"));
  EXPECT_THAT(Places(s), ElementsAre("3:8", "6:10", "8:4", "9:4"));
  EXPECT_THAT(s.errors[0].message, HasSubstr("expected an escape sequence"));
  EXPECT_EQ(s.errors[0].line_text, "two . \\q three");
}

TEST(TurtleSkipBadTest, DotsInsideNamesAndNumbersDoNotEndTheSkippedStatement) {
  const Skipped s = ParseSkipping(
      "@prefix : <http://e/> .\n"
      ":a :b ) :x.y 1.5 .5 1.e3 :c\\.d .\n"
      ":e :f :g .\n");
  EXPECT_THAT(s.lines, ElementsAre("e f g"));
  EXPECT_THAT(Places(s), ElementsAre("2:7"));
}

TEST(TurtleSkipBadTest, AnUnclosedShortStringEndsWithItsLine) {
  // The classic mistake: the closing quote is missing before the final '.'. The next line is
  // a statement of its own, not the rest of this one.
  const Skipped s = ParseSkipping(
      "<http://e/a> <http://e/b> \"unterminated .\n"
      "<http://e/c> <http://e/d> <http://e/e> .\n");
  EXPECT_THAT(s.lines, ElementsAre("c d e"));
  EXPECT_THAT(Places(s), ElementsAre("1:42"));
}

TEST(TurtleSkipBadTest, SeveralErrorsInOneFile) {
  std::string text = "@prefix : <http://e/> .\n";
  for (int i = 0; i < 100; ++i) {
    const std::string n = std::to_string(i);
    text += ":s" + n + " :p ";
    text += i % 3 == 0 ? "\"bad\\x\"" : ":o" + n;  // every third has a bad escape
    text += " .\n";
  }
  const Skipped s = ParseSkipping(text);
  ASSERT_FALSE(s.result) << s.result->ToString();
  EXPECT_EQ(s.errors.size(), 34u);
  EXPECT_EQ(s.lines.size(), 66u);
  EXPECT_EQ(s.lines.front(), "s1 p o1");
  EXPECT_EQ(s.lines.back(), "s98 p o98");
  EXPECT_EQ(s.errors.back().line, 101u);
}

TEST(TurtleSkipBadTest, AnErrorInTheLastStatementWithoutItsDot) {
  const Skipped s = ParseSkipping(
      "<http://e/a> <http://e/b> <http://e/c> .\n"
      "<http://e/d> <http://e/e> <http://e/f>, <http://e/g>");
  ASSERT_FALSE(s.result) << s.result->ToString();
  EXPECT_THAT(s.lines, ElementsAre("a b c"));
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].message, "expected '.' after the triple");
  EXPECT_EQ(s.errors[0].line, 2u);
  EXPECT_EQ(s.errors[0].column, 53u);

  // An unclosed long string runs to the end of the input: one error, nothing after it.
  const Skipped open = ParseSkipping(
      "<http://e/a> <http://e/b> \"\"\"x .\n"
      "<http://e/c> <http://e/d> <http://e/e> .\n");
  EXPECT_THAT(open.lines, IsEmpty());
  EXPECT_THAT(Places(open), ElementsAre("3:1"));
}

TEST(TurtleSkipBadTest, PrefixesAndBasesBeforeTheErrorStay) {
  const Skipped s = ParseSkipping(
      "@prefix : <http://e/> .\n"
      "@base <http://e/base/> .\n"
      ":a :b :c :d .\n"
      ":a :b <rel> .\n"
      "_:n :p :q .\n"
      ":a :b ( .\n"
      "_:n :r :s .\n");
  EXPECT_THAT(s.lines, ElementsAre("a b base/rel", "_:n p q", "_:n r s"));
  EXPECT_EQ(s.errors.size(), 2u);
}

TEST(TurtleSkipBadTest, ABadDirectiveIsSkippedAndItsPrefixStaysUndeclared) {
  const Skipped s = ParseSkipping(
      "@prefix : <http://e/> .\n"
      "@prefix ex: <http://e/ex/> oops .\n"
      "ex:a :b :c .\n"
      "PREFIX sp: <http://e/sp/ \n"
      "@base <http://e/b/> :x .\n"
      ":d :e <rel> .\n"
      "@prefix : <http://e/new/>\n"
      ":f :g :h .\n"
      ":x :y :z .\n");
  ASSERT_FALSE(s.result) << s.result->ToString();
  // The bad PREFIX takes its line only, the bad @base sets no base (so <rel> has none to
  // resolve against), the last @prefix (no '.') takes the next line along, and ':' keeps its
  // first namespace throughout.
  EXPECT_THAT(s.lines, ElementsAre("x y z"));
  EXPECT_THAT(Places(s), ElementsAre("2:28", "3:1", "4:25", "5:21", "6:7", "8:1"));
  EXPECT_EQ(s.errors[0].message, "expected '.' after the directive");
  EXPECT_EQ(s.errors[1].message, "unknown prefix 'ex:' (declare it with @prefix)");
  EXPECT_THAT(s.errors[4].message, HasSubstr("cannot resolve the relative IRI 'rel'"));
}

TEST(TurtleSkipBadTest, TriGBlockKeepsItsOtherStatements) {
  const Skipped s = ParseSkipping(
      "@prefix : <http://e/> .\n"
      ":g {\n"
      "  :a :b :c .\n"
      "  :d :e \"x\" \"y\" .\n"
      "  :f :g :h ; :i \n"
      "}\n"
      ":j :k :l .\n"
      "{ :m :n :o . ] . :p :q :r }\n",
      RdfFormat::kTriG);
  ASSERT_FALSE(s.result) << s.result->ToString();
  EXPECT_THAT(s.lines, ElementsAre("a b c g", "j k l", "m n o", "p q r"));
  EXPECT_THAT(Places(s), ElementsAre("4:13", "6:1", "8:14"));
  EXPECT_EQ(s.errors[1].message, "expected an object (an IRI, blank node, literal, '[' or '(')");
  EXPECT_EQ(s.errors[2].message, "expected '}' to close the graph opened at 8:1");
}

TEST(TurtleSkipBadTest, TriGBadGraphNameSkipsItsBlock) {
  const Skipped s = ParseSkipping(
      "@prefix : <http://e/> .\n"
      "GRAPH <bad iri> { :a :b :c . :d :e \"}\" }\n"
      ":g { :f :g :h }\n"
      "} :i :j :k .\n"
      ":l { :m :n :o .\n",
      RdfFormat::kTriG);
  EXPECT_THAT(s.lines, ElementsAre("f g h g", "i j k", "m n o l"));
  EXPECT_THAT(Places(s), ElementsAre("2:11", "4:1", "6:1"));
  EXPECT_EQ(s.errors[2].message, "expected '}' to close the graph opened at 5:4");
}

TEST(TurtleSkipBadTest, WithoutSkipModeTheFirstErrorStops) {
  std::istringstream in(
      "<http://e/a> <http://e/b> <http://e/c> .\n"
      "<http://e/d> <http://e/e> <http://e/f>, \"bad .\n"
      "<http://e/g> <http://e/h> <http://e/i> .\n");
  ParseOptions options;
  options.format = RdfFormat::kTurtle;
  CollectingSink sink;
  const std::optional<ParseError> e = ParseRdf(in, options, sink);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->line, 2u);
  // Streaming as before: the bad statement's first triple was already out.
  EXPECT_THAT(sink.lines, ElementsAre("a b c", "d e f"));
}

TEST(TurtleSkipBadTest, AStatementTooLargeToHoldIsPassedOnAndThenCannotBeSkipped) {
  // About 700,000 triples of one subject: more than the skip mode holds back.
  std::string text = "<http://e/s> <http://e/p> <http://e/o0>";
  for (int i = 1; i < 700000; ++i) {
    text += ", <http://e/o" + std::to_string(i) + ">";
  }
  const Skipped good = ParseSkipping(text + " .\n<http://e/a> <http://e/b> <http://e/c> .\n");
  ASSERT_FALSE(good.result) << good.result->ToString();
  EXPECT_THAT(good.errors, IsEmpty());
  EXPECT_EQ(good.lines.size(), 700001u);

  const Skipped bad = ParseSkipping(text + " <http://e/x> .\n");
  ASSERT_TRUE(bad.result);
  EXPECT_THAT(bad.result->message, HasSubstr("expected '.' after the triple (not skipped"));
  EXPECT_THAT(bad.errors, IsEmpty());
}

}  // namespace
}  // namespace silk::rdf
