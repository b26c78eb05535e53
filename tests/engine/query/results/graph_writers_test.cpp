// The graph formats: each writes what it is given so that a parser reads back the same
// statements, and Turtle groups them for a reader.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "engine/query/results/result_writer.h"
#include "grammar/rdf/rdf_parser.h"
#include "tests/engine/storage/test_store.h"

namespace silk::query {
namespace {

using storage::testing::Blank;
using storage::testing::Iri;
using storage::testing::Literal;
using storage::testing::MakeQuad;
using storage::testing::Xsd;

constexpr std::string_view kE = "http://e/";

class Collector final : public rdf::QuadSink {
 public:
  bool Accept(const rdf::QuadView& quad) override {
    quads.insert(rdf::Quad(quad));
    return true;
  }
  std::set<rdf::Quad> quads;
};

// Statements that test the corners: names that cannot be prefixed, every kind of literal,
// blank nodes, rdf:type, and a named graph beside the default one.
std::vector<rdf::Quad> Sample() {
  const auto e = [](std::string_view local) { return Iri(std::string(kE) + std::string(local)); };
  return {
      MakeQuad(e("a"), Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), e("Person")),
      MakeQuad(e("a"), e("name"), Literal("Ann \"A\"\nline", {}, "en")),
      MakeQuad(e("a"), e("name"), Literal("\xC3\x84nne")),
      MakeQuad(e("a"), e("age"), Literal("42", Xsd("integer"))),
      MakeQuad(e("a"), e("score"), Literal("1.5e3", Xsd("double"))),
      MakeQuad(e("a"), e("born"), Literal("1990-01-01", Xsd("date"))),
      MakeQuad(e("a"), e("knows"), Blank("b1")),
      MakeQuad(Blank("b1"), e("name"), Literal("x", Xsd("string"))),
      MakeQuad(e("a.b."), e("-odd"), e("\xC3\x9Cn\xC3\xAF" "code"), e("g1")),
      MakeQuad(e("c"), Iri("http://other/p#q"), Iri("urn:x:y"), e("g1")),
  };
}

std::string Write(ResultFormat format, const std::vector<rdf::Quad>& quads) {
  std::ostringstream out;
  std::unique_ptr<ResultWriter> writer = MakeResultWriter(
      format, out,
      {.prefixes = {{"e", std::string(kE)}, {"xsd", "http://www.w3.org/2001/XMLSchema#"}}});
  for (const rdf::Quad& quad : quads) writer->WriteTriple(quad.view());
  writer->End();
  return out.str();
}

std::set<rdf::Quad> ReadBack(const std::string& text, rdf::RdfFormat format) {
  std::istringstream in(text);
  Collector collector;
  rdf::ParseOptions options;
  options.format = format;
  const std::optional<ParseError> error = rdf::ParseRdf(in, options, collector);
  EXPECT_FALSE(error.has_value()) << (error ? error->message : "") << "\n" << text;
  return collector.quads;
}

// What a format without graphs keeps: every statement, in the default graph, and
// ^^xsd:string dropped as the writers drop it.
std::set<rdf::Quad> Expected(bool keep_graphs) {
  std::set<rdf::Quad> expected;
  for (rdf::Quad quad : Sample()) {
    if (!keep_graphs) quad.graph = rdf::Term();
    if (quad.object.datatype == rdf::kXsdString) quad.object.datatype.clear();
    expected.insert(quad);
  }
  return expected;
}

TEST(GraphWriters, EachFormatReadsBackTheSameStatements) {
  EXPECT_EQ(ReadBack(Write(ResultFormat::kNTriples, Sample()), rdf::RdfFormat::kNTriples),
            Expected(false));
  EXPECT_EQ(ReadBack(Write(ResultFormat::kNQuads, Sample()), rdf::RdfFormat::kNQuads),
            Expected(true));
  EXPECT_EQ(ReadBack(Write(ResultFormat::kTurtle, Sample()), rdf::RdfFormat::kTurtle),
            Expected(false));
  EXPECT_EQ(ReadBack(Write(ResultFormat::kTrig, Sample()), rdf::RdfFormat::kTriG), Expected(true));
}

TEST(GraphWriters, TurtleGroupsBySubjectWithTheUsedPrefixes) {
  const std::vector<rdf::Quad> sample = Sample();
  const std::vector<rdf::Quad> quads(sample.begin(), sample.begin() + 4);
  EXPECT_EQ(Write(ResultFormat::kTurtle, quads),
            "@prefix e: <http://e/> .\n"
            "\n"
            "e:a a e:Person ;\n"
            "    e:name \"Ann \\\"A\\\"\\nline\"@en, \"\xC3\x84nne\" ;\n"
            "    e:age 42 .\n");
}

TEST(GraphWriters, TrigPutsNamedGraphsInBlocks) {
  const std::string trig = Write(ResultFormat::kTrig, Sample());
  EXPECT_NE(trig.find("\ne:g1 {\n    <http://e/a.b.> <http://e/-odd> <http://e/\xC3\x9Cn\xC3\xAF"
                      "code> .\n"),
            std::string::npos)
      << trig;
  EXPECT_NE(trig.find("e:born \"1990-01-01\"^^xsd:date"), std::string::npos) << trig;
}

TEST(GraphWriters, NothingWrittenForNoStatements) {
  EXPECT_EQ(Write(ResultFormat::kTurtle, {}), "");
  EXPECT_EQ(Write(ResultFormat::kTrig, {}), "");
}

TEST(ResultFormats, WhichFitWhat) {
  EXPECT_TRUE(FormatFits(ResultFormat::kTurtle, ResultKind::kGraph));
  EXPECT_FALSE(FormatFits(ResultFormat::kJson, ResultKind::kGraph));
  EXPECT_FALSE(FormatFits(ResultFormat::kNTriples, ResultKind::kSolutions));
  EXPECT_TRUE(FormatFits(ResultFormat::kCsv, ResultKind::kBoolean));
  EXPECT_TRUE(FormatsFor(ResultKind::kNothing).empty());
  for (ResultFormat format : FormatsFor(ResultKind::kGraph)) {
    EXPECT_EQ(ResultFormatNamed(ResultFormatName(format)), format);
  }
}

}  // namespace
}  // namespace silk::query
