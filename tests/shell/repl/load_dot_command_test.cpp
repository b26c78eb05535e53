// The shell's .load is `silk load`: the same options, checks, messages and base IRIs, here fed
// to the shell as a script on standard input.
#include <gtest/gtest.h>

#include <string>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

constexpr char kGood[] =
    "<http://e/s> <http://e/p> \"one\" .\n"
    "<http://e/s> <http://e/p> \"two\" .\n";
constexpr char kGraphs[] = ".mode tsv\nSELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g;\n";

class LoadDotCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { WriteFile(dir_.Sub("good.nt"), kGood); }

  // A script on standard input: no prompt, no history, and the store named here only.
  ProcessResult Shell(const std::string& script) { return RunSilk({"--db", dir_.Sub("db")}, script); }
  std::string Dump() { return RunSilk({"--db", dir_.Sub("db"), "dump"}).out; }

  TempDir dir_;
};

TEST_F(LoadDotCommandTest, SkipBadIsAnOptionNotAGraph) {
  WriteFile(dir_.Sub("mixed.nt"), std::string(kGood) + "<http://e/s> <http://e/p> oops .\n");
  ProcessResult run = Shell(".load " + dir_.Sub("mixed.nt") + " --skip-bad\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("Loaded 2 statements (2 new) from " + dir_.Sub("mixed.nt")),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("Skipped 1 malformed statement; see " + dir_.Sub("mixed.nt") +
                         ".rejected.txt"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(Dump(), "<http://e/s> <http://e/p> \"one\" .\n<http://e/s> <http://e/p> \"two\" .\n");
}

TEST_F(LoadDotCommandTest, GraphOptionNamesTheGraph) {
  ProcessResult run = Shell(".load '" + dir_.Sub("good.nt") + "' --graph <http://e/g>\n" + kGraphs);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "?g\t?n\n<http://e/g>\t2\n");
}

TEST_F(LoadDotCommandTest, WordsThatAreNoGraphOrOptionAreRefusedWithTheCommandLinesMessages) {
  const std::string good = dir_.Sub("good.nt");
  const std::pair<std::string, std::string> kCases[] = {
      {good + " not an iri", "cannot tell the format of 'not' from its name"},
      {good + " http://e/g", "to load into the graph <http://e/g>, use --graph"},
      {good + " --graph 'not an iri'",
       "--graph needs an absolute IRI such as <http://example.org/g>, not 'not an iri' (it has "
       "no scheme such as http:)"},
      {good + " --graph \"http://e/a b\"", "(it contains a space, which IRIs cannot)"},
      {good + " --frobnicate", "unknown option '--frobnicate' for '.load'"},
      {good + " --graph", "--graph needs a value (IRI)"},
      {good + " --memory 1M", "--memory needs a size of at least 16M"},
      {good + " --report r.txt", "--report names the file for --skip-bad"},
      {"", "'.load' needs FILE..."},
      {"'" + good, "the quote ' is not closed"},
      {"-", ".load cannot read standard input"},
  };
  for (const auto& [words, message] : kCases) {
    ProcessResult run = Shell(".load " + words + "\n");
    EXPECT_EQ(run.exit_code, 1) << words;
    EXPECT_NE(run.err.find(message), std::string::npos) << words << "\n" << run.err;
  }
  EXPECT_EQ(Dump(), "");

  // The same words on the command line get the same message (and exit code 2).
  ProcessResult cli = RunSilk({"--db", dir_.Sub("db"), "load", good, "--graph", "not an iri"});
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_NE(cli.err.find(kCases[2].second), std::string::npos) << cli.err;
}

TEST_F(LoadDotCommandTest, AllFilesInOneTransaction) {
  WriteFile(dir_.Sub("bad.nt"), "<http://e/s> <http://e/p> oops .\n");
  ProcessResult run = Shell(".load " + dir_.Sub("good.nt") + " " + dir_.Sub("bad.nt") + "\n");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(dir_.Sub("bad.nt") + ":1:27:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("silk: stopped at " + dir_.Sub("bad.nt") + ":1 after 0 statements"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("silk: nothing was loaded; the store is unchanged"), std::string::npos)
      << run.err;
  EXPECT_EQ(Dump(), "");
}

TEST_F(LoadDotCommandTest, RelativeIrisResolveAgainstTheFileOrBase) {
  WriteFile(dir_.Sub("rel.ttl"), "<s> <p> <#o> .\n");
  ProcessResult run = Shell(".load " + dir_.Sub("rel.ttl") + "\n.load " + dir_.Sub("rel.ttl") +
                            " --base http://b/ --graph http://e/g\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string dir = "file://" + dir_.path().string() + "/";
  EXPECT_EQ(Dump(),
            "<" + dir + "s> <" + dir + "p> <" + dir + "rel.ttl#o> .\n"
            "<http://b/s> <http://b/p> <http://b/#o> <http://e/g> .\n");
}

TEST_F(LoadDotCommandTest, HelpListsTheOptions) {
  ProcessResult help = Shell(".help\n.load --help\n");
  ASSERT_EQ(help.exit_code, 0) << help.err;
  EXPECT_NE(help.out.find(".load FILE... [--graph IRI] [--format FORMAT] [--base IRI] "
                          "[--skip-bad [--report FILE]] [--memory SIZE]"),
            std::string::npos)
      << help.out;
  EXPECT_NE(help.out.find("Usage: .load FILE..."), std::string::npos) << help.out;
  for (const char* option : {"--graph IRI", "--base IRI", "--skip-bad", "--memory SIZE"}) {
    EXPECT_NE(help.out.find("  " + std::string(option)), std::string::npos) << option;
  }
}

}  // namespace
}  // namespace silk::testing
