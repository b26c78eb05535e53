#include "viz/term_text.h"

#include <gtest/gtest.h>

#include "viz/node_style.h"

namespace silk::viz {
namespace {

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

std::string Typed(std::string_view lexical, std::string_view type) {
  const std::string datatype = std::string(kXsd) + std::string(type);
  return CompactLiteral(rdf::TermView::Literal(lexical, datatype));
}

TEST(CompactLiteral, DatesAsPeopleWriteThem) {
  EXPECT_EQ(Typed("2024-12-03", "date"), "3 Dec 2024");
  EXPECT_EQ(Typed("2024-01", "gYearMonth"), "Jan 2024");
  EXPECT_EQ(Typed("1992", "gYear"), "1992");
  EXPECT_EQ(Typed("2024-12-03T22:23:00+09:00", "dateTime"), "3 Dec 2024 22:23");
  EXPECT_EQ(Typed("2024-13-01", "date"), "2024-13-01");  // not a month: as it is
}

TEST(CompactLiteral, NumbersWithSeparatorsBooleansAndText) {
  EXPECT_EQ(Typed("6000000000", "decimal"), "6,000,000,000");
  EXPECT_EQ(Typed("-1234.50", "decimal"), "-1,234.5");
  EXPECT_EQ(Typed("007", "integer"), "7");
  EXPECT_EQ(Typed("1.5E6", "double"), "1.5E6");
  EXPECT_EQ(Typed("true", "boolean"), "yes");
  EXPECT_EQ(CompactLiteral(rdf::TermView::Literal("Energie", {}, "de")), "Energie");
}

TEST(ValueWithUnit, TheShippedGraphsUnitsAndQualifiers) {
  const std::string decimal = std::string(kXsd) + "decimal";
  EXPECT_EQ(ValueWithUnit(rdf::TermView::Literal("13", decimal), "Percent", "Estimated"),
            "13 % (estimated)");
  EXPECT_EQ(ValueWithUnit(rdf::TermView::Literal("90", decimal), "Percent", "Approximately"),
            "\u2248 90 %");
  EXPECT_EQ(ValueWithUnit(rdf::TermView::Literal("700", decimal), "Companies", "MoreThan"),
            "more than 700 companies");
  EXPECT_EQ(ValueWithUnit(rdf::TermView::Literal("9600000000", decimal), "USD", ""),
            "9,600,000,000 USD");
}

TEST(NameAsWords, LocalNamesBecomeWords) {
  EXPECT_EQ(NameAsWords("participantState"), "participant state");
  EXPECT_EQ(NameAsWords("summit_2024_12_seoul"), "summit 2024 12 seoul");
  EXPECT_EQ(NameAsWords("metWith"), "met with");
  EXPECT_EQ(NameAsWords("USGS"), "USGS");
  EXPECT_EQ(LocalName("https://silkgraph.org/kca/Kyrgyzstan"), "Kyrgyzstan");
  EXPECT_EQ(LocalName("http://www.w3.org/2004/02/skos/core#prefLabel"), "prefLabel");
  EXPECT_EQ(LocalName("urn:x:"), "urn:x:");
}

TEST(StyleFor, TheMostTellingKindWins) {
  EXPECT_EQ(StyleFor({"http://schema.org/Person"}).kind, "person");
  EXPECT_EQ(StyleFor({"https://schema.org/Country"}).kind, "country");
  EXPECT_EQ(StyleFor({"http://schema.org/Event", "https://silkgraph.org/kca/Summit"}).kind, "event");
  // A forum that is also an organisation is drawn as an event.
  EXPECT_EQ(StyleFor({"http://schema.org/Organization", "https://silkgraph.org/kca/Forum"}).kind, "event");
  EXPECT_EQ(StyleFor({}).kind, "other");
}

}  // namespace
}  // namespace silk::viz
