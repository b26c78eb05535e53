#include "shell/repl/box_table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace silk::shell::repl {
namespace {

const Prefixes kPrefixes = {{"kca", "https://silkgraph.org/kca/"},
                            {"src", "https://silkgraph.org/kca/source/"}};

std::string Draw(std::size_t width, const std::vector<std::string>& variables,
                 const std::vector<std::vector<std::optional<rdf::TermView>>>& rows) {
  std::ostringstream out;
  BoxTableWriter writer(out, {.width = width, .color = false, .prefixes = kPrefixes});
  writer.Begin(variables);
  for (const auto& row : rows) writer.WriteRow(row);
  writer.End();
  return out.str();
}

TEST(BoxTable, DrawsABoxWithShortNamesRightAlignedNumbersAndEmptyUnbound) {
  const std::string table =
      Draw(80, {"who", "n"},
           {{rdf::TermView::Iri("https://silkgraph.org/kca/SadyrJaparov"),
             rdf::TermView::Literal("7", "http://www.w3.org/2001/XMLSchema#integer")},
            {rdf::TermView::Iri("https://silkgraph.org/kca/source/001_a"), std::nullopt}});
  EXPECT_EQ(table,
            "┌──────────────────┬────┐\n"
            "│ ?who             │ ?n │\n"
            "├──────────────────┼────┤\n"
            "│ kca:SadyrJaparov │  7 │\n"
            "│ src:001_a        │    │\n"
            "└──────────────────┴────┘\n");
}

TEST(BoxTable, ElidesLongValuesToFitTheTerminal) {
  const std::string long_text(100, 'x');
  const std::string table = Draw(30, {"text"}, {{rdf::TermView::Literal(long_text)}});
  std::istringstream lines(table);
  std::string line;
  while (std::getline(lines, line)) EXPECT_EQ(DisplayWidth(line), 30u) << line;
  EXPECT_NE(table.find("xx…"), std::string::npos);
}

TEST(BoxTable, WideCharactersTakeTwoColumns) {
  EXPECT_EQ(DisplayWidth("윤석열"), 6u);
  EXPECT_EQ(DisplayWidth("Жапаров"), 7u);
  EXPECT_EQ(Elide("윤석열", 5), "윤석…");
  EXPECT_EQ(Elide("abc", 3), "abc");
}

TEST(BoxTable, ShortTermText) {
  EXPECT_EQ(ShortTermText(rdf::TermView::Iri("http://other.org/x"), kPrefixes), "<http://other.org/x>");
  EXPECT_EQ(ShortTermText(rdf::TermView::Iri("https://silkgraph.org/kca/a/b"), kPrefixes),
            "<https://silkgraph.org/kca/a/b>");
  EXPECT_EQ(ShortTermText(rdf::TermView::Literal("Seoul", {}, "en"), kPrefixes), "\"Seoul\"@en");
  EXPECT_EQ(ShortTermText(rdf::TermView::Literal("1992", "http://www.w3.org/2001/XMLSchema#gYear"),
                          {{"xsd", "http://www.w3.org/2001/XMLSchema#"}}),
            "\"1992\"^^xsd:gYear");
}

TEST(LineMode, OneNameValueLinePerBinding) {
  std::ostringstream out;
  LineWriter writer(out, kPrefixes);
  writer.Begin({"who", "country"});
  const std::vector<std::optional<rdf::TermView>> row = {
      rdf::TermView::Iri("https://silkgraph.org/kca/SadyrJaparov"), std::nullopt};
  writer.WriteRow(row);
  writer.WriteRow(row);
  writer.End();
  EXPECT_EQ(out.str(),
            "    ?who = kca:SadyrJaparov\n?country = \n\n"
            "    ?who = kca:SadyrJaparov\n?country = \n");
}

}  // namespace
}  // namespace silk::shell::repl
