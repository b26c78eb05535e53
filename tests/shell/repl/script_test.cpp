// `silk` with statements piped in (or -f FILE): results only, as `silk query` prints them.
#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

std::string ShippedGraph() {
  const char* source = std::getenv("SILK_SOURCE_DIR");
  return std::string(source != nullptr ? source : ".") + "/datasets/korea-central-asia.trig";
}

class ShellScriptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The child inherits these: never the user's own store or history.
    ::setenv("HOME", dir_.Sub("home").c_str(), 1);
    ::setenv("XDG_DATA_HOME", dir_.Sub("data").c_str(), 1);
    ::setenv("SILK_DB", dir_.Sub("unused-default").c_str(), 1);
    db_ = dir_.Sub("kca");
    ASSERT_EQ(RunSilk({"--db", db_, "load", ShippedGraph()}).exit_code, 0);
  }
  TempDir dir_;
  std::string db_;
};

const std::string kRanking =
    "SELECT ?article ?position ?country WHERE { GRAPH ?article { ?r a kca:Ranking ;\n"
    "    kca:entry [ kca:position ?position ; kca:item/skos:prefLabel ?country ] } }\n"
    "  ORDER BY ?article ?position";
const std::string kDocuments =
    "SELECT ?documents ?article WHERE { GRAPH ?article { ?event kca:documentsSigned ?documents } }";
const std::string kNames =
    "PREFIX ex: <http://example.org/>\n"
    "SELECT ?name WHERE { kca:SadyrJaparov skos:altLabel ?name } ORDER BY ?name LIMIT 4";

TEST_F(ShellScriptTest, APipedScriptPrintsWhatSilkQueryPrints) {
  const std::string script =
      "# statements end with ';' or a blank line; dot-commands are lines of their own\n" +
      kRanking + ";\n" + kDocuments + "\n\n.mode tsv\n" + kNames + ";\n.mode csv\n" + kDocuments + "\n";
  ProcessResult piped = RunSilk({"--db", db_}, script);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.err, "");

  std::string one_by_one;
  for (const auto& [query, format] : std::vector<std::pair<std::string, std::string>>{
           {kRanking, "table"}, {kDocuments, "table"}, {kNames, "tsv"}, {kDocuments, "csv"}}) {
    ProcessResult alone = RunSilk({"--db", db_, "query", "--format", format, query});
    ASSERT_EQ(alone.exit_code, 0) << alone.err;
    one_by_one += alone.out;
  }
  EXPECT_EQ(piped.out, one_by_one);

  // The same through `silk shell -f FILE`.
  WriteFile(dir_.Sub("script.rq"), script);
  ProcessResult from_file = RunSilk({"--db", db_, "shell", "-f", dir_.Sub("script.rq")});
  EXPECT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_EQ(from_file.out, one_by_one);
}

TEST_F(ShellScriptTest, StopsAtTheFirstErrorUnlessKeepGoing) {
  const std::string script = "ASK { ?s ?p ?o };\nSELECT ?x WHERE { ?x kca:visited };\nASK { ?s ?p ?o };\n";
  ProcessResult stopped = RunSilk({"--db", db_}, script);
  EXPECT_EQ(stopped.exit_code, 1);
  EXPECT_EQ(stopped.out, "true\n");
  EXPECT_NE(stopped.err.find("^"), std::string::npos) << stopped.err;  // the caret

  ProcessResult went_on = RunSilk({"--db", db_, "shell", "--keep-going"}, script);
  EXPECT_EQ(went_on.exit_code, 1);
  EXPECT_EQ(went_on.out, "true\ntrue\n");
}

TEST_F(ShellScriptTest, ABarePatternIsASelect) {
  ProcessResult bare = RunSilk({"--db", db_}, ".mode tsv\n?who kca:visited kca:Kazakhstan ; skos:prefLabel \"Yoon Suk Yeol\"@en .\n");
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  EXPECT_EQ(bare.out, "?who\n<https://silkgraph.org/kca/YoonSukYeol>\n");
}

TEST_F(ShellScriptTest, UpdatesChangeTheStoreAndDotCommandsWork) {
  ProcessResult run = RunSilk(
      {"--db", db_},
      ".prefix ex: <http://example.org/>\n"
      "INSERT DATA { GRAPH ex:g { ex:a ex:b ex:c } };\n"
      ".mode tsv\n"
      "SELECT ?o WHERE { ex:a ex:b ?o };\n"
      ".graphs\n"
      ".describe ex:a\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("?o\n<http://example.org/c>\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("1  ex:g"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("ex:b  ex:c   [ex:g]"), std::string::npos) << run.out;
}

TEST_F(ShellScriptTest, WhyNamesTheArticlesBehindEachRow) {
  ProcessResult run = RunSilk({"--db", db_}, kDocuments + ";\n.why\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("1. ?documents = 10, ?article = src:001_064249028d0f084c\n"
                         "   src:001_064249028d0f084c\n"),
            std::string::npos)
      << run.out;
}

TEST_F(ShellScriptTest, FindAndUnknownCommands) {
  ProcessResult find = RunSilk({"--db", db_}, ".find Dschaparow\n");
  EXPECT_EQ(find.exit_code, 0) << find.err;
  EXPECT_NE(find.out.find("Sadyr Japarov  kca:SadyrJaparov"), std::string::npos) << find.out;
  ProcessResult unknown = RunSilk({"--db", db_}, ".frobnicate\n");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("unknown command '.frobnicate'"), std::string::npos) << unknown.err;
}

TEST_F(ShellScriptTest, OneStatementPerLineAndDotCommandsOfTheirOwn) {
  // No ';' and no blank lines: each keyword line starts a statement, a dot-command ends one,
  // and ORDER BY or LIMIT on a line of its own still belongs to the query before it.
  ProcessResult run = RunSilk({"--db", db_},
                              "ASK { ?s ?p ?o }\n"
                              ".mode tsv\n"
                              "SELECT ?c WHERE { kca:YoonSukYeol kca:visited ?c }\n"
                              "ORDER BY ?c\n"
                              "LIMIT 2\n"
                              "ASK { kca:YoonSukYeol kca:visited kca:Mars }\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "true\n?c\n<https://silkgraph.org/kca/Kazakhstan>\n<https://silkgraph.org/kca/Turkmenistan>\nfalse\n");
}

TEST_F(ShellScriptTest, ErrorsNameTheScriptFileLineAndColumn) {
  const std::string script = "ASK { ?s ?p ?o }\n\n  # the next query lacks an object\n  SELECT ?x WHERE { ?x kca:visited }\n";
  const std::string path = dir_.Sub("q.silk");
  WriteFile(path, script);
  ProcessResult from_file = RunSilk({"--db", db_, "shell", "-f", path});
  EXPECT_EQ(from_file.exit_code, 1);
  // Line 3 is where the statement starts (with its comment); the error is on line 4.
  EXPECT_NE(from_file.err.find(path + ":4:36: expected an object"), std::string::npos) << from_file.err;
  EXPECT_NE(from_file.err.find("\n    SELECT ?x WHERE { ?x kca:visited }\n"), std::string::npos) << from_file.err;

  ProcessResult piped = RunSilk({"--db", db_}, script);
  EXPECT_NE(piped.err.find("<stdin>:4:36: expected an object"), std::string::npos) << piped.err;

  ProcessResult read = RunSilk({"--db", db_}, ".read " + path + "\n");
  EXPECT_EQ(read.exit_code, 1);
  EXPECT_NE(read.err.find(path + ":4:36: expected an object"), std::string::npos) << read.err;

  // A bracket's "opened at" names its place in the script too.
  ProcessResult unclosed = RunSilk({"--db", db_}, "PREFIX : <http://e/>\n\nCONSTRUCT\nWHERE { ?s ?p ?o FILTER ( ?o = :o1) }\n");
  EXPECT_NE(unclosed.err.find("<stdin>:4:18: expected '}' to close the template opened at 4:7"), std::string::npos)
      << unclosed.err;

  // After ';' on the same line, columns still count from the line's start.
  ProcessResult same_line = RunSilk({"--db", db_}, "ASK {} ; SELECT ?x WHERE { ?x foo:bar ?y }\n");
  EXPECT_NE(same_line.err.find("<stdin>:1:31: unknown prefix 'foo'"), std::string::npos) << same_line.err;
}

TEST_F(ShellScriptTest, KeepGoingResumesAtTheNextStatement) {
  ProcessResult run = RunSilk({"--db", db_, "shell", "--keep-going"},
                              "SELECT ?x WHERE { ?x foo:bar ?y }\n"
                              "ASK { ?s ?p ?o }\n"
                              "SELECT ?x WHERE { ?x kca:visited }\n"
                              "ASK { ?s ?p ?o }\n");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "true\ntrue\n");
  EXPECT_NE(run.err.find("<stdin>:1:22: unknown prefix 'foo'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("<stdin>:3:"), std::string::npos) << run.err;
}

TEST_F(ShellScriptTest, APrologueDeclaresForTheRestOfTheSession) {
  ProcessResult run = RunSilk({"--db", db_},
                              "PREFIX who: <https://silkgraph.org/kca/>\n"
                              "\n"
                              ".mode tsv\n"
                              "SELECT ?c WHERE { who:YoonSukYeol who:visited ?c } ORDER BY ?c LIMIT 1\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "?c\n<https://silkgraph.org/kca/Kazakhstan>\n");
}

TEST_F(ShellScriptTest, WordsANewcomerTypesGetAHint) {
  for (const std::string word : {"help", "exit", "quit", "?", "QUIT;"}) {
    ProcessResult run = RunSilk({"--db", db_}, word + "\n");
    EXPECT_EQ(run.exit_code, 1) << word;
    EXPECT_TRUE(run.err.find(".help") != std::string::npos || run.err.find(".quit") != std::string::npos)
        << word << ": " << run.err;
    EXPECT_EQ(run.err.find("opened at"), std::string::npos) << run.err;
  }
  // Text that is neither SPARQL nor a pattern: the error points at the user's first word.
  ProcessResult words = RunSilk({"--db", db_}, "foo bar\n");
  EXPECT_EQ(words.exit_code, 1);
  EXPECT_NE(words.err.find("<stdin>:1:1: expected a query"), std::string::npos) << words.err;
  EXPECT_EQ(words.err.find("opened at"), std::string::npos) << words.err;
  // An unfinished pattern: the error is at the end of what was typed, not in the wrapper.
  ProcessResult unfinished = RunSilk({"--db", db_}, "?x kca:visited\n");
  EXPECT_NE(unfinished.err.find("<stdin>:1:15:"), std::string::npos) << unfinished.err;
  EXPECT_EQ(unfinished.err.find("1:16"), std::string::npos) << unfinished.err;
}

TEST_F(ShellScriptTest, AReadOfItselfStopsWithAMessage) {
  const std::string path = dir_.Sub("self.silk");
  WriteFile(path, ".read " + path + "\n");
  ProcessResult run = RunSilk({"--db", db_}, ".read " + path + "\n");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("nest more than"), std::string::npos) << run.err;
}

TEST_F(ShellScriptTest, AnEmptyQueryIsAnError) {
  ProcessResult empty = RunSilk({"--db", db_, "query"}, "");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("no query given"), std::string::npos) << empty.err;
  ProcessResult prologue = RunSilk({"--db", db_, "query", "PREFIX a: <http://a/> # nothing else"});
  EXPECT_EQ(prologue.exit_code, 1);
  EXPECT_NE(prologue.err.find("holds no query or update"), std::string::npos) << prologue.err;
}

}  // namespace
}  // namespace silk::testing
