#include "tests/conformance/isomorphism.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace silk::conformance {
namespace {

using rdf::Quad;
using rdf::QuadView;
using rdf::TermView;

// A term from short text: "_:x" blank, "\"v\"" literal, anything else an IRI.
TermView T(std::string_view text) {
  if (text.starts_with("_:")) {
    return TermView::Blank(text.substr(2));
  }
  if (text.starts_with('"')) {
    return TermView::Literal(text.substr(1, text.size() - 2));
  }
  return TermView::Iri(text);
}

Quad Q(std::string_view s, std::string_view p, std::string_view o) {
  return Quad(QuadView{T(s), T(p), T(o), TermView::DefaultGraph()});
}

TEST(IsomorphismTest, GroundGraphsCompareAsSets) {
  EXPECT_TRUE(AreIsomorphic({Q("a", "p", "b"), Q("a", "p", "b")}, {Q("a", "p", "b")}));
  EXPECT_FALSE(AreIsomorphic({Q("a", "p", "b")}, {Q("a", "p", "c")}));
  EXPECT_FALSE(AreIsomorphic({}, {Q("a", "p", "c")}));
  EXPECT_TRUE(AreIsomorphic({}, {}));
}

TEST(IsomorphismTest, LiteralsCompareAsRdfTerms) {
  const Quad plain = Q("a", "p", "\"x\"");
  Quad typed = plain;
  typed.object.datatype = std::string(rdf::kXsdString);
  EXPECT_TRUE(AreIsomorphic({plain}, {typed}));
  Quad en = plain;
  en.object.language = "en-GB";
  Quad en_lower = plain;
  en_lower.object.language = "en-gb";
  EXPECT_TRUE(AreIsomorphic({en}, {en_lower}));
  EXPECT_FALSE(AreIsomorphic({plain}, {en}));
}

TEST(IsomorphismTest, BlankNodesMatchByBijection) {
  EXPECT_TRUE(AreIsomorphic({Q("_:a", "p", "_:b"), Q("_:b", "p", "c")},
                            {Q("_:x", "p", "_:y"), Q("_:y", "p", "c")}));
  // Both blank nodes may not map to the same one.
  EXPECT_FALSE(AreIsomorphic({Q("_:a", "p", "c"), Q("_:b", "p", "c")},
                             {Q("_:x", "p", "c"), Q("_:x", "q", "c")}));
  // Same counts and degrees, different structure: a 4-cycle against two 2-cycles.
  EXPECT_FALSE(AreIsomorphic(
      {Q("_:a", "p", "_:b"), Q("_:b", "p", "_:c"), Q("_:c", "p", "_:d"), Q("_:d", "p", "_:a")},
      {Q("_:w", "p", "_:x"), Q("_:x", "p", "_:w"), Q("_:y", "p", "_:z"), Q("_:z", "p", "_:y")}));
  // Symmetric structures need the search, not just colours.
  EXPECT_TRUE(AreIsomorphic({Q("_:a", "p", "_:b"), Q("_:b", "p", "_:c"), Q("_:c", "p", "_:a")},
                            {Q("_:z", "p", "_:x"), Q("_:x", "p", "_:y"), Q("_:y", "p", "_:z")}));
}

TEST(IsomorphismTest, GraphNamesTakePart) {
  Quad in_g = Q("a", "p", "b");
  in_g.graph = rdf::Term(TermView::Iri("g"));
  EXPECT_FALSE(AreIsomorphic({in_g}, {Q("a", "p", "b")}));
  Quad in_blank = Q("a", "p", "b");
  in_blank.graph = rdf::Term(TermView::Blank("g1"));
  Quad in_other_blank = Q("a", "p", "b");
  in_other_blank.graph = rdf::Term(TermView::Blank("h"));
  EXPECT_TRUE(AreIsomorphic({in_blank}, {in_other_blank}));
}

TEST(IsomorphismTest, DifferenceNamesTheStatements) {
  std::string difference;
  EXPECT_FALSE(AreIsomorphic({Q("a", "p", "b")}, {Q("a", "p", "\"c\"")}, &difference));
  EXPECT_NE(difference.find("only parsed: <a> <p> <b> ."), std::string::npos) << difference;
  EXPECT_NE(difference.find("only expected: <a> <p> \"c\" ."), std::string::npos) << difference;
}

}  // namespace
}  // namespace silk::conformance
