#include "shell/repl/statement_splitter.h"

#include <gtest/gtest.h>

namespace silk::shell::repl {
namespace {

using Texts = std::vector<std::string>;

Texts TextsOf(const std::vector<Statement>& statements) {
  Texts out;
  for (const Statement& s : statements) out.push_back(s.text);
  return out;
}

// Feeds a script: every line has arrived, so none ends a statement by being complete.
Texts Feed(StatementSplitter& splitter, const std::vector<std::string>& lines) {
  Texts out;
  for (const std::string& line : lines) {
    for (const Statement& s : splitter.AddLine(line, /*more_waiting=*/true)) out.push_back(s.text);
  }
  if (auto rest = splitter.Finish()) out.push_back(rest->text);
  return out;
}

// A stand-in for the parser: a statement is complete when it ends with '}' or a LIMIT, and a
// prologue when it only holds PREFIX lines.
Completeness Fake(std::string_view text) {
  if (text.starts_with("PREFIX") && text.find('{') == std::string_view::npos) return Completeness::kPrologue;
  if (text.ends_with("}") || text.find("LIMIT") != std::string_view::npos) return Completeness::kComplete;
  return Completeness::kIncomplete;
}

TEST(StatementSplitter, SemicolonsEndStatements) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"ASK { ?s ?p ?o }; SELECT * { ?s ?p ?o } LIMIT 1;"}),
            (Texts{"ASK { ?s ?p ?o }", "SELECT * { ?s ?p ?o } LIMIT 1"}));
}

TEST(StatementSplitter, BlankLineEndsAStatementWithBalancedBraces) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"SELECT ?s", "WHERE { ?s ?p ?o }", "LIMIT 2", "", "ASK {}"}),
            (Texts{"SELECT ?s\nWHERE { ?s ?p ?o }\nLIMIT 2", "ASK {}"}));
}

TEST(StatementSplitter, PastedBlankLineInsideBracesIsKept) {
  StatementSplitter splitter;
  EXPECT_TRUE(splitter.AddLine("SELECT * WHERE {", true).empty());
  EXPECT_TRUE(splitter.pending());
  EXPECT_TRUE(splitter.AddLine("", true).empty());
  EXPECT_TRUE(splitter.AddLine("  ?s ?p ?o", true).empty());
  EXPECT_EQ(TextsOf(splitter.AddLine("};", true)), Texts{"SELECT * WHERE {\n\n  ?s ?p ?o\n}"});
  EXPECT_FALSE(splitter.pending());
}

TEST(StatementSplitter, TypedBlankLineAlwaysEnds) {
  StatementSplitter splitter;
  EXPECT_TRUE(splitter.AddLine("SELECT * WHERE { ?s ?p ?o", false).empty());
  EXPECT_EQ(TextsOf(splitter.AddLine("", false)), Texts{"SELECT * WHERE { ?s ?p ?o"});
}

TEST(StatementSplitter, IgnoresSeparatorsInStringsIrisAndComments) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"SELECT * { ?s <http://e/#a;b> \"x;}{\" . # ; } {", "  ?s ?p 'y;' };"}),
            (Texts{"SELECT * { ?s <http://e/#a;b> \"x;}{\" . # ; } {\n  ?s ?p 'y;' }"}));
}

TEST(StatementSplitter, LongStringsSpanLines) {
  StatementSplitter splitter;
  EXPECT_TRUE(splitter.AddLine("INSERT DATA { <a:b> <a:c> \"\"\"one;", false).empty());
  EXPECT_TRUE(splitter.AddLine("", false).empty());  // inside the string: not a separator
  EXPECT_TRUE(splitter.AddLine("} two\"\"\" }", false).empty());
  EXPECT_EQ(TextsOf(splitter.AddLine(";", false)),
            Texts{"INSERT DATA { <a:b> <a:c> \"\"\"one;\n\n} two\"\"\" }"});
}

TEST(StatementSplitter, LessThanIsNotAnIri) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"SELECT * { ?s ?p ?o FILTER(?o < 3) } ; ASK {}"}),
            (Texts{"SELECT * { ?s ?p ?o FILTER(?o < 3) }", "ASK {}"}));
}

TEST(StatementSplitter, DotCommandsAreStatementsOfTheirOwn) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {".mode tsv", "SELECT * {", "?s ?p ?o", ".x }", "", ".timer on"}),
            (Texts{".mode tsv", "SELECT * {\n?s ?p ?o\n.x }", ".timer on"}));
  // After a query line, a dot-command ends the query instead of joining it.
  EXPECT_EQ(Feed(splitter, {"SELECT * { ?s ?p ?o }", ".mode csv", "ASK {}"}),
            (Texts{"SELECT * { ?s ?p ?o }", ".mode csv", "ASK {}"}));
}

TEST(StatementSplitter, SemicolonInABarePatternIsShorthand) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"?s a kca:Person ; kca:visited ?c .", "", "SELECT 1 {};"}),
            (Texts{"?s a kca:Person ; kca:visited ?c .", "SELECT 1 {}"}));
}

TEST(StatementSplitter, CommentOnlyStatementsAreDropped) {
  StatementSplitter splitter;
  EXPECT_EQ(Feed(splitter, {"# a comment", "", "  # another", ";"}), Texts{});
}

TEST(StatementSplitter, AKeywordLineStartsANewStatementAfterACompleteOne) {
  StatementSplitter splitter({.completeness = Fake});
  EXPECT_EQ(Feed(splitter, {"ASK { ?s ?p ?o }", "SELECT * { ?s ?p ?o }", "ORDER BY ?s", "LIMIT 1"}),
            (Texts{"ASK { ?s ?p ?o }", "SELECT * { ?s ?p ?o }\nORDER BY ?s\nLIMIT 1"}));
}

TEST(StatementSplitter, APrologueGoesWithTheQueryAfterIt) {
  StatementSplitter splitter({.completeness = Fake});
  EXPECT_EQ(Feed(splitter, {"PREFIX a: <x:>", "PREFIX b: <y:>", "SELECT * { ?s a:p ?o }"}),
            (Texts{"PREFIX a: <x:>\nPREFIX b: <y:>\nSELECT * { ?s a:p ?o }"}));
}

TEST(StatementSplitter, ATypedLineRunsWhenComplete) {
  StatementSplitter splitter({.completeness = Fake});
  EXPECT_EQ(TextsOf(splitter.AddLine("SELECT * { ?s ?p ?o }", false)), Texts{"SELECT * { ?s ?p ?o }"});
  EXPECT_TRUE(splitter.AddLine("SELECT ?x", false).empty());  // not complete: goes on
  EXPECT_TRUE(splitter.pending());
  splitter.Reset();
  // A prologue typed alone ends: the shell declares it.
  EXPECT_EQ(TextsOf(splitter.AddLine("PREFIX a: <x:>", false)), Texts{"PREFIX a: <x:>"});
}

TEST(StatementSplitter, AStatementTypedOverSeveralLinesWaitsForItsEnd) {
  StatementSplitter splitter({.completeness = Fake});
  EXPECT_TRUE(splitter.AddLine("SELECT * WHERE {", false).empty());  // braces open: never asked
  EXPECT_TRUE(splitter.AddLine("  ?s ?p ?o", false).empty());
  EXPECT_TRUE(splitter.AddLine("}", false).empty());  // complete, but ORDER BY may follow
  EXPECT_TRUE(splitter.AddLine("ORDER BY ?s", false).empty());
  EXPECT_TRUE(splitter.AddLine("LIMIT 5", false).empty());
  EXPECT_EQ(TextsOf(splitter.AddLine("", false)),
            Texts{"SELECT * WHERE {\n  ?s ?p ?o\n}\nORDER BY ?s\nLIMIT 5"});
}

TEST(StatementSplitter, APasteRunsOnceAllOfItHasArrived) {
  StatementSplitter splitter({.completeness = Fake});
  EXPECT_TRUE(splitter.AddLine("PREFIX a: <x:>", true).empty());  // a prologue, more coming
  EXPECT_TRUE(splitter.AddLine("SELECT * WHERE { ?s a:p ?o }", true).empty());
  EXPECT_TRUE(splitter.AddLine("ORDER BY ?s", true).empty());
  EXPECT_EQ(TextsOf(splitter.AddLine("LIMIT 2", false)),
            Texts{"PREFIX a: <x:>\nSELECT * WHERE { ?s a:p ?o }\nORDER BY ?s\nLIMIT 2"});
}

TEST(StatementSplitter, StatementsKnowWhereTheyStart) {
  StatementSplitter splitter;
  std::vector<Statement> out = splitter.AddLine("  ASK {} ;  SELECT", true);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].line, 1u);
  EXPECT_EQ(out[0].column, 3u);
  EXPECT_EQ(TextsOf(splitter.AddLine("", true)), Texts{"SELECT"});
  splitter.AddLine("# comment", true);  // line 3: the statement starts with its comment
  splitter.AddLine("  ASK { ?s ?p ?o }", true);
  const std::optional<Statement> last = splitter.Finish();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->line, 3u);
  EXPECT_EQ(last->column, 1u);
  EXPECT_EQ(last->first_line, "# comment");
}

TEST(StatementSplitter, KeywordsAreRecognised) {
  EXPECT_TRUE(StartsWithKeyword("  select ?x"));
  EXPECT_TRUE(StartsWithKeyword("PREFIX a: <b:>"));
  EXPECT_TRUE(StartsWithKeyword("explain analyze SELECT"));
  EXPECT_FALSE(StartsWithKeyword("?s ?p ?o"));
  EXPECT_FALSE(StartsWithKeyword("select:thing ?p ?o"));
  EXPECT_FALSE(StartsWithKeyword("kca:x ?p ?o"));
  EXPECT_TRUE(IsDotCommand("  .mode csv"));
  EXPECT_FALSE(IsDotCommand(". "));
  EXPECT_FALSE(IsDotCommand(".5"));
}

}  // namespace
}  // namespace silk::shell::repl
