// A load is all or nothing even when the process dies: `silk load` is killed with SIGKILL at
// random moments (while parsing, and while writing and ingesting the indexes), and each time
// the store must open cleanly, pass `silk check`, and hold either everything it held before
// or that plus the whole file, never part of it.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::duration;

constexpr int kLines = 200000;
constexpr int kSeedLines = 100;
constexpr char kCountQuery[] = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
// The line `silk load --progress` prints when parsing is done and the commit starts.
constexpr char kCommitStarts[] = "Writing the indexes";

// Every kind of term the loader encodes differently: IRIs, plain, tagged and typed literals
// (inlined and not), blank nodes, and named graphs.
std::string BigFile() {
  std::string text;
  text.reserve(kLines * 80);
  for (int i = 0; i < kLines; ++i) {
    const std::string s = "<http://e/s" + std::to_string(i / 4) + ">";
    switch (i % 6) {
      case 0: text += s + " <http://e/name> \"name " + std::to_string(i) + "\"@en"; break;
      case 1: text += s + " <http://e/n> \"" + std::to_string(i - 100000) + "\"^^<http://www.w3.org/2001/XMLSchema#integer>"; break;
      case 2: text += s + " <http://e/link> <http://e/s" + std::to_string((i * 7) % 50000) + ">"; break;
      case 3: text += "_:b" + std::to_string(i) + " <http://e/of> " + s; break;
      case 4: text += s + " <http://e/x> \"" + std::to_string(i) + ".5\"^^<http://e/custom>"; break;
      default: text += s + " <http://e/flag> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"; break;
    }
    text += " <http://e/g" + std::to_string(i % 3) + "> .\n";
  }
  return text;
}

std::string SeedFile() {
  std::string text;
  for (int i = 0; i < kSeedLines; ++i) {
    text += "<http://e/seed" + std::to_string(i) + "> <http://e/p> \"seed\" .\n";
  }
  return text;
}

class LoadKill : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.Sub("big.nq"), BigFile());
    WriteFile(dir_.Sub("seed.nt"), SeedFile());
  }

  std::string Db(int round) const { return dir_.Sub("db" + std::to_string(round)); }

  // A fresh store holding the seed only.
  void Seed(int round) {
    ProcessResult seeded = RunSilk({"--db", Db(round), "load", dir_.Sub("seed.nt")});
    ASSERT_EQ(seeded.exit_code, 0) << seeded.err;
  }

  std::uint64_t Count(int round) {
    ProcessResult result = RunSilk({"--db", Db(round), "query", kCountQuery, "--format", "tsv"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return std::stoull(result.out.substr(result.out.find('\n') + 1));
  }

  // A small --memory makes the load spill sorted runs to disk while it parses, so kills land
  // in spills and in the merge too.
  pid_t StartLoad(int round) {
    return StartSilk({"--db", Db(round), "load", "--memory", "16M", "--progress", dir_.Sub("big.nq")},
                     dir_.Sub("err" + std::to_string(round)));
  }

  // Polls the child's standard error until the commit begins; false if the child ended first.
  bool WaitForCommit(int round, pid_t pid) {
    while (ReadFile(dir_.Sub("err" + std::to_string(round))).find(kCommitStarts) ==
           std::string::npos) {
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        reaped_ = true;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
  }

  TempDir dir_;
  bool reaped_ = false;
};

TEST_F(LoadKill, AKilledLoadLeavesTheStoreBeforeOrAfterNeverBetween) {
  // One load to the end, to learn the counts and how long parsing and committing take.
  Seed(0);
  const auto started = Clock::now();
  const pid_t probe = StartLoad(0);
  ASSERT_TRUE(WaitForCommit(0, probe)) << ReadFile(dir_.Sub("err0"));
  const double parse_seconds = duration<double>(Clock::now() - started).count();
  int status = 0;
  ASSERT_EQ(::waitpid(probe, &status, 0), probe);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << ReadFile(dir_.Sub("err0"));
  const double commit_seconds = duration<double>(Clock::now() - started).count() - parse_seconds;
  const std::uint64_t before = kSeedLines;
  const std::uint64_t after = Count(0);
  ASSERT_EQ(after, before + kLines);

  const unsigned seed = std::random_device{}();
  std::mt19937 random(seed);
  SCOPED_TRACE("random seed " + std::to_string(seed) + "; parsing took " +
               std::to_string(parse_seconds) + " s, committing " +
               std::to_string(commit_seconds) + " s");
  // Rounds 1–3 kill while parsing (the first at once), rounds 4–8 after the commit started:
  // while the SST files are written, around the ingest, and at times past the probe's end.
  int finished = 0;
  int untouched = 0;
  int last_untouched_round = 0;
  for (int round = 1; round <= 8; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    Seed(round);
    reaped_ = false;
    const pid_t pid = StartLoad(round);
    if (round <= 3) {
      const double at = round == 1 ? 0.0 : std::uniform_real_distribution<>(0, parse_seconds)(random);
      std::this_thread::sleep_for(duration<double>(at));
    } else if (WaitForCommit(round, pid)) {
      const double at = std::uniform_real_distribution<>(0, 1.2 * commit_seconds)(random);
      std::this_thread::sleep_for(duration<double>(at));
    }
    if (!reaped_) {
      ::kill(pid, SIGKILL);
      ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    }

    ProcessResult check = RunSilk({"--db", Db(round), "check"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    const std::uint64_t count = Count(round);
    EXPECT_TRUE(count == before || count == after)
        << count << " quads: neither the " << before << " before nor the " << after << " after";
    if (count == after) {
      ++finished;
    } else {
      ++untouched;
      last_untouched_round = round;
    }
  }
  // A store whose load was killed still takes the load. (Only there: loading the file again
  // where it finished would add its blank nodes a second time, as fresh nodes.)
  if (last_untouched_round > 0) {
    ProcessResult reload = RunSilk({"--db", Db(last_untouched_round), "load", dir_.Sub("big.nq")});
    EXPECT_EQ(reload.exit_code, 0) << reload.err;
    EXPECT_EQ(Count(last_untouched_round), after);
    // The writable open removed what the killed load had spilled.
    EXPECT_FALSE(std::filesystem::exists(Db(last_untouched_round) + "/ingest.tmp"));
  }
  std::printf("killed loads: %d left the store as before, %d as after\n", untouched, finished);
}

}  // namespace
}  // namespace silk::testing
