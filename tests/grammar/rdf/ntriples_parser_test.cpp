#include "grammar/rdf/ntriples_parser.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <tao/pegtl/contrib/analyze.hpp>
#include <vector>

#include "grammar/rdf/ntriples_grammar.h"

namespace silk::rdf {
namespace {

constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";

class CollectSink : public QuadSink {
 public:
  explicit CollectSink(std::size_t stop_after = SIZE_MAX) : stop_after_(stop_after) {}
  bool Accept(const QuadView& quad) override {
    quads.emplace_back(quad);
    return quads.size() < stop_after_;
  }
  std::vector<Quad> quads;

 private:
  std::size_t stop_after_;
};

struct Parsed {
  std::vector<Quad> quads;
  std::optional<ParseError> error;
};

Parsed Parse(std::string_view text, RdfFormat format = RdfFormat::kNTriples) {
  std::istringstream in{std::string(text)};
  ParseOptions options;
  options.format = format;
  options.source_name = "test.nt";
  CollectSink sink;
  Parsed parsed;
  parsed.error = ParseNTriples(in, options, sink);
  parsed.quads = std::move(sink.quads);
  return parsed;
}

// The single statement `text` holds; fails the test on an error or another count.
Quad ParseOne(std::string_view text, RdfFormat format = RdfFormat::kNTriples) {
  Parsed parsed = Parse(text, format);
  EXPECT_FALSE(parsed.error) << parsed.error->ToString();
  EXPECT_EQ(parsed.quads.size(), 1u) << text;
  return parsed.quads.empty() ? Quad() : parsed.quads.front();
}

// The object of the single statement "<http://s> <http://p> OBJECT ."
Term Object(std::string_view object_text) {
  return ParseOne("<http://s> <http://p> " + std::string(object_text) + " .\n").object;
}

Term T(TermView view) { return Term(view); }

// ---- Grammar --------------------------------------------------------------------------------

TEST(NTriplesGrammarTest, AnalyzeFindsNoProblems) {
  EXPECT_EQ(tao::pegtl::analyze<nt::line<false>>(-1), 0u);
  EXPECT_EQ(tao::pegtl::analyze<nt::line<true>>(-1), 0u);
}

// ---- Terms ----------------------------------------------------------------------------------

TEST(NTriplesParserTest, IriTriple) {
  const Quad q = ParseOne("<http://example.org/s> <http://example.org/p> <http://example.org/o> .");
  EXPECT_EQ(q.subject, T(TermView::Iri("http://example.org/s")));
  EXPECT_EQ(q.predicate, T(TermView::Iri("http://example.org/p")));
  EXPECT_EQ(q.object, T(TermView::Iri("http://example.org/o")));
  EXPECT_TRUE(q.graph.view().IsDefaultGraph());
}

TEST(NTriplesParserTest, IriWithEveryAllowedPunctuation) {
  const std::string iri = "scheme:!$%25&'()*+,-./0123456789:/@ABCXYZ_abcxyz~?#[]=;";
  EXPECT_EQ(Object("<" + iri + ">"), T(TermView::Iri(iri)));
}

TEST(NTriplesParserTest, IriEscapes) {
  EXPECT_EQ(Object("<http://example/\\u0053>"), T(TermView::Iri("http://example/S")));
  EXPECT_EQ(Object("<http://example/\\U00000053>"), T(TermView::Iri("http://example/S")));
  EXPECT_EQ(Object("<http://example/\\u00e4>"), T(TermView::Iri("http://example/ä")));
  // Even the scheme may be escaped: the check runs on the decoded IRI.
  EXPECT_EQ(Object("<\\u0068ttp://x>"), T(TermView::Iri("http://x")));
  EXPECT_EQ(Object("<urn:isbn:0451450523>"), T(TermView::Iri("urn:isbn:0451450523")));
  EXPECT_EQ(Object("<http://example/ä/ı/ş/д/😀>"), T(TermView::Iri("http://example/ä/ı/ş/д/😀")));
}

TEST(NTriplesParserTest, PlainLiterals) {
  EXPECT_EQ(Object("\"hello\""), T(TermView::Literal("hello")));
  EXPECT_EQ(Object("\"\""), T(TermView::Literal("")));
  EXPECT_EQ(Object("\"a 'quoted' # not a comment <x>\""),
            T(TermView::Literal("a 'quoted' # not a comment <x>")));
}

TEST(NTriplesParserTest, TypedLiterals) {
  EXPECT_EQ(Object("\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
            T(TermView::Literal("1", kXsdInteger)));
  // An explicit xsd:string is kept as written; Canonical() folds it.
  const Term s = Object("\"x\"^^<http://www.w3.org/2001/XMLSchema#string>");
  EXPECT_EQ(s, T(TermView::Literal("x", kXsdString)));
  EXPECT_EQ(s.view().Canonical(), TermView::Literal("x"));
  // White space may separate the tokens of a literal.
  EXPECT_EQ(Object("\"1\" ^^ <http://www.w3.org/2001/XMLSchema#integer>"),
            T(TermView::Literal("1", kXsdInteger)));
  EXPECT_EQ(Object("\"1\"^^<http://e/dt\\u0031>"), T(TermView::Literal("1", "http://e/dt1")));
}

TEST(NTriplesParserTest, LanguageTags) {
  EXPECT_EQ(Object("\"chat\"@fr"), T(TermView::Literal("chat", {}, "fr")));
  EXPECT_EQ(Object("\"Cheers\"@en-UK"), T(TermView::Literal("Cheers", {}, "en-UK")));
  EXPECT_EQ(Object("\"x\"@de-CH-1996"), T(TermView::Literal("x", {}, "de-CH-1996")));
  EXPECT_EQ(Object("\"x\"@zh-Hant-TW"), T(TermView::Literal("x", {}, "zh-Hant-TW")));
  EXPECT_EQ(Object("\"x\" @en"), T(TermView::Literal("x", {}, "en")));
}

TEST(NTriplesParserTest, StringEscapes) {
  EXPECT_EQ(Object(R"("\t\b\n\r\f\"\'\\")"), T(TermView::Literal("\t\b\n\r\f\"'\\")));
  EXPECT_EQ(Object(R"("\u00E4\u00e4")"), T(TermView::Literal("ää")));
  EXPECT_EQ(Object(R"("\u0000")"), T(TermView::Literal(std::string_view("\0", 1))));
  EXPECT_EQ(Object(R"("\U0001F600")"), T(TermView::Literal("😀")));
  EXPECT_EQ(Object(R"("\U0010FFFF")"), T(TermView::Literal("\xF4\x8F\xBF\xBF")));
  EXPECT_EQ(Object(R"("a\\nb")"), T(TermView::Literal("a\\nb")));
}

TEST(NTriplesParserTest, UnicodeText) {
  EXPECT_EQ(Object("\"Größe für Äpfel\"@de"), T(TermView::Literal("Größe für Äpfel", {}, "de")));
  EXPECT_EQ(Object("\"Işık, şeker, ığdır\"@tr"),
            T(TermView::Literal("Işık, şeker, ığdır", {}, "tr")));
  EXPECT_EQ(Object("\"Москва — столица\"@ru"), T(TermView::Literal("Москва — столица", {}, "ru")));
  EXPECT_EQ(Object("\"서울 😀\"@ko"), T(TermView::Literal("서울 😀", {}, "ko")));
  // Raw control characters other than CR and LF are allowed inside strings.
  EXPECT_EQ(Object("\"a\tb\x01\""), T(TermView::Literal("a\tb\x01")));
}

TEST(NTriplesParserTest, BlankNodes) {
  const Quad q = ParseOne("_:a <http://p> _:b1 .");
  EXPECT_EQ(q.subject, T(TermView::Blank("a")));
  EXPECT_EQ(q.object, T(TermView::Blank("b1")));
  EXPECT_EQ(Object("_:1a"), T(TermView::Blank("1a")));
  EXPECT_EQ(Object("_:_x"), T(TermView::Blank("_x")));
  EXPECT_EQ(Object("_:a.b-c_d"), T(TermView::Blank("a.b-c_d")));
  EXPECT_EQ(Object("_:a..b"), T(TermView::Blank("a..b")));
  EXPECT_EQ(Object("_:äöü·"), T(TermView::Blank("äöü·")));
  // A trailing dot ends the statement, not the label.
  EXPECT_EQ(ParseOne("_:s <http://p> _:o.").object, T(TermView::Blank("o")));
}

// ---- Layout ---------------------------------------------------------------------------------

TEST(NTriplesParserTest, CommentsBlankLinesAndWhitespace) {
  const Parsed parsed = Parse(
      "# a comment\n"
      "\n"
      "   \t  \n"
      "  # indented comment\n"
      "<http://s> <http://p> \"o\" . # trailing comment\n"
      "\t<http://s>\t<http://p>\t<http://o>\t.\t\n"
      "<http://s><http://p>\"x\"@en.\n"
      "_:s<http://p>_:o.#c\n");
  ASSERT_FALSE(parsed.error) << parsed.error->ToString();
  ASSERT_EQ(parsed.quads.size(), 4u);
  EXPECT_EQ(parsed.quads[2].object, T(TermView::Literal("x", {}, "en")));
  EXPECT_EQ(parsed.quads[3].object, T(TermView::Blank("o")));
}

TEST(NTriplesParserTest, EmptyInputs) {
  for (std::string_view text : {"", "\n", "\r\n", "# only a comment", "#\n#\n", "   "}) {
    const Parsed parsed = Parse(text);
    EXPECT_FALSE(parsed.error) << text;
    EXPECT_TRUE(parsed.quads.empty()) << text;
  }
}

TEST(NTriplesParserTest, LineEndings) {
  const std::string triple = "<http://s> <http://p> <http://o> .";
  for (std::string_view eol : {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"}) {
    const std::string text = triple + std::string(eol) + triple + std::string(eol) + triple;
    const Parsed parsed = Parse(text);
    EXPECT_FALSE(parsed.error);
    EXPECT_EQ(parsed.quads.size(), 3u);
  }
}

TEST(NTriplesParserTest, ErrorLineCountsEveryKindOfLineBreak) {
  // LF, CRLF, CR, CR LF-as-one, then the bad line 5.
  const Parsed parsed = Parse("# 1\n# 2\r\n# 3\r# 4\r\n<http://s> <http://p> .\n");
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.error->line, 5u);
  EXPECT_EQ(parsed.error->column, 23u);
  EXPECT_EQ(parsed.error->line_text, "<http://s> <http://p> .");
}

TEST(NTriplesParserTest, ByteOrderMarkIsSkipped) {
  const Parsed parsed = Parse("\xEF\xBB\xBF<http://s> <http://p> <http://o> .\n");
  EXPECT_FALSE(parsed.error);
  EXPECT_EQ(parsed.quads.size(), 1u);
}

TEST(NTriplesParserTest, SinkCanStopTheParse) {
  std::istringstream in(
      "<http://s> <http://p> \"1\" .\n<http://s> <http://p> \"2\" .\nnot even N-Triples\n");
  ParseOptions options;
  options.format = RdfFormat::kNTriples;
  CollectSink sink(/*stop_after=*/1);
  EXPECT_FALSE(ParseNTriples(in, options, sink));
  EXPECT_EQ(sink.quads.size(), 1u);
}

TEST(NTriplesParserTest, StatementsBeforeAnErrorAreDelivered) {
  const Parsed parsed = Parse("<http://s> <http://p> \"1\" .\n<http://s> <http://p> \"2\" . x\n");
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.quads.size(), 1u);  // the bad line's statement is not accepted
}

// ---- Skip mode --------------------------------------------------------------------------------

TEST(NTriplesSkipTest, BadLinesAreReportedAndTheRestIsParsed) {
  std::istringstream in(
      "<http://s> <http://p> \"1\" .\r\n"
      "<http://s> <http://p> \"2\" . x\r\n"           // an error after a whole statement
      "<http://s> <http://p> <rel> .\n"               // an action error (relative IRI)
      "# a comment\n"
      "<http://s> <http://p> \"3\"@en .\n"
      "<http://s> <http://p> \"\\u00\" .\n"           // a bad escape
      "<http://s> <http://p> \"4\" .");                // the last line, without a break
  ParseOptions options;
  options.format = RdfFormat::kNTriples;
  options.source_name = "skip.nt";
  std::vector<ParseError> errors;
  options.on_bad_statement = [&](const ParseError& error) { errors.push_back(error); };
  CollectSink sink;
  EXPECT_FALSE(ParseRdf(in, options, sink));
  ASSERT_EQ(sink.quads.size(), 3u);
  EXPECT_EQ(sink.quads[1].object.value, "3");
  EXPECT_EQ(sink.quads[2].object.value, "4");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[0].source, "skip.nt");
  EXPECT_EQ(errors[0].line_text, "<http://s> <http://p> \"2\" . x");
  EXPECT_EQ(errors[1].line, 3u);
  EXPECT_NE(errors[1].message.find("relative IRI"), std::string::npos) << errors[1].message;
  EXPECT_EQ(errors[2].line, 6u);
}

TEST(NTriplesSkipTest, NQuadsSkipToo) {
  std::istringstream in(
      "<http://s> <http://p> <http://o> <http://g> <http://h> .\n"
      "<http://s> <http://p> <http://o> <http://g> .\n");
  ParseOptions options;
  options.format = RdfFormat::kNQuads;
  int errors = 0;
  options.on_bad_statement = [&](const ParseError&) { ++errors; };
  CollectSink sink;
  EXPECT_FALSE(ParseRdf(in, options, sink));
  EXPECT_EQ(errors, 1);
  EXPECT_EQ(sink.quads.size(), 1u);
}

// ---- N-Quads --------------------------------------------------------------------------------

TEST(NQuadsParserTest, GraphLabels) {
  const Parsed parsed = Parse(
      "<http://s> <http://p> <http://o> <http://g> .\n"
      "<http://s> <http://p> \"o\"@en _:g .\n"
      "<http://s> <http://p> \"o\"^^<http://www.w3.org/2001/XMLSchema#integer><http://g>.\n"
      "<http://s> <http://p> <http://o> .\n",
      RdfFormat::kNQuads);
  ASSERT_FALSE(parsed.error) << parsed.error->ToString();
  ASSERT_EQ(parsed.quads.size(), 4u);
  EXPECT_EQ(parsed.quads[0].graph, T(TermView::Iri("http://g")));
  EXPECT_EQ(parsed.quads[1].graph, T(TermView::Blank("g")));
  EXPECT_EQ(parsed.quads[1].object, T(TermView::Literal("o", {}, "en")));
  EXPECT_EQ(parsed.quads[2].graph, T(TermView::Iri("http://g")));
  EXPECT_EQ(parsed.quads[2].object, T(TermView::Literal("o", kXsdInteger)));
  EXPECT_TRUE(parsed.quads[3].graph.view().IsDefaultGraph());
}

// ---- Errors ---------------------------------------------------------------------------------

struct ErrorCase {
  std::string_view text;
  RdfFormat format;
  std::uint64_t line;
  std::uint64_t column;
  std::string_view message;
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.text; }

class NTriplesErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(NTriplesErrorTest, ReportsWhereAndWhat) {
  const ErrorCase& c = GetParam();
  const Parsed parsed = Parse(c.text, c.format);
  ASSERT_TRUE(parsed.error) << c.text;
  EXPECT_EQ(parsed.error->message, c.message) << c.text;
  EXPECT_EQ(parsed.error->line, c.line) << c.text;
  EXPECT_EQ(parsed.error->column, c.column) << c.text;
  EXPECT_EQ(parsed.error->source, "test.nt");
}

constexpr RdfFormat kNt = RdfFormat::kNTriples;
constexpr RdfFormat kNq = RdfFormat::kNQuads;

const ErrorCase kErrorCases[] = {
    // IRIs.
    {"<http://s> <http://p> <http://o .", kNt, 1, 32,
     "a space is not allowed in an IRI (expected '>' to close it)"},
    {"<http://s> <http://p> <http://o", kNt, 1, 32, "expected '>' to close the IRI"},
    {"<http://s> <http://p> <http://a{b}> .", kNt, 1, 32,
     "'{' is not allowed in an IRI (expected '>' to close it)"},
    {"<foo> <http://p> <http://o> .", kNt, 1, 1,
     "relative IRI 'foo' is not allowed in N-Triples (it needs a scheme such as http:)"},
    {"<http://s> <p> <http://o> <http://g> .", kNq, 1, 12,
     "relative IRI 'p' is not allowed in N-Quads (it needs a scheme such as http:)"},
    {"<http://s> <http://p> <> .", kNt, 1, 23,
     "the empty IRI <> is not allowed in N-Triples (IRIs need a scheme such as http:)"},
    {"<http://s> <http://p> \"1\"^^<integer> .", kNt, 1, 28,
     "relative IRI 'integer' is not allowed in N-Triples (it needs a scheme such as http:)"},
    {"<http://s> <http://p> <http://a\\u0020b> .", kNt, 1, 32,
     "escape '\\u0020' stands for a space (U+0020), which is not allowed in an IRI"},
    {"<http://s> <http://p> <http://a\\u003Eb> .", kNt, 1, 32,
     "escape '\\u003E' stands for '>', which is not allowed in an IRI"},
    {"<http://s> <http://p> <http://a\\n> .", kNt, 1, 32,
     "escape '\\n' is not allowed in an IRI (only \\uXXXX and \\UXXXXXXXX are)"},
    {"<http://s> <http://p> <http://a\\u12> .", kNt, 1, 32,
     "invalid escape '\\u12': \\u must be followed by 4 hex digits"},
    {"<http://s> <http://p> <http://a\\uD800> .", kNt, 1, 32,
     "escape '\\uD800' is a surrogate, not a Unicode character"},
    // Strings.
    {"<http://s> <http://p> \"abc .", kNt, 1, 29,
     "expected '\"' to close the string (it must end on the same line)"},
    {"<http://s> <http://p> \"a\\qb\" .", kNt, 1, 25,
     "unknown escape '\\q' (known: \\t \\b \\n \\r \\f \\\" \\' \\\\ \\u \\U)"},
    {"<http://s> <http://p> \"a\\äb\" .", kNt, 1, 25,
     "unknown escape '\\ä' (known: \\t \\b \\n \\r \\f \\\" \\' \\\\ \\u \\U)"},
    {"<http://s> <http://p> \"\\uWXYZ\" .", kNt, 1, 24,
     "invalid escape '\\uWXYZ': \\u must be followed by 4 hex digits"},
    {"<http://s> <http://p> \"\\U0000FFF\" .", kNt, 1, 24,
     "invalid escape '\\U0000FFF': \\U must be followed by 8 hex digits"},
    {"<http://s> <http://p> \"ok \\uDC00\" .", kNt, 1, 27,
     "escape '\\uDC00' is a surrogate, not a Unicode character"},
    {"<http://s> <http://p> \"\\U00110000\" .", kNt, 1, 24,
     "escape '\\U00110000' is beyond U+10FFFF, the last Unicode character"},
    {"<http://s> <http://p> \"\"\"long\"\"\" .", kNt, 1, 25,
     "\"\"\"long strings\"\"\" are Turtle, not N-Triples or N-Quads: write \"…\" with \\n escapes"},
    {"<http://s> <http://p> 'single' .", kNt, 1, 23,
     "strings are written in double quotes \"…\", not '…'"},
    {"<http://s> <http://p> \"x\"@ .", kNt, 1, 27,
     "expected a language tag such as 'en' or 'de-CH' after '@'"},
    {"<http://s> <http://p> \"x\"@1 .", kNt, 1, 27,
     "expected a language tag such as 'en' or 'de-CH' after '@'"},
    {"<http://s> <http://p> \"x\"^^xsd:int .", kNt, 1, 28,
     "expected a datatype IRI in <…> after '^^'"},
    {"<http://s> <http://p> 42 .", kNt, 1, 23,
     "a number must be written as a literal, such as "
     "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"},
    {"<http://s> <http://p> -.5 .", kNt, 1, 23,
     "a number must be written as a literal, such as "
     "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"},
    // Blank nodes.
    {"_::a <http://p> <http://o> .", kNt, 1, 3,
     "expected a blank node label after '_:' (starting with a letter, digit or '_')"},
    {"_:abc:def <http://p> <http://o> .", kNt, 1, 6, "':' is not allowed in a blank node label"},
    {"_: <http://p> <http://o> .", kNt, 1, 3,
     "expected a blank node label after '_:' (starting with a letter, digit or '_')"},
    // Structure.
    {"<http://s> <http://p> <http://o>", kNt, 1, 33, "expected '.' at the end of the statement"},
    {"<http://s> <http://p> <http://o> <http://g> .", kNt, 1, 34,
     "N-Triples has no graph names (this looks like N-Quads; use a .nq file)"},
    {"<http://s> <http://p> <http://o> _:g .", kNt, 1, 34,
     "N-Triples has no graph names (this looks like N-Quads; use a .nq file)"},
    {"<http://s> <http://p> <http://o>, <http://o2> .", kNt, 1, 33,
     "N-Triples has no ',' or ';' lists (write each statement in full, one per line)"},
    {"<http://s> <http://p> <http://o> <http://g> <http://x> .", kNq, 1, 45,
     "expected '.' after the graph name (a statement has at most four terms)"},
    {"<http://s> <http://p> <http://o> \"g\" .", kNq, 1, 34, "a literal cannot be a graph name"},
    {"<http://s> <http://p> <http://o> . <http://s> <http://p> <http://o> .", kNt, 1, 36,
     "expected the end of the line after '.' (one statement per line)"},
    {"\"s\" <http://p> <http://o> .", kNt, 1, 1, "a literal cannot be the subject of a statement"},
    {"@prefix ex: <http://e/> .", kNt, 1, 1,
     "N-Triples has no @prefix or @base directives (this looks like Turtle; use a .ttl file)"},
    {"BASE <http://e/>", kNq, 1, 1,
     "N-Quads has no @prefix or @base directives (this looks like Turtle; use a .ttl file)"},
    {"ex:s <http://p> <http://o> .", kNt, 1, 1,
     "expected a subject (an IRI in <…> or a blank node _:label), found 'e'"},
    {"<http://s> _:p <http://o> .", kNt, 1, 12,
     "a blank node cannot be the predicate of a statement"},
    {"<http://s> a <http://o> .", kNt, 1, 12,
     "'a' is Turtle shorthand: write <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"},
    {"<http://s> <http://p> .", kNt, 1, 23,
     "expected an object (an IRI in <…>, a blank node _:label or a literal \"…\"), found '.'"},
    {"<http://s> <http://p>", kNt, 1, 22,
     "expected an object (an IRI in <…>, a blank node _:label or a literal \"…\"), "
     "found the end of the line"},
    // Line numbers and columns after other lines; columns count bytes.
    {"# ok\n\n<http://s> <http://p> \"ä\" .\n<http://s> <http://p> \"ä\" ,\n", kNt, 4, 28,
     "N-Triples has no ',' or ';' lists (write each statement in full, one per line)"},
    {"<http://s> <http://p> \"two\nlines\" .", kNt, 1, 27,
     "expected '\"' to close the string (it must end on the same line)"},
    // Invalid UTF-8, wherever it is.
    {"<http://s> <http://p> \"a\xFF\" .", kNt, 1, 25, "invalid UTF-8 byte 0xFF"},
    {"<http://s> <http://p> <http://\xC3> .", kNt, 1, 31, "invalid UTF-8 byte 0xC3"},
    {"<http://s> <http://p> \"\xC0\xAF\" .", kNt, 1, 24,  // overlong
     "invalid UTF-8 byte 0xC0"},
    {"<http://s> <http://p> \"\xED\xA0\x80\" .", kNt, 1, 24,  // surrogate
     "invalid UTF-8 byte 0xED"},
    {"<http://s> <http://p> \"\xF4\x90\x80\x80\" .", kNt, 1, 24, "invalid UTF-8 byte 0xF4"},
    {"# comment \x80\n", kNt, 1, 11, "invalid UTF-8 byte 0x80"},
    {"<http://s> <http://p> <http://o> . # \xE2\x82\n", kNt, 1, 38, "invalid UTF-8 byte 0xE2"},
    {"_:a\xC3 <http://p> <http://o> .", kNt, 1, 4, "invalid UTF-8 byte 0xC3"},
};

INSTANTIATE_TEST_SUITE_P(Cases, NTriplesErrorTest, testing::ValuesIn(kErrorCases));

TEST(NTriplesParserTest, ErrorToStringShowsTheLineAndACaret) {
  const Parsed parsed = Parse("<http://s> <http://p> <http://o> <http://g> .\n");
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.error->ToString(),
            "test.nt:1:34: N-Triples has no graph names (this looks like N-Quads; use a .nq "
            "file)\n"
            "  <http://s> <http://p> <http://o> <http://g> .\n"
            "                                   ^");
}

// ---- Streaming ------------------------------------------------------------------------------

// Statements whose literal names its own line number, with line breaks cycling through LF, CRLF
// and CR and lengths varying widely, so that lines and CRLF pairs fall across read boundaries.
std::string ManyLines(std::size_t min_bytes, std::size_t* lines) {
  std::string text;
  std::size_t n = 0;
  while (text.size() < min_bytes) {
    ++n;
    text += "<http://example.org/s" + std::to_string(n) + "> <http://example.org/p> \"line " +
            std::to_string(n) + " " + std::string(n * 7919 % 700, 'x') + "\" .";
    static constexpr std::string_view kBreaks[] = {"\n", "\r\n", "\r"};
    text += kBreaks[n % 3];
  }
  *lines = n;
  return text;
}

TEST(NTriplesStreamingTest, MultiMegabyteInputKeepsLineNumbers) {
  std::size_t lines = 0;
  std::string text = ManyLines(5u << 20, &lines);
  text += "<http://s> <http://p> <http://o> <http://g> .\n";
  const Parsed parsed = Parse(text);
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.error->line, lines + 1);
  EXPECT_EQ(parsed.error->column, 34u);
  ASSERT_EQ(parsed.quads.size(), lines);
  for (std::size_t i = 0; i < lines; i += 997) {
    const std::string prefix = "line " + std::to_string(i + 1) + " ";
    EXPECT_TRUE(parsed.quads[i].object.value.starts_with(prefix)) << i;
  }
}

TEST(NTriplesStreamingTest, LineBreaksAtEveryOffsetAroundTheReadBoundary) {
  // Reads are 1 MiB; move a CRLF, a lone CR and an LF across that offset byte by byte.
  const std::string statement = "<http://s> <http://p> \"v\" .";
  for (std::string_view eol : {"\r\n", "\r", "\n"}) {
    for (int shift = -4; shift <= 4; ++shift) {
      const std::size_t target = (std::size_t{1} << 20) + shift;  // offset of eol's first byte
      std::string text = "# " + std::string(target - 2 - statement.size() - 1, 'c') + "\n";
      text += statement;  // ends right before `target`
      ASSERT_EQ(text.size(), target);
      text += eol;
      text += statement + "\n<bad\n";
      const Parsed parsed = Parse(text);
      ASSERT_TRUE(parsed.error);
      EXPECT_EQ(parsed.error->line, 4u) << "shift " << shift;
      EXPECT_EQ(parsed.quads.size(), 2u) << "shift " << shift;
    }
  }
}

TEST(NTriplesStreamingTest, LineLongerThanTheReadBuffer) {
  const std::string big(3u << 20, 'z');  // 3 MiB literal: the buffer must grow twice
  const std::string text = "<http://s> <http://p> \"a\" .\n<http://s> <http://p> \"" + big +
                           "\" .\r\n<http://s> <http://p> \"b\" .\n<x> .";
  const Parsed parsed = Parse(text);
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.error->line, 4u);
  ASSERT_EQ(parsed.quads.size(), 3u);
  EXPECT_EQ(parsed.quads[1].object.value, big);
  EXPECT_EQ(parsed.quads[2].object.value, "b");
}

TEST(NTriplesStreamingTest, ErrorInsideAHugeLineHasItsColumn) {
  const std::string text = "<http://s> <http://p> \"" + std::string(2u << 20, 'q') + "\\q\" .";
  const Parsed parsed = Parse(text);
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.error->line, 1u);
  EXPECT_EQ(parsed.error->column, 23u + (2u << 20) + 1);
}

}  // namespace
}  // namespace silk::rdf
