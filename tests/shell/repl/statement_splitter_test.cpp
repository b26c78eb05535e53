#include "shell/repl/statement_splitter.h"

#include <gtest/gtest.h>

namespace silk::shell::repl {
namespace {

using Statements = std::vector<std::string>;

Statements Feed(StatementSplitter& splitter, const std::vector<std::string>& lines) {
  Statements out;
  for (const std::string& line : lines) {
    for (std::string& s : splitter.AddLine(line)) out.push_back(std::move(s));
  }
  if (auto rest = splitter.Finish()) out.push_back(*rest);
  return out;
}

TEST(StatementSplitter, SemicolonsEndStatements) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"ASK { ?s ?p ?o }; SELECT * { ?s ?p ?o } LIMIT 1;"}),
            (Statements{"ASK { ?s ?p ?o }", "SELECT * { ?s ?p ?o } LIMIT 1"}));
}

TEST(StatementSplitter, BlankLineEndsAStatementWithBalancedBraces) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"SELECT ?s", "WHERE { ?s ?p ?o }", "LIMIT 2", "", "ASK {}"}),
            (Statements{"SELECT ?s\nWHERE { ?s ?p ?o }\nLIMIT 2", "ASK {}"}));
}

TEST(StatementSplitter, BlankLineInsideBracesIsKept) {
  StatementSplitter splitter;
  EXPECT_TRUE(splitter.AddLine("SELECT * WHERE {").empty());
  EXPECT_TRUE(splitter.pending());
  EXPECT_TRUE(splitter.AddLine("").empty());
  EXPECT_TRUE(splitter.AddLine("  ?s ?p ?o").empty());
  EXPECT_EQ(splitter.AddLine("};"), Statements{"SELECT * WHERE {\n\n  ?s ?p ?o\n}"});
  EXPECT_FALSE(splitter.pending());
}

TEST(StatementSplitter, IgnoresSeparatorsInStringsIrisAndComments) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"SELECT * { ?s <http://e/#a;b> \"x;}{\" . # ; } {", "  ?s ?p 'y;' };"}),
            (Statements{"SELECT * { ?s <http://e/#a;b> \"x;}{\" . # ; } {\n  ?s ?p 'y;' }"}));
}

TEST(StatementSplitter, LongStringsSpanLines) {
  StatementSplitter splitter;
  EXPECT_TRUE(splitter.AddLine("INSERT DATA { <a:b> <a:c> \"\"\"one;").empty());
  EXPECT_TRUE(splitter.AddLine("").empty());  // inside the string: not a separator
  EXPECT_TRUE(splitter.AddLine("} two\"\"\" }").empty());
  EXPECT_EQ(splitter.AddLine(";"), Statements{"INSERT DATA { <a:b> <a:c> \"\"\"one;\n\n} two\"\"\" }"});
}

TEST(StatementSplitter, LessThanIsNotAnIri) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"SELECT * { ?s ?p ?o FILTER(?o < 3) } ; ASK {}"}),
            (Statements{"SELECT * { ?s ?p ?o FILTER(?o < 3) }", "ASK {}"}));
}

TEST(StatementSplitter, DotCommandsAreLinesOfTheirOwn) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {".mode tsv", "SELECT * {", "?s ?p ?o", ".x }", "", ".timer on"}),
            (Statements{".mode tsv", "SELECT * {\n?s ?p ?o\n.x }", ".timer on"}));
}

TEST(StatementSplitter, SemicolonInABarePatternIsShorthand) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"?s a kca:Person ; kca:visited ?c .", "", "SELECT 1 {};"}),
            (Statements{"?s a kca:Person ; kca:visited ?c .", "SELECT 1 {}"}));
}

TEST(StatementSplitter, CommentOnlyStatementsAreDropped) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"# a comment", "", "  # another", ";"}), Statements{});
}

TEST(StatementSplitter, InteractiveEndsWhereTheStatementIsComplete) {
  StatementSplitter splitter({.is_complete = [](std::string_view text) { return text.ends_with("}"); }});
  EXPECT_TRUE(splitter.AddLine("SELECT * WHERE {").empty());  // braces open: never asked
  EXPECT_TRUE(splitter.AddLine("  ?s ?p ?o").empty());
  EXPECT_EQ(splitter.AddLine("}"), Statements{"SELECT * WHERE {\n  ?s ?p ?o\n}"});
  EXPECT_TRUE(splitter.AddLine("SELECT ?x").empty());  // not complete: goes on
  EXPECT_TRUE(splitter.pending());
  splitter.Reset();
  EXPECT_FALSE(splitter.pending());
}

TEST(StatementSplitter, KeywordsAreRecognised) {
  EXPECT_TRUE(StartsWithKeyword("  select ?x"));
  EXPECT_TRUE(StartsWithKeyword("PREFIX a: <b:>"));
  EXPECT_TRUE(StartsWithKeyword("explain analyze SELECT"));
  EXPECT_FALSE(StartsWithKeyword("?s ?p ?o"));
  EXPECT_FALSE(StartsWithKeyword("select:thing ?p ?o"));
  EXPECT_FALSE(StartsWithKeyword("kca:x ?p ?o"));
}

}  // namespace
}  // namespace silk::shell::repl
