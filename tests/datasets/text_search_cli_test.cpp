// Full-text search over the shipped graph's literals, in English, German and Turkish, through
// `silk query` (silk:matches, silk:score) and `silk search`.
#include <gtest/gtest.h>

#include <string>

#include "tests/shell/shipped_graph_store.h"

namespace silk::testing {
namespace {

class TextSearchCli : public ShippedGraphStore {
 protected:
  // The matching literals as `silk query` prints them in TSV, best first.
  static std::string Matches(const std::string& words) {
    std::string escaped;
    for (const char c : words) {
      if (c == '"' || c == '\\') escaped += '\\';
      escaped += c;
    }
    ProcessResult result = Silk(
        {"query",
         "SELECT ?lit WHERE { ?lit silk:matches \"" + escaped +
             "\" ; silk:score ?score } ORDER BY DESC(?score) STR(?lit)",
         "--format", "tsv"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out.substr(result.out.find('\n') + 1);  // without the header
  }
};

TEST_F(TextSearchCli, TurkishDottedAndDotlessI) {
  // "İş Konseyi"@tr: a capital dotted İ is the i of "iş".
  EXPECT_EQ(Matches("iş konseyi"), "\"İş Konseyi\"@tr\n");
  EXPECT_EQ(Matches("İŞ KONSEYİ"), "\"İş Konseyi\"@tr\n");
  // "altyapı"@tr: in Turkish the capital of ı is I.
  EXPECT_EQ(Matches("ALTYAPI"), "\"altyapı\"@tr\n");
  EXPECT_EQ(Matches("altyapı"), "\"altyapı\"@tr\n");
}

TEST_F(TextSearchCli, GermanCompoundByItsPart) {
  EXPECT_EQ(Matches("Wasserkraft"),
            "\"Wasserkraftwerke\"@de\n\"Projekt mit zehn kleinen Wasserkraftwerken\"@de\n");
}

TEST_F(TextSearchCli, EnglishStem) {
  const std::string signing = Matches("signing");
  EXPECT_NE(signing.find("signed Tuesday"), std::string::npos) << signing;
}

TEST_F(TextSearchCli, PhraseInOrder) {
  const std::string phrase = Matches("\"martial law\"");
  EXPECT_NE(phrase.find("Declaration of martial law in South Korea"), std::string::npos);
  EXPECT_EQ(Matches("\"law martial\""), "");
  // Without quotes the words may come in any order.
  EXPECT_EQ(Matches("law martial"), phrase);
}

TEST_F(TextSearchCli, ALabelNamingTheWordRanksBeforeAPassingMention) {
  const std::string hydropower = Matches("hydropower");
  EXPECT_EQ(hydropower.substr(0, hydropower.find('\n')), "\"hydropower plants\"@en") << hydropower;
  EXPECT_NE(hydropower.find("MoU on a small hydropower plant project"), std::string::npos);
}

TEST_F(TextSearchCli, JoinsWithTheQuadsThatHoldTheLiteral) {
  ProcessResult result = Silk({"query",
                               "SELECT ?thing WHERE { ?thing skos:prefLabel ?label . "
                               "?label silk:matches \"wasserkraftwerk\" }",
                               "--format", "tsv"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "?thing\n<https://silkgraph.org/kca/Hydropower>\n");
}

TEST_F(TextSearchCli, MalformedTextPatternsAreRefused) {
  ProcessResult no_words = Silk({"query", "SELECT ?l WHERE { ?l silk:matches \" ,. \" }"});
  EXPECT_EQ(no_words.exit_code, 1);
  EXPECT_NE(no_words.err.find("has no words to look for"), std::string::npos) << no_words.err;
  ProcessResult not_string = Silk({"query", "SELECT ?l WHERE { ?l silk:matches 42 }"});
  EXPECT_EQ(not_string.exit_code, 1);
  EXPECT_NE(not_string.err.find("silk:matches takes the words to look for as a string"),
            std::string::npos)
      << not_string.err;
  ProcessResult lone_score = Silk({"query", "SELECT ?s WHERE { ?l silk:score ?s }"});
  EXPECT_EQ(lone_score.exit_code, 1);
  EXPECT_NE(lone_score.err.find("silk:score needs a silk:matches pattern on ?l"),
            std::string::npos)
      << lone_score.err;
}

// silk search: the thing, the literal with its language, a snippet and the article's graph.
TEST_F(TextSearchCli, SearchListsThingLiteralSnippetAndGraph) {
  ProcessResult found = Silk({"search", "Wasserkraft", "--limit", "5"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_TRUE(found.out.starts_with("1. <https://silkgraph.org/kca/Hydropower>  ")) << found.out;
  EXPECT_NE(found.out.find("   literal  \"Wasserkraftwerke\"@de  (language de, score "),
            std::string::npos)
      << found.out;
  EXPECT_NE(found.out.find("   snippet  Projekt mit zehn kleinen [Wasserkraftwerken]"),
            std::string::npos)
      << found.out;
  EXPECT_NE(found.out.find("   graph    <https://silkgraph.org/kca/source/"), std::string::npos)
      << found.out;

  ProcessResult phrase = Silk({"search", "\"martial law\"", "--limit", "1"});
  ASSERT_EQ(phrase.exit_code, 0) << phrase.err;
  EXPECT_NE(phrase.out.find("Declaration of [martial] [law] in South Korea"), std::string::npos)
      << phrase.out;

  ProcessResult none = Silk({"search", "zebra"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.out, "");
  EXPECT_NE(none.err.find("no literal holds 'zebra'"), std::string::npos) << none.err;
}

// A description rather than a name: find falls back to the literals that hold its words.
TEST_F(TextSearchCli, FindFallsBackToTheLiterals) {
  ProcessResult found = Silk({"find", "energy sector"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_NE(found.out.find("No entity is called 'energy sector'; these literals hold the words:"),
            std::string::npos)
      << found.out;
  EXPECT_NE(found.out.find("<https://silkgraph.org/kca/mou_energy_key_minerals>"),
            std::string::npos)
      << found.out;
  EXPECT_EQ(Silk({"find", "Qwxzv"}).exit_code, 1);
}

// The word a newcomer typed first: the articles say "memorandum of understanding", the
// agreements' labels "MoU", and the kind of agreement carries the words in three languages.
TEST_F(TextSearchCli, MemorandumFindsTheKindOfAgreement) {
  for (const std::string word : {"Memorandum", "memorandum of understanding", "mutabakat"}) {
    ProcessResult found = Silk({"find", word});
    ASSERT_EQ(found.exit_code, 0) << word << ": " << found.err;
    EXPECT_NE(found.out.find("<https://silkgraph.org/kca/MemorandumOfUnderstanding>"),
              std::string::npos)
        << word << ": " << found.out;
  }
}

// The shell's .search, and .find's fallback, with the session's prefixes.
TEST_F(TextSearchCli, ShellSearchAndFindFallback) {
  ProcessResult shell =
      Silk({"shell"}, ".search hidroelektrik\n.find energy sector\n.search , ;\n");
  EXPECT_NE(shell.out.find("1. kca:Hydropower  skos:prefLabel"), std::string::npos) << shell.out;
  EXPECT_NE(shell.out.find("snippet  [hidroelektrik] santralleri"), std::string::npos)
      << shell.out;
  EXPECT_NE(shell.out.find("kca:mou_energy_key_minerals  skos:prefLabel"), std::string::npos)
      << shell.out;
  EXPECT_NE(shell.err.find("has no words to look for"), std::string::npos) << shell.err;
}

}  // namespace
}  // namespace silk::testing
