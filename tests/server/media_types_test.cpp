#include "server/media_types.h"

#include <gtest/gtest.h>

namespace silk::server {
namespace {

using query::ResultFormat;
using query::ResultKind;

TEST(MediaTypes, DefaultsWithoutAccept) {
  EXPECT_EQ(NegotiateFormat("", ResultKind::kSolutions), ResultFormat::kJson);
  EXPECT_EQ(NegotiateFormat("", ResultKind::kBoolean), ResultFormat::kJson);
  EXPECT_EQ(NegotiateFormat("", ResultKind::kGraph), ResultFormat::kTurtle);
  EXPECT_EQ(NegotiateFormat("*/*", ResultKind::kSolutions), ResultFormat::kJson);
}

TEST(MediaTypes, EachFormatByName) {
  EXPECT_EQ(NegotiateFormat("application/sparql-results+xml", ResultKind::kSolutions), ResultFormat::kXml);
  EXPECT_EQ(NegotiateFormat("application/json", ResultKind::kSolutions), ResultFormat::kJson);
  EXPECT_EQ(NegotiateFormat("text/csv", ResultKind::kSolutions), ResultFormat::kCsv);
  EXPECT_EQ(NegotiateFormat("text/tab-separated-values", ResultKind::kSolutions), ResultFormat::kTsv);
  EXPECT_EQ(NegotiateFormat("text/plain", ResultKind::kSolutions), ResultFormat::kTable);
  EXPECT_EQ(NegotiateFormat("application/n-triples", ResultKind::kGraph), ResultFormat::kNTriples);
  EXPECT_EQ(NegotiateFormat("application/n-quads", ResultKind::kGraph), ResultFormat::kNQuads);
  EXPECT_EQ(NegotiateFormat("application/trig", ResultKind::kGraph), ResultFormat::kTrig);
  EXPECT_EQ(NegotiateFormat("TEXT/Turtle; charset=utf-8", ResultKind::kGraph), ResultFormat::kTurtle);
}

TEST(MediaTypes, QualityAndSpecificity) {
  EXPECT_EQ(NegotiateFormat("text/csv;q=0.5, application/sparql-results+xml", ResultKind::kSolutions),
            ResultFormat::kXml);
  EXPECT_EQ(NegotiateFormat("text/*, application/sparql-results+json;q=0.1", ResultKind::kSolutions),
            ResultFormat::kCsv);
  // A browser's header: */* at a lower q still gets the default.
  EXPECT_EQ(NegotiateFormat("text/html,application/xhtml+xml,*/*;q=0.8", ResultKind::kSolutions),
            ResultFormat::kJson);
  // q=0 refuses a type even when a wildcard accepts the rest.
  EXPECT_EQ(NegotiateFormat("*/*, application/sparql-results+json;q=0", ResultKind::kSolutions),
            ResultFormat::kXml);
}

TEST(MediaTypes, NothingAcceptable) {
  EXPECT_EQ(NegotiateFormat("image/png", ResultKind::kSolutions), std::nullopt);
  EXPECT_EQ(NegotiateFormat("text/csv", ResultKind::kGraph), std::nullopt);
  EXPECT_EQ(NegotiateFormat("*/*;q=0", ResultKind::kGraph), std::nullopt);
  EXPECT_EQ(NegotiateFormat(",,;;", ResultKind::kGraph), ResultFormat::kTurtle);
}

TEST(MediaTypes, ContentTypes) {
  const ContentType type = ParseContentType("Application/SPARQL-Query ; Charset=\"UTF-8\"");
  EXPECT_EQ(type.essence, "application/sparql-query");
  EXPECT_EQ(type.charset, "utf-8");
  EXPECT_EQ(ParseContentType("").essence, "");
  EXPECT_EQ(RdfFormatOfMediaType("text/turtle"), rdf::RdfFormat::kTurtle);
  EXPECT_EQ(RdfFormatOfMediaType("application/n-quads"), rdf::RdfFormat::kNQuads);
  EXPECT_EQ(RdfFormatOfMediaType("application/rdf+xml"), std::nullopt);
  EXPECT_EQ(ContentTypeOf(ResultFormat::kJson), "application/sparql-results+json; charset=utf-8");
}

}  // namespace
}  // namespace silk::server
