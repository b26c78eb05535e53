// The parts of the command-line contract that are not loading: help, version, stats.
#include <gtest/gtest.h>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

TEST(Cli, VersionAndHelp) {
  ProcessResult version = RunSilk({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("silk ", 0), 0u) << version.out;

  ProcessResult help = RunSilk({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"load", "dump", "stats", "check"}) {
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
    ProcessResult one = RunSilk({command, "--help"});
    EXPECT_EQ(one.exit_code, 0);
    EXPECT_NE(one.out.find(std::string("Usage: silk [--db DIR] ") + command), std::string::npos)
        << one.out;
  }
}

TEST(Cli, StatsCountsWhatWasLoaded) {
  TempDir dir;
  WriteFile(dir.Sub("data.nq"),
            "<http://e/a> <http://e/knows> <http://e/b> .\n"
            "<http://e/a> <http://e/knows> <http://e/c> <http://e/g> .\n"
            "<http://e/b> <http://e/name> \"B\" <http://e/g> .\n");
  ASSERT_EQ(RunSilk({"--db", dir.Sub("db"), "load", dir.Sub("data.nq")}).exit_code, 0);
  ProcessResult stats = RunSilk({"--db", dir.Sub("db"), "stats"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("quads        3\n"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("graphs       1 named"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("<http://e/knows>"), std::string::npos) << stats.out;
}

TEST(Cli, DefaultStoreComesFromSilkDb) {
  TempDir dir;
  const std::string db = dir.Sub("from-env");
  setenv("SILK_DB", db.c_str(), 1);
  ProcessResult again = RunSilk({"stats"});
  unsetenv("SILK_DB");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(db), std::string::npos) << again.out;
}

TEST(Cli, NotAStoreIsRefused) {
  TempDir dir;
  WriteFile(dir.Sub("precious.txt"), "do not touch");
  ProcessResult load = RunSilk({"--db", dir.path().string(), "stats"});
  EXPECT_EQ(load.exit_code, 3);
  EXPECT_EQ(ReadFile(dir.Sub("precious.txt")), "do not touch");
}

}  // namespace
}  // namespace silk::testing
