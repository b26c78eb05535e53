// The runner's own machinery for SPARQL results: reading SRX / SRJ / RDF result sets and
// comparing solutions (blank-node bijection, order, lax cardinality).
#include <gtest/gtest.h>

#include "tests/conformance/rdfxml_reader.h"
#include "tests/conformance/solution_set.h"
#include "tests/conformance/sparql_results.h"

namespace silk::conformance {
namespace {

constexpr char kSrx[] = R"(<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
  <head><variable name="x"/><variable name="y"/></head>
  <results>
    <result><binding name="x"><bnode>r1</bnode></binding>
            <binding name="y"><literal xml:lang="EN">a &amp; b</literal></binding></result>
    <result><binding name="x"><uri>http://e/x</uri></binding></result>
  </results>
</sparql>)";

SolutionSet Srx(std::string_view text) {
  std::string error;
  std::optional<SolutionSet> set = ParseSrx(text, &error);
  EXPECT_TRUE(set.has_value()) << error;
  return set.value_or(SolutionSet{});
}

rdf::Term Iri(std::string_view iri) { return rdf::Term(rdf::TermView::Iri(iri)); }
rdf::Term Blank(std::string_view label) { return rdf::Term(rdf::TermView::Blank(label)); }
rdf::Term Literal(std::string_view lexical, std::string_view datatype = {},
                  std::string_view language = {}) {
  return rdf::Term(rdf::TermView::Literal(lexical, datatype, language));
}

TEST(SparqlResults, ReadsSrx) {
  const SolutionSet set = Srx(kSrx);
  EXPECT_EQ(set.variables, (std::vector<std::string>{"x", "y"}));
  ASSERT_EQ(set.solutions.size(), 2u);
  EXPECT_EQ(set.solutions[0].at("y"), Literal("a & b", "", "EN"));
  EXPECT_EQ(set.solutions[1].size(), 1u);  // ?y unbound
  EXPECT_EQ(Srx(R"(<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>
                   <boolean>true</boolean></sparql>)").boolean, true);
}

TEST(SparqlResults, ReadsSrj) {
  std::string error;
  const std::optional<SolutionSet> set = ParseSrj(
      R"({"head":{"vars":["c"]},"results":{"bindings":[{"c":{"type":"literal",
          "datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"0"}},
          {"c":{"type":"literal","value":"\u00e9\ud83d\ude00"}}]}})",
      &error);
  ASSERT_TRUE(set.has_value()) << error;
  ASSERT_EQ(set->solutions.size(), 2u);
  EXPECT_EQ(set->solutions[0].at("c").datatype, "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_EQ(set->solutions[1].at("c").value, "\xc3\xa9\xf0\x9f\x98\x80");
}

TEST(SparqlResults, ReadsRdfXmlResultSetsInIndexOrder) {
  std::string error;
  const std::optional<std::vector<rdf::Quad>> quads = ReadRdfXml(R"(<rdf:RDF
      xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns:rs="http://www.w3.org/2001/sw/DataAccess/tests/result-set#">
    <rs:ResultSet>
      <rs:resultVariable>v</rs:resultVariable>
      <rs:solution rdf:parseType="Resource">
        <rs:index rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">2</rs:index>
        <rs:binding rdf:parseType="Resource"><rs:variable>v</rs:variable>
          <rs:value rdf:resource="b"/></rs:binding>
      </rs:solution>
      <rs:solution rdf:parseType="Resource">
        <rs:index rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">1</rs:index>
        <rs:binding rdf:parseType="Resource"><rs:variable>v</rs:variable>
          <rs:value>a</rs:value></rs:binding>
      </rs:solution>
    </rs:ResultSet></rdf:RDF>)",
                                                                 "http://e/dir/r.rdf", &error);
  ASSERT_TRUE(quads.has_value()) << error;
  const std::optional<SolutionSet> set = ResultSetFromGraph(*quads);
  ASSERT_TRUE(set.has_value());
  ASSERT_EQ(set->solutions.size(), 2u);
  EXPECT_EQ(set->solutions[0].at("v"), Literal("a"));
  EXPECT_EQ(set->solutions[1].at("v"), Iri("http://e/dir/b"));
}

SolutionSet Rows(std::vector<Solution> solutions) {
  return SolutionSet{{"x", "y"}, std::move(solutions), std::nullopt};
}

TEST(SolutionSet, BlankNodesMatchByOneBijectionOverTheWholeResult) {
  const SolutionSet expected = Rows({{{"x", Blank("a")}, {"y", Blank("a")}},
                                     {{"x", Blank("b")}, {"y", Blank("a")}}});
  std::string difference;
  EXPECT_TRUE(SameResults(Rows({{{"x", Blank("q")}, {"y", Blank("p")}},
                                {{"x", Blank("p")}, {"y", Blank("p")}}}),
                          expected, {}, &difference))
      << difference;
  // Per row each would match, but no single bijection serves both rows.
  EXPECT_FALSE(SameResults(Rows({{{"x", Blank("p")}, {"y", Blank("p")}},
                                 {{"x", Blank("q")}, {"y", Blank("r")}}}),
                           expected, {}, &difference));
}

TEST(SolutionSet, MultisetsNumbersLanguageTagsOrderAndLaxCardinality) {
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  const Solution one{{"x", Literal("1.0", xsd + "decimal")}, {"y", Literal("a", "", "en")}};
  const Solution one_written_otherwise{{"x", Literal("1", xsd + "decimal")},
                                       {"y", Literal("a", "", "EN")}};
  const Solution two{{"x", Iri("http://e/2")}};
  std::string difference;
  EXPECT_TRUE(SameResults(Rows({one_written_otherwise, two}), Rows({two, one}), {}, &difference));
  // Same value, other datatype: different terms.
  EXPECT_FALSE(SameResults(Rows({{{"x", Literal("1", xsd + "integer")}, {"y", Literal("a", "", "en")}}}),
                           Rows({one}), {}, &difference));
  // Duplicates count.
  EXPECT_FALSE(SameResults(Rows({one, one}), Rows({one}), {}, &difference));
  // Order, judged on the sort keys only.
  CompareOptions ordered;
  ordered.order_keys = std::vector<std::string>{"x"};
  EXPECT_FALSE(SameResults(Rows({two, one}), Rows({one, two}), ordered, &difference));
  EXPECT_TRUE(SameResults(Rows({one, two}), Rows({one, two}), ordered, &difference));
  // REDUCED: between one and the expected number of copies.
  CompareOptions lax;
  lax.lax_cardinality = true;
  EXPECT_TRUE(SameResults(Rows({one, two}), Rows({one, one, two}), lax, &difference));
  EXPECT_FALSE(SameResults(Rows({two}), Rows({one, two}), lax, &difference));
}

}  // namespace
}  // namespace silk::conformance
