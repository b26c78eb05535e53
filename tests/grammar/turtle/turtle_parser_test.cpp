#include "grammar/rdf/turtle_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <tao/pegtl/contrib/analyze.hpp>
#include <vector>

#include "grammar/rdf/turtle_grammar.h"

namespace silk::rdf {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

// N-Quads-like text of a term, so expectations read like the data.
std::string Show(const Term& t) {
  switch (t.kind) {
    case TermKind::kIri:
      return "<" + t.value + ">";
    case TermKind::kBlank:
      return "_:" + t.value;
    case TermKind::kDefaultGraph:
      return "";
    case TermKind::kLiteral:
      break;
  }
  std::string out = "\"" + t.value + "\"";
  if (!t.language.empty()) {
    out += "@" + t.language;
  } else if (!t.datatype.empty()) {
    out += "^^<" + t.datatype + ">";
  }
  return out;
}

class CollectingSink : public QuadSink {
 public:
  bool Accept(const QuadView& quad) override {
    const Quad q(quad);
    std::string line = Show(q.subject) + " " + Show(q.predicate) + " " + Show(q.object);
    if (!q.graph.view().IsDefaultGraph()) {
      line += " " + Show(q.graph);
    }
    lines.push_back(std::move(line));
    return lines.size() < stop_after;
  }
  std::vector<std::string> lines;
  std::size_t stop_after = static_cast<std::size_t>(-1);
};

struct Result {
  std::vector<std::string> lines;
  std::optional<ParseError> error;
};

Result Parse(std::string_view text, RdfFormat format = RdfFormat::kTurtle,
             std::string base = "http://example.org/dir/doc.ttl") {
  std::istringstream in{std::string(text)};
  ParseOptions options;
  options.format = format;
  options.source_name = "test.ttl";
  options.base_iri = std::move(base);
  CollectingSink sink;
  Result result;
  result.error = ParseTurtle(in, options, sink);
  result.lines = std::move(sink.lines);
  return result;
}

std::vector<std::string> ParseOk(std::string_view text, RdfFormat format = RdfFormat::kTurtle) {
  Result result = Parse(text, format);
  EXPECT_FALSE(result.error.has_value()) << result.error->ToString();
  return result.lines;
}

ParseError ParseFails(std::string_view text, RdfFormat format = RdfFormat::kTurtle) {
  Result result = Parse(text, format);
  EXPECT_TRUE(result.error.has_value()) << "parsed without error:\n" << text;
  return result.error.value_or(ParseError{});
}

TEST(TurtleGrammarTest, HasNoCyclesOrEmptyLoops) {
  EXPECT_EQ(tao::pegtl::analyze<turtle::turtle_document>(-1), 0u);
  EXPECT_EQ(tao::pegtl::analyze<turtle::trig_document>(-1), 0u);
}

TEST(TurtleParserTest, EmptyDocumentsAndComments) {
  EXPECT_TRUE(ParseOk("").empty());
  EXPECT_TRUE(ParseOk("  # only a comment\n\n").empty());
  EXPECT_TRUE(ParseOk("\xEF\xBB\xBF# after a byte order mark").empty());
}

TEST(TurtleParserTest, TripleOfIris) {
  EXPECT_THAT(ParseOk("<http://e/s> <http://e/p> <http://e/o> ."),
              ElementsAre("<http://e/s> <http://e/p> <http://e/o>"));
}

TEST(TurtleParserTest, PrefixesInBothStylesAndTheKeywordA) {
  EXPECT_THAT(ParseOk("@prefix ex: <http://e/> .\n"
                      "prefix : <http://d/>\n"
                      "ex:s a :C .\n"),
              ElementsAre("<http://e/s> <" + std::string(kRdfNs) + "type> <http://d/C>"));
}

TEST(TurtleParserTest, PrefixCanBeRedeclared) {
  EXPECT_THAT(ParseOk("@prefix p: <http://one/> . p:a p:b p:c .\n"
                      "PREFIX p: <http://two/>  p:a p:b p:c ."),
              ElementsAre("<http://one/a> <http://one/b> <http://one/c>",
                          "<http://two/a> <http://two/b> <http://two/c>"));
}

TEST(TurtleParserTest, PredicateListsAndObjectLists) {
  EXPECT_THAT(ParseOk("@prefix : <http://e/> .\n"
                      ":s :p :a, :b ; :q :c ;; ; :r :d ; .\n"),
              ElementsAre("<http://e/s> <http://e/p> <http://e/a>",
                          "<http://e/s> <http://e/p> <http://e/b>",
                          "<http://e/s> <http://e/q> <http://e/c>",
                          "<http://e/s> <http://e/r> <http://e/d>"));
}

TEST(TurtleParserTest, StringsInAllFourQuotings) {
  EXPECT_THAT(ParseOk("<s> <p> \"a\\tb\\u00e9\", 'c\\'d', \"\"\"e\n\"f\"\"g\"\"\", '''h'i''' ."),
              ElementsAre("<http://example.org/dir/s> <http://example.org/dir/p> \"a\tb\xC3\xA9\"",
                          "<http://example.org/dir/s> <http://example.org/dir/p> \"c'd\"",
                          "<http://example.org/dir/s> <http://example.org/dir/p> \"e\n\"f\"\"g\"",
                          "<http://example.org/dir/s> <http://example.org/dir/p> \"h'i\""));
}

TEST(TurtleParserTest, LanguageTagsAndDatatypes) {
  EXPECT_THAT(
      ParseOk("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
              "<http://e/s> <http://e/p> \"chat\"@en-GB, \"1\"^^xsd:int, 'x'^^<http://e/dt> ."),
      ElementsAre("<http://e/s> <http://e/p> \"chat\"@en-GB",
                  "<http://e/s> <http://e/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#int>",
                  "<http://e/s> <http://e/p> \"x\"^^<http://e/dt>"));
}

TEST(TurtleParserTest, NumbersKeepTheirLexicalForm) {
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  EXPECT_THAT(ParseOk("<http://e/s> <http://e/p> 007, -5, +1.50, .5, 1e3, 1.E-2, 2.5e+1, true, "
                      "false ."),
              ElementsAre("<http://e/s> <http://e/p> \"007\"^^<" + xsd + "integer>",
                          "<http://e/s> <http://e/p> \"-5\"^^<" + xsd + "integer>",
                          "<http://e/s> <http://e/p> \"+1.50\"^^<" + xsd + "decimal>",
                          "<http://e/s> <http://e/p> \".5\"^^<" + xsd + "decimal>",
                          "<http://e/s> <http://e/p> \"1e3\"^^<" + xsd + "double>",
                          "<http://e/s> <http://e/p> \"1.E-2\"^^<" + xsd + "double>",
                          "<http://e/s> <http://e/p> \"2.5e+1\"^^<" + xsd + "double>",
                          "<http://e/s> <http://e/p> \"true\"^^<" + xsd + "boolean>",
                          "<http://e/s> <http://e/p> \"false\"^^<" + xsd + "boolean>"));
}

TEST(TurtleParserTest, IntegerBeforeTheFinalDot) {
  EXPECT_THAT(ParseOk("<http://e/s> <http://e/p> 42."),
              ElementsAre("<http://e/s> <http://e/p> \"42\"^^"
                          "<http://www.w3.org/2001/XMLSchema#integer>"));
}

TEST(TurtleParserTest, LocalNamesWithEscapesColonsDotsAndPercent) {
  EXPECT_THAT(ParseOk("@prefix : <http://e/> .\n"
                      ":a\\~b :c:d :e.f%20g .\n"
                      ":s :p :o.\n"),
              ElementsAre("<http://e/a~b> <http://e/c:d> <http://e/e.f%20g>",
                          "<http://e/s> <http://e/p> <http://e/o>"));
}

TEST(TurtleParserTest, RelativeIrisResolveAgainstTheChangingBase) {
  EXPECT_THAT(ParseOk("<a> <b> <../c> .\n"
                      "@base <http://other/x/y> .\n"
                      "<#f> <?q> <> .\n"
                      "BASE <z/>\n"
                      "@prefix r: <rel#> .\n"
                      "<w> r:p <http://abs/./kept> .\n"),
              ElementsAre("<http://example.org/dir/a> <http://example.org/dir/b> "
                          "<http://example.org/c>",
                          "<http://other/x/y#f> <http://other/x/y?q> <http://other/x/y>",
                          "<http://other/x/z/w> <http://other/x/z/rel#p> <http://abs/./kept>"));
}

TEST(TurtleParserTest, ARelativeIriWithoutABaseIsAnErrorNotStoredAsWritten) {
  const Result no_base = Parse("<http://e/s> <http://e/p> <#o> .\n", RdfFormat::kTurtle, "");
  ASSERT_TRUE(no_base.error.has_value());
  EXPECT_THAT(no_base.error->message, HasSubstr("cannot resolve the relative IRI '#o'"));
  EXPECT_EQ(no_base.error->line, 1u);
  EXPECT_TRUE(no_base.lines.empty());
  // A relative @base has nothing to resolve against either; an absolute one is enough.
  EXPECT_TRUE(Parse("@base <dir/> .\n", RdfFormat::kTurtle, "").error.has_value());
  const Result declared =
      Parse("@base <http://b/dir/> .\n<s> <p> <> .\n", RdfFormat::kTurtle, "");
  ASSERT_FALSE(declared.error.has_value()) << declared.error->message;
  EXPECT_THAT(declared.lines,
              ElementsAre("<http://b/dir/s> <http://b/dir/p> <http://b/dir/>"));
}

TEST(TurtleParserTest, EscapesInIris) {
  EXPECT_THAT(ParseOk("<http://e/\\u0053> <http://e/\\U00000050> <http://e/%41> ."),
              ElementsAre("<http://e/S> <http://e/P> <http://e/%41>"));
}

TEST(TurtleParserTest, BlankNodes) {
  EXPECT_THAT(ParseOk("@prefix : <http://e/> .\n"
                      "_:x :p [] .\n"
                      "[] :p _:x .\n"
                      "[ :q :o ] .\n"
                      "[ :q :o ] :p [ :r [ :t :u ] ] .\n"),
              ElementsAre("_:x <http://e/p> _:-b1", "_:-b2 <http://e/p> _:x",
                          "_:-b3 <http://e/q> <http://e/o>", "_:-b4 <http://e/q> <http://e/o>",
                          "_:-b6 <http://e/t> <http://e/u>", "_:-b5 <http://e/r> _:-b6",
                          "_:-b4 <http://e/p> _:-b5"));
}

TEST(TurtleParserTest, CollectionsBecomeRdfLists) {
  const std::string first = "<" + std::string(kRdfNs) + "first>";
  const std::string rest = "<" + std::string(kRdfNs) + "rest>";
  const std::string nil = "<" + std::string(kRdfNs) + "nil>";
  EXPECT_THAT(ParseOk("@prefix : <http://e/> .\n"
                      ":s :p () .\n"
                      ":s :p (:a (:b) 1) .\n"
                      "(:c) :p :o .\n"),
              ElementsAre("<http://e/s> <http://e/p> " + nil,
                          // (:a (:b) 1)
                          "_:-b1 " + first + " <http://e/a>", "_:-b2 " + first + " <http://e/b>",
                          "_:-b2 " + rest + " " + nil, "_:-b1 " + rest + " _:-b3",
                          "_:-b3 " + first + " _:-b2", "_:-b3 " + rest + " _:-b4",
                          "_:-b4 " + first + " \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                          "_:-b4 " + rest + " " + nil, "<http://e/s> <http://e/p> _:-b1",
                          // (:c) as subject
                          "_:-b5 " + first + " <http://e/c>", "_:-b5 " + rest + " " + nil,
                          "_:-b5 <http://e/p> <http://e/o>"));
}

TEST(TurtleParserTest, GeneratedLabelsCannotClashWithWrittenOnes) {
  EXPECT_THAT(ParseOk("_:b1 <http://e/p> [] ."), ElementsAre("_:b1 <http://e/p> _:-b1"));
  // A written label cannot start with '-', so no document can name a generated node.
  EXPECT_THAT(ParseFails("_:-b1 <http://e/p> [] .").message,
              HasSubstr("expected a triple or a directive"));
}

TEST(TurtleParserTest, CommentsBetweenAnyTokens) {
  EXPECT_THAT(ParseOk("@prefix p: <http://e/> . # c\n"
                      "p:s#c\n"
                      "p:#c\n"
                      "[#c\n p:q#c\n \"x\"#c\n ]#c\n"
                      ".#c"),
              ElementsAre("_:-b1 <http://e/q> \"x\"", "<http://e/s> <http://e/> _:-b1"));
}

TEST(TurtleParserTest, TriGGraphBlocks) {
  EXPECT_THAT(
      ParseOk("@prefix : <http://e/> .\n"
              ":s :p :o .\n"
              "{ :a :b :c }\n"
              ":g { :a :b :c . :d :e :f . }\n"
              "GRAPH :h { :a :b [ :x :y ] }\n"
              "graph _:g { :a :b :c }\n"
              "[] { :a :b :c }\n"
              "[ :p :o ] :q :r .\n"
              "(:l) :p :o .\n"
              "{}\n",
              RdfFormat::kTriG),
      ElementsAre("<http://e/s> <http://e/p> <http://e/o>",
                  "<http://e/a> <http://e/b> <http://e/c>",
                  "<http://e/a> <http://e/b> <http://e/c> <http://e/g>",
                  "<http://e/d> <http://e/e> <http://e/f> <http://e/g>",
                  "_:-b1 <http://e/x> <http://e/y> <http://e/h>",
                  "<http://e/a> <http://e/b> _:-b1 <http://e/h>",
                  "<http://e/a> <http://e/b> <http://e/c> _:g",
                  "<http://e/a> <http://e/b> <http://e/c> _:-b2", "_:-b3 <http://e/p> <http://e/o>",
                  "_:-b3 <http://e/q> <http://e/r>",
                  "_:-b4 <" + std::string(kRdfNs) + "first> <http://e/l>",
                  "_:-b4 <" + std::string(kRdfNs) + "rest> <" + std::string(kRdfNs) + "nil>",
                  "_:-b4 <http://e/p> <http://e/o>"));
}

// Back in the default graph after a named graph block, a quad's graph is the default graph
// whole: no IRI of the graph before is left in the term.
TEST(TurtleParserTest, DefaultGraphBlocksAfterNamedOnes) {
  struct GraphSink : QuadSink {
    bool Accept(const QuadView& quad) override {
      graphs.emplace_back(quad.graph);
      return true;
    }
    std::vector<Term> graphs;
  } sink;
  std::istringstream in("@prefix : <http://e/> .\n{ :a :b :c }\n:G { :a :b :d }\n{ :a :b :e }\n"
                        "_:g { :a :b :f }\n:a :b :h .\n");
  ParseOptions options;
  options.format = RdfFormat::kTriG;
  ASSERT_FALSE(ParseTurtle(in, options, sink).has_value());
  ASSERT_EQ(sink.graphs.size(), 5u);
  for (const std::size_t i : {0u, 2u, 4u}) EXPECT_EQ(sink.graphs[i], Term()) << i;
}

// '@prefix' and '@base' need no space before what follows: no name begins with '@'.
TEST(TurtleParserTest, DirectivesWithoutSpaces) {
  for (const RdfFormat format : {RdfFormat::kTurtle, RdfFormat::kTriG}) {
    EXPECT_THAT(ParseOk("@prefix:<http://a.example/>.@prefix p:<http://p/>.@base<http://b/>."
                        ":s p:p<o>.",
                        format),
                ElementsAre("<http://a.example/s> <http://p/p> <http://b/o>"));
  }
  // The SPARQL-style keywords still need one: "PREFIX:" is a prefixed name.
  ParseFails("PREFIX:<http://a.example/>", RdfFormat::kTurtle);
}

TEST(TurtleParserTest, SinkCanStopTheParse) {
  std::istringstream in("<http://e/s> <http://e/p> 1, 2, 3 .");
  ParseOptions options;
  options.format = RdfFormat::kTurtle;
  CollectingSink sink;
  sink.stop_after = 2;
  EXPECT_FALSE(ParseTurtle(in, options, sink).has_value());
  EXPECT_EQ(sink.lines.size(), 2u);
}

// ---- Errors: where, and what, in words.

TEST(TurtleParserErrorTest, MissingDotPointsAtTheNextToken) {
  const ParseError e = ParseFails(
      "<http://e/s> <http://e/p> <http://e/o>\n"
      "  <http://e/t> <http://e/p> <http://e/o> .\n");
  EXPECT_EQ(e.message, "expected '.' after the triple");
  EXPECT_EQ(e.source, "test.ttl");
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 3u);
  EXPECT_EQ(e.line_text, "  <http://e/t> <http://e/p> <http://e/o> .");
  EXPECT_EQ(e.ToString(),
            "test.ttl:2:3: expected '.' after the triple\n"
            "    <http://e/t> <http://e/p> <http://e/o> .\n"
            "    ^");
}

TEST(TurtleParserErrorTest, UnknownPrefix) {
  const ParseError e = ParseFails("@prefix ex: <http://e/> .\nex:s exx:p ex:o .");
  EXPECT_EQ(e.message, "unknown prefix 'exx:' (declare it with @prefix)");
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 6u);
  EXPECT_EQ(e.line_text, "ex:s exx:p ex:o .");
}

TEST(TurtleParserErrorTest, UnclosedBlankNodeSaysWhereItOpened) {
  const ParseError e = ParseFails(
      "@prefix : <http://e/> .\n"
      "\n"
      ":s :p [ :q :o ;\n"
      "  :r :o2 .\n");
  EXPECT_EQ(e.message, "expected ']' to close the blank node opened at 3:7");
  EXPECT_EQ(e.line, 4u);
  EXPECT_EQ(e.column, 10u);
}

TEST(TurtleParserErrorTest, UnclosedCollectionAndLongString) {
  EXPECT_EQ(ParseFails("<http://e/s> <http://e/p> (1 2 .").message,
            "expected ')' to close the collection opened at 1:27");
  const ParseError e = ParseFails("<http://e/s> <http://e/p> \"\"\"one\ntwo .\n");
  EXPECT_EQ(e.message, "expected '\"\"\"' to close the string opened at 1:27");
  EXPECT_EQ(e.line, 3u);
}

TEST(TurtleParserErrorTest, MessagesForCommonMistakes) {
  struct Case {
    std::string_view text;
    std::string_view message;
  };
  const Case kCases[] = {
      {"<http://e/a b> <http://e/p> <http://e/o> .", "expected '>' to close the IRI"},
      {"<http://e/\\u0020> <http://e/p> <http://e/o> .", "stands for a character that IRIs"},
      {"<http://e/\\n> <http://e/p> <http://e/o> .", "expected \\uXXXX or \\UXXXXXXXX"},
      {R"(<http://e/s> <http://e/p> "a\qb" .)", "expected an escape sequence"},
      {R"(<http://e/s> <http://e/p> "\ud800" .)", "names no character"},
      {"<http://e/s> <http://e/p> \"ab\n\" .", "expected '\"' to close the string"},
      {"<http://e/s> <http://e/p> \"ab\"@ .", "expected a language tag"},
      {"<http://e/s> <http://e/p> \"ab\"^^ .", "expected a datatype IRI after '^^'"},
      {"<http://e/s> <http://e/p> .", "expected an object"},
      {"<http://e/s> <http://e/p> 1, .", "expected an object after ','"},
      {"<http://e/s> .", "expected a predicate"},
      {"<http://e/s> \"lit\" <http://e/o> .", "expected a predicate"},
      {"\"lit\" <http://e/p> <http://e/o> .", "expected a triple or a directive"},
      {"@prefix ex <http://e/> .", "expected a prefix name ending in ':'"},
      {"@prefix ex: .", "expected the prefix's IRI"},
      {"@prefix ex: <http://e/>", "expected '.' after the directive"},
      {"@base .", "expected the base IRI"},
      {"PREFIX ex: <http://e/> .", "expected a triple or a directive"},
      {"@prefix : <http://e/> . :a%2 :p :o .", "expected two hexadecimal digits"},
      {"@prefix : <http://e/> . :a\\u0039 :p :o .", "after '\\' in a local name"},
      {"[] .", "expected a predicate"},
      {"[ <http://e/p> ] .", "expected an object"},
      {"<http://e/s> <http://e/p> [ .", "expected a predicate or ']' after '['"},
      {"{ <http://e/s> <http://e/p> <http://e/o> }", "expected a triple or a directive"},
  };
  for (const Case& c : kCases) {
    const ParseError e = ParseFails(c.text);
    EXPECT_THAT(e.message, HasSubstr(c.message)) << c.text;
    // Never a C++ type name or PEGTL's own wording.
    EXPECT_THAT(e.message, ::testing::Not(HasSubstr("::"))) << c.text;
    EXPECT_EQ(e.line, 1u) << c.text;
  }
}

TEST(TurtleParserErrorTest, NestingIsLimitedBeforeTheStackRunsOut) {
  std::string deep = "<http://e/s> <http://e/p> ";
  for (int i = 0; i < 1000; ++i) {
    deep += i % 2 == 0 ? "( " : "[ <http://e/p> ";
  }
  EXPECT_EQ(ParseFails(deep + "(").message, "blank nodes and collections nest more than 1000 deep");
  deep += "<http://e/o> ";
  for (int i = 999; i >= 0; --i) {
    deep += i % 2 == 0 ? ")" : "]";
  }
  // s p (…): one triple; each of the 500 lists: rdf:first and rdf:rest; each of the 500
  // blank nodes: its one property.
  EXPECT_EQ(ParseOk(deep + " .").size(), 1u + 500u * 2 + 500u);
}

TEST(TurtleParserErrorTest, TriGMessages) {
  EXPECT_EQ(
      ParseFails("GRAPH <http://e/g> <http://e/s> <http://e/p> <http://e/o> .", RdfFormat::kTriG)
          .message,
      "expected '{' after the graph name");
  EXPECT_EQ(
      ParseFails("<http://e/g> { <http://e/s> <http://e/p> <http://e/o> .\n", RdfFormat::kTriG)
          .message,
      "expected '}' to close the graph opened at 1:14");
  EXPECT_EQ(ParseFails("GRAPH [ <http://e/p> <http://e/o> ] { }", RdfFormat::kTriG).message,
            "expected ']': a graph name cannot have properties");
  EXPECT_EQ(ParseFails("<http://e/g> . ", RdfFormat::kTriG).message,
            "expected '{' or a predicate after the subject");
  EXPECT_EQ(ParseFails("{ @prefix : <http://e/> . }", RdfFormat::kTriG).message,
            "expected '}' to close the graph opened at 1:1");
}

// ---- Streaming: the input is generated as it is read, so nothing holds it all.

// A read-only stream buffer that asks `next` for each piece of text until it returns false.
class GeneratedBuffer : public std::streambuf {
 public:
  explicit GeneratedBuffer(std::function<bool(std::string&)> next) : next_(std::move(next)) {}

 protected:
  int_type underflow() override {
    chunk_.clear();
    if (!next_(chunk_)) {
      return traits_type::eof();
    }
    setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
    return traits_type::to_int_type(chunk_[0]);
  }

 private:
  std::function<bool(std::string&)> next_;
  std::string chunk_;
};

class CountingSink : public QuadSink {
 public:
  bool Accept(const QuadView&) override {
    ++count;
    return true;
  }
  std::size_t count = 0;
};

// One TriG graph block and one object list, each longer than the parser's 64 MiB buffer:
// this parses only if text is dropped inside statements, not just between them.
TEST(TurtleParserStreamingTest, StatementsLongerThanTheBufferParse) {
  constexpr std::size_t kTarget = std::size_t{70} << 20;
  std::size_t produced = 0;
  int part = 0;  // 0: open graph, 1: triples, 2: switch to object list, 3: objects, 4: close
  std::size_t n = 0;
  GeneratedBuffer buffer([&](std::string& out) {
    switch (part) {
      case 0:
        out = "@prefix : <http://example.org/> .\nGRAPH :g {\n";
        part = 1;
        return true;
      case 1:
      case 3:
        for (int i = 0; i < 1000; ++i, ++n) {
          out += part == 1
                     ? ":s" + std::to_string(n) + " :p \"value " + std::to_string(n) + "\" .\n"
                     : ",\n  :o" + std::to_string(n);
        }
        produced += out.size();
        if (produced > kTarget) {
          ++part;
          produced = 0;
        }
        return true;
      case 2:
        out = "}\n:s :p :o0";
        part = 3;
        return true;
      case 4:
        out = " .\n";
        part = 5;
        return true;
      default:
        return false;
    }
  });
  std::istream in(&buffer);
  ParseOptions options;
  options.format = RdfFormat::kTriG;
  CountingSink sink;
  const auto error = ParseTurtle(in, options, sink);
  ASSERT_FALSE(error.has_value()) << error->ToString();
  EXPECT_EQ(sink.count, n + 1);
}

TEST(TurtleParserStreamingTest, ErrorFarIntoTheInputStillShowsItsLine) {
  std::string text;
  for (int i = 0; i < 100000; ++i) {
    text += "<http://e/s> <http://e/p> \"" + std::to_string(i) + "\" .\n";
  }
  text += "<http://e/s> <http://e/p> \"x\" ;\n  ,\n";
  const ParseError e = ParseFails(text);
  EXPECT_EQ(e.line, 100002u);
  EXPECT_EQ(e.column, 3u);
  EXPECT_EQ(e.line_text, "  ,");
  EXPECT_EQ(e.message, "expected '.' after the triple");
}

}  // namespace
}  // namespace silk::rdf
